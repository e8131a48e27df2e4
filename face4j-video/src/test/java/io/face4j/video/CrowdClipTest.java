package io.face4j.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.face4j.AnalyzerOptions;
import io.face4j.FaceAnalyzer;
import io.face4j.video.source.FrameSource;
import io.face4j.video.source.FrameSources;
import io.face4j.video.source.SourceOptions;
import io.face4j.video.source.SourceSpec;

/** The 1080p crowd clip (pedestrians walking towards the camera): tracks without crashing, boxes in source pixels. */
@Tag("golden")
class CrowdClipTest {
    @Test
    void tracksTheCrowdOnDownscaledDetection() {
        TrackLog log = new TrackLog();
        VideoRunner.Stats stats;
        double[] maxX2 = {0};
        try (FaceAnalyzer analyzer = FaceAnalyzer.create(AnalyzerOptions.defaults().withThreads(1));
             FrameSource source = FrameSources.openForProcessing(SourceSpec.file(VideoTestSupport.crowdClip()), SourceOptions.defaults())) {
            stats = VideoRunner.run(source, new VideoAnalyzer(analyzer, null, VideoOptions.defaults()), new VideoRunner.Listener() {
                @Override
                public void onFrame(FrameResult result) {
                    log.onFrame(result);
                    result.tracks().forEach(t -> maxX2[0] = Math.max(maxX2[0], t.box().x2()));
                }
            }, () -> false);
        }
        var tracks = log.entries();
        long longLived = tracks.stream().filter(t -> t.shownFrames() >= 25).count();
        double meanLength = tracks.stream().mapToInt(TrackLog.Entry::shownFrames).average().orElse(0);
        System.out.printf("crowd clip: %d frames, %.1f fps, %d tracks, %d shown >= 1 s, mean %.1f frames shown%n%s",
                stats.frames(), stats.fps(), tracks.size(), longLived, meanLength, log.table());
        assertEquals(105, stats.frames(), "INFO.txt: 105 frames");
        assertTrue(tracks.size() >= 3, "a crowd gives several tracks, got " + tracks.size());
        assertTrue(longLived >= 2, "some people stay tracked for a second or more, got " + longLived);
        // detection ran on a 960 px copy: boxes mapped back reach past x = 960 for faces on the right half
        assertTrue(maxX2[0] > 960, "boxes in source pixels, max x2 " + maxX2[0]);
    }
}
