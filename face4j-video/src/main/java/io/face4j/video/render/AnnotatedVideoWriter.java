package io.face4j.video.render;

import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.file.Path;

import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameRecorder;

import io.face4j.video.source.VideoSourceException;

/**
 * Writes BGR frames to a video file with FFmpeg: H.264 when the bundled FFmpeg has an H.264 encoder, else MPEG-4
 * Part 2, which every FFmpeg build has. Not thread-safe. Close it to finish the file.
 */
public final class AnnotatedVideoWriter implements AutoCloseable {
    private final FFmpegFrameRecorder recorder;
    private final Frame frame;
    private final String codec;
    private final Path file;

    private AnnotatedVideoWriter(FFmpegFrameRecorder recorder, Frame frame, String codec, Path file) {
        this.recorder = recorder;
        this.frame = frame;
        this.codec = codec;
        this.file = file;
    }

    /** Opens {@code file} for {@code width}x{@code height} frames at {@code fps}; the container follows the extension. */
    public static AnnotatedVideoWriter open(Path file, int width, int height, double fps) {
        if (width <= 0 || height <= 0 || !(fps > 0)) {
            throw new IllegalArgumentException("width, height and fps must be > 0, got " + width + "x" + height + " at " + fps);
        }
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
        FrameRecorder.Exception h264Failure;
        try {
            return start(file, width, height, fps, avcodec.AV_CODEC_ID_H264, "h264");
        } catch (FrameRecorder.Exception | RuntimeException e) {
            h264Failure = e instanceof FrameRecorder.Exception fe ? fe : new FrameRecorder.Exception(e.getMessage());
        }
        try {
            return start(file, width, height, fps, avcodec.AV_CODEC_ID_MPEG4, "mpeg4");
        } catch (FrameRecorder.Exception | RuntimeException e) {
            throw new VideoSourceException("cannot write video " + file + ": " + e.getMessage()
                    + " (H.264 failed first: " + h264Failure.getMessage() + ")", e);
        }
    }

    private static AnnotatedVideoWriter start(Path file, int width, int height, double fps, int codecId, String name)
            throws FrameRecorder.Exception {
        FFmpegFrameRecorder r = new FFmpegFrameRecorder(file.toFile(), width, height, 0);
        r.setVideoCodec(codecId);
        r.setFrameRate(fps);
        r.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
        if (codecId == avcodec.AV_CODEC_ID_MPEG4) {
            // qscale 3: visually clean MPEG-4 (1 best .. 31 worst); its default bit rate is too low for 1080p
            r.setVideoQuality(3);
        } else {
            // CRF 23: libx264's own default quality
            r.setVideoOption("crf", "23");
        }
        try {
            r.start();
        } catch (FrameRecorder.Exception | RuntimeException e) {
            try {
                r.release();
            } catch (FrameRecorder.Exception ignored) {
                // nothing more to free
            }
            throw e;
        }
        return new AnnotatedVideoWriter(r, new Frame(width, height, Frame.DEPTH_UBYTE, 3), name, file);
    }

    /** "h264" or "mpeg4". */
    public String codec() {
        return codec;
    }

    /** Appends a TYPE_3BYTE_BGR image of the writer's size. */
    public void write(BufferedImage image) {
        if (image.getWidth() != frame.imageWidth || image.getHeight() != frame.imageHeight) {
            throw new IllegalArgumentException("image must be " + frame.imageWidth + "x" + frame.imageHeight + ", got "
                    + image.getWidth() + "x" + image.getHeight());
        }
        byte[] bgr = FrameAnnotator.bgrBytes(image);
        ByteBuffer buffer = (ByteBuffer) frame.image[0];
        int row = frame.imageWidth * 3;
        for (int y = 0; y < frame.imageHeight; y++) {
            buffer.position(y * frame.imageStride);
            buffer.put(bgr, y * row, row);
        }
        buffer.position(0);
        try {
            recorder.record(frame, avutil.AV_PIX_FMT_BGR24);
        } catch (FrameRecorder.Exception e) {
            throw new VideoSourceException("cannot write video " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            recorder.close();
        } catch (FrameRecorder.Exception e) {
            throw new VideoSourceException("cannot finish video " + file + ": " + e.getMessage(), e);
        } finally {
            frame.close();
        }
    }
}
