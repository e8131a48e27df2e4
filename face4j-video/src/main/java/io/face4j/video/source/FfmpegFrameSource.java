package io.face4j.video.source;

import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

import io.face4j.image.RgbImage;

/**
 * Cameras, video files and network streams decoded by FFmpeg (JavaCV's {@link FFmpegFrameGrabber}) into BGR24 frames.
 * Live sources that drop are reopened {@link SourceOptions#reconnectAttempts()} times with doubling back-off, then
 * fail with a {@link VideoSourceException}. Not thread-safe.
 */
public final class FfmpegFrameSource implements FrameSource {
    private static final Pattern FFMPEG_ERROR = Pattern.compile("error (-\\d+)");

    private final SourceSpec spec;
    private final SourceOptions options;
    private FFmpegFrameGrabber grabber;
    private SourceInfo info;
    private byte[] scratch = new byte[0];
    private long nextIndex;
    private long timestampOffsetMicros;
    private long lastTimestampMicros;

    private FfmpegFrameSource(SourceSpec spec, SourceOptions options) {
        this.spec = spec;
        this.options = options;
    }

    /** Opens a camera, file or URL; throws {@link VideoSourceException} with FFmpeg's reason when it cannot. */
    public static FfmpegFrameSource open(SourceSpec spec, SourceOptions options) {
        if (spec instanceof SourceSpec.ImageFolder) {
            throw new IllegalArgumentException("spec: image folders are read by ImageFolderSource, not FFmpeg");
        }
        if (spec instanceof SourceSpec.File file && !java.nio.file.Files.isRegularFile(file.path())) {
            throw new VideoSourceException("cannot open " + spec.describe() + ": no such file");
        }
        FfmpegFrameSource source = new FfmpegFrameSource(spec, options);
        source.start();
        return source;
    }

    private void start() {
        quietFfmpegLog();
        FFmpegFrameGrabber g = newGrabber();
        try {
            g.start();
        } catch (FrameGrabber.Exception | RuntimeException e) {
            closeQuietly(g);
            throw new VideoSourceException("cannot open " + spec.describe() + ": " + reason(e), e);
        }
        grabber = g;
        double fps = g.getFrameRate();
        long frames = spec.isLive() ? -1 : g.getLengthInVideoFrames();
        info = new SourceInfo(g.getImageWidth(), g.getImageHeight(), fps > 0 ? fps : Double.NaN,
                frames > 0 ? frames : -1, spec.isLive());
    }

    private FFmpegFrameGrabber newGrabber() {
        FFmpegFrameGrabber g;
        if (spec instanceof SourceSpec.File f) {
            g = new FFmpegFrameGrabber(f.path().toFile());
        } else if (spec instanceof SourceSpec.Url u) {
            g = network(u);
        } else {
            g = camera((SourceSpec.Camera) spec);
        }
        g.setPixelFormat(avutil.AV_PIX_FMT_BGR24);
        if (options.width() > 0) {
            g.setImageWidth(options.width());
            g.setImageHeight(options.height());
        }
        return g;
    }

    private FFmpegFrameGrabber network(SourceSpec.Url url) {
        FFmpegFrameGrabber g = new FFmpegFrameGrabber(url.url());
        String micros = Long.toString(options.timeout().toNanos() / 1000);
        // rw_timeout: every FFmpeg protocol's read/write timeout; for RTSP "timeout" is the socket I/O timeout
        // (FFmpeg 5 renamed the old "stimeout" to it). Both in microseconds. Without them a dead server hangs forever.
        g.setOption("rw_timeout", micros);
        if (url.scheme().startsWith("rtsp")) {
            g.setOption("timeout", micros);
            g.setOption("rtsp_transport", "tcp");
        }
        g.setTimeout((int) Math.min(Integer.MAX_VALUE, options.timeout().toMillis()));
        return g;
    }

