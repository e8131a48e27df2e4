package io.face4j.video.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.face4j.image.Images;
import io.face4j.image.RgbImage;
import io.face4j.testing.Datasets;

class FrameSourceTest {

    private static List<VideoFrame> readAll(FrameSource source) {
        List<VideoFrame> frames = new ArrayList<>();
        Optional<VideoFrame> f;
        while ((f = source.next()).isPresent()) {
            frames.add(f.get());
        }
        return frames;
    }

    @Test
    void decodesTheStubVideoWithIncreasingTimestamps() {
        Path stub = Datasets.require("videos/faceapi/video.mp4");
        try (FrameSource source = FrameSources.open(SourceSpec.file(stub), SourceOptions.defaults())) {
            assertEquals(820, source.info().width());
            assertEquals(460, source.info().height());
            List<VideoFrame> frames = readAll(source);
            assertEquals(5, frames.size(), "INFO.txt: 5 frames");
            for (int i = 0; i < frames.size(); i++) {
                assertEquals(i, frames.get(i).index());
                assertEquals(820, frames.get(i).image().width());
                if (i > 0) {
                    assertTrue(frames.get(i).timestampMicros() > frames.get(i - 1).timestampMicros());
                }
            }
            // a real picture, not a zeroed buffer: the mean is well above black
            assertTrue(mean(frames.get(2).image()) > 20, "mean " + mean(frames.get(2).image()));
        }
    }

    @Test
    void requestedSizeScalesAFile() {
        Path stub = Datasets.require("videos/faceapi/video.mp4");
        try (FrameSource source = FrameSources.open(SourceSpec.file(stub), SourceOptions.defaults().withSize(410, 230))) {
            RgbImage first = source.next().orElseThrow().image();
            assertEquals(410, first.width());
            assertEquals(230, first.height());
        }
    }

    @Test
    void prefetchDeliversEveryFrameInOrder() {
        Path stub = Datasets.require("videos/faceapi/video.mp4");
        try (FrameSource source = BackgroundFrameSource.prefetch(FrameSources.open(SourceSpec.file(stub), SourceOptions.defaults()), 2)) {
            List<VideoFrame> frames = readAll(source);
            assertEquals(List.of(0L, 1L, 2L, 3L, 4L), frames.stream().map(VideoFrame::index).toList());
            assertEquals(0, source.droppedFrames());
        }
    }

    @Test
    void missingFileNamesTheFile(@TempDir Path dir) {
        Path missing = dir.resolve("nope.mp4");
        VideoSourceException e = assertThrows(VideoSourceException.class,
                () -> FrameSources.open(SourceSpec.file(missing), SourceOptions.defaults()));
        assertTrue(e.getMessage().contains("nope.mp4"), e.getMessage());
    }

    @Test
    void notAVideoGivesFfmpegsReason(@TempDir Path dir) throws Exception {
        Path junk = dir.resolve("junk.mp4");
        java.nio.file.Files.writeString(junk, "this is not a video");
        VideoSourceException e = assertThrows(VideoSourceException.class,
                () -> FrameSources.open(SourceSpec.file(junk), SourceOptions.defaults()));
        assertTrue(e.getMessage().contains("junk.mp4") && e.getMessage().contains("avformat_open_input"), e.getMessage());
    }

    @Test
    void unreachableStreamFailsWithinTheTimeoutAfterReconnecting() {
        // port 9 on localhost: nothing listens, the connection is refused at once
        SourceOptions options = SourceOptions.defaults().withTimeout(Duration.ofSeconds(2)).withReconnect(2, Duration.ofMillis(50));
        long start = System.nanoTime();
        VideoSourceException e = assertThrows(VideoSourceException.class,
                () -> FrameSources.open(SourceSpec.url("rtsp://127.0.0.1:9/live"), options));
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(e.getMessage().contains("rtsp://127.0.0.1:9/live"), e.getMessage());
        assertTrue(seconds < 10, "took " + seconds + " s");
    }

    @Test
    void silentServerTimesOutInsteadOfHanging() throws Exception {
        // a server that accepts the connection and never answers: only the timeout options end the wait
        try (java.net.ServerSocket server = new java.net.ServerSocket(0)) {
            String url = "http://127.0.0.1:" + server.getLocalPort() + "/stream.mp4";
            SourceOptions options = SourceOptions.defaults().withTimeout(Duration.ofSeconds(1));
            long start = System.nanoTime();
            assertThrows(VideoSourceException.class, () -> FrameSources.open(SourceSpec.url(url), options));
            double seconds = (System.nanoTime() - start) / 1e9;
            assertTrue(seconds < 8, "took " + seconds + " s with a 1 s timeout");
        }
    }

    @Test
    void imageFolderIsReadInNameOrderAtTheGivenRate(@TempDir Path dir) {
        for (int i = 0; i < 3; i++) {
            byte[] rgb = new byte[16 * 8 * 3];
            java.util.Arrays.fill(rgb, (byte) (50 * (i + 1)));
            Images.write(RgbImage.of(16, 8, rgb), dir.resolve("frame-" + i + ".png"));
        }
        try (FrameSource source = FrameSources.open(SourceSpec.imageFolder(dir), SourceOptions.defaults().withFps(10))) {
            List<VideoFrame> frames = readAll(source);
            assertEquals(3, frames.size());
            assertEquals(100_000, frames.get(1).timestampMicros());
            assertEquals(150, frames.get(2).image().get(0, 0, 0));
        }
    }

    private static double mean(RgbImage image) {
        byte[] rgb = image.toRgbBytes();
        long sum = 0;
        for (byte b : rgb) {
            sum += b & 0xff;
        }
        return (double) sum / rgb.length;
    }
}