    private FFmpegFrameGrabber camera(SourceSpec.Camera camera) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        FFmpegFrameGrabber g;
        if (os.contains("mac")) {
            g = new FFmpegFrameGrabber(camera.device() != null ? camera.device() : Integer.toString(camera.index()));
            g.setFormat("avfoundation");
        } else if (os.contains("win")) {
            if (camera.device() == null) {
                throw new VideoSourceException("cannot open " + camera.describe() + ": on Windows name the camera "
                        + "(list them with: ffmpeg -list_devices true -f dshow -i dummy)");
            }
            g = new FFmpegFrameGrabber("video=" + camera.device());
            g.setFormat("dshow");
        } else {
            g = new FFmpegFrameGrabber(camera.device() != null ? camera.device() : "/dev/video" + camera.index());
            g.setFormat("video4linux2");
        }
        if (options.fps() > 0) {
            g.setFrameRate(options.fps());
        }
        return g;
    }

    @Override
    public Optional<VideoFrame> next() {
        if (grabber == null) {
            throw new IllegalStateException("source is closed");
        }
        for (int attempt = 0; ; attempt++) {
            Frame frame;
            Exception failure = null;
            try {
                frame = grabber.grabImage();
            } catch (FrameGrabber.Exception | RuntimeException e) {
                frame = null;
                failure = e;
            }
            if (frame != null && frame.image != null) {
                return Optional.of(convert(frame));
            }
            if (!spec.isLive()) {
                if (failure != null) {
                    throw new VideoSourceException("cannot read " + spec.describe() + " after frame " + nextIndex + ": "
                            + reason(failure), failure);
                }
                return Optional.empty();
            }
            if (attempt >= options.reconnectAttempts()) {
                throw new VideoSourceException("lost " + spec.describe() + " after " + options.reconnectAttempts()
                        + " reconnect attempts" + (failure != null ? ": " + reason(failure) : ": end of stream"), failure);
            }
            reconnect(attempt);
        }
    }

    private void reconnect(int attempt) {
        closeQuietly(grabber);
        long waitMillis = options.reconnectBackoff().toMillis() << Math.min(attempt, 16);
        try {
            Thread.sleep(waitMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VideoSourceException("interrupted while reconnecting to " + spec.describe(), e);
        }
        // a reopened stream restarts its clock: keep timestamps increasing across the gap
        timestampOffsetMicros = lastTimestampMicros + 1;
        FFmpegFrameGrabber g = newGrabber();
        try {
            g.start();
            grabber = g;
        } catch (FrameGrabber.Exception | RuntimeException e) {
            closeQuietly(g);
            grabber = failedPlaceholder();
        }
    }

    /** After a failed reopen the next grab must fail too, so the retry loop moves on to the next attempt. */
    private FFmpegFrameGrabber failedPlaceholder() {
        return new FFmpegFrameGrabber("") {
            @Override
            public Frame grabImage() throws Exception {
                throw new Exception("reconnect failed");
            }
        };
    }

    private VideoFrame convert(Frame frame) {
        ByteBuffer buffer = (ByteBuffer) frame.image[0];
        int stride = frame.imageStride;
        int needed = stride * (frame.imageHeight - 1) + frame.imageWidth * 3;
        if (scratch.length < needed) {
            scratch = new byte[needed];
        }
        buffer.duplicate().position(0).get(scratch, 0, needed);
        RgbImage image = RgbImage.fromBgr(scratch, frame.imageWidth, frame.imageHeight, stride);
        long timestamp = timestampOffsetMicros + Math.max(0, frame.timestamp);
        lastTimestampMicros = timestamp;
        return new VideoFrame(image, nextIndex++, timestamp);
    }

    @Override
    public SourceInfo info() {
        return info;
    }

    @Override
    public void close() {
        if (grabber != null) {
            closeQuietly(grabber);
            grabber = null;
        }
    }

    private static void closeQuietly(FFmpegFrameGrabber g) {
        try {
            g.close();
        } catch (FrameGrabber.Exception | RuntimeException e) {
            // closing a half-open grabber can fail; nothing is left to release
        }
    }

    /** JavaCV's message with FFmpeg's error code spelled out (e.g. "-111" becomes "Connection refused"). */
    static String reason(Exception e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        Matcher m = FFMPEG_ERROR.matcher(message);
        if (m.find()) {
            try {
                byte[] text = new byte[256];
                avutil.av_strerror(Integer.parseInt(m.group(1)), text, text.length);
                String explained = new String(text, java.nio.charset.StandardCharsets.UTF_8).trim().replace("\0", "");
                if (!explained.isEmpty()) {
                    return explained + " (" + message.trim() + ")";
                }
            } catch (RuntimeException | UnsatisfiedLinkError ignored) {
                // fall back to JavaCV's text
            }
        }
        return message.trim();
    }

    private static volatile boolean logQuieted;

    /** FFmpeg logs warnings to stderr by default; errors reach the caller as exceptions instead. */
    private static void quietFfmpegLog() {
        if (!logQuieted) {
            avutil.av_log_set_level(avutil.AV_LOG_ERROR);
            logQuieted = true;
        }
    }
}
