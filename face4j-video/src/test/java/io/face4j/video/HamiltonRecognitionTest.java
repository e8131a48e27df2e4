package io.face4j.video;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.face4j.AnalyzerOptions;
import io.face4j.FaceAnalyzer;
import io.face4j.gallery.Gallery;
import io.face4j.video.source.FrameSource;
import io.face4j.video.source.FrameSources;
import io.face4j.video.source.SourceOptions;
import io.face4j.video.source.SourceSpec;

/**
 * The Hamilton clip with Lin-Manuel Miranda and Alex Lacamoire enrolled from one photo each. Ground truth by eye
 * (frames extracted from the clip): frames 0-50 a profile close-up with the audience behind, 51-86 audience, 87-212
 * Lin-Manuel Miranda singing on stage, 213-274 the audience (the Obamas and others). Alex Lacamoire is not visible.
 */
@Tag("golden")
class HamiltonRecognitionTest {
    private static final long STAGE_FIRST = 87;
    private static final long STAGE_LAST = 212;

    @Test
    void linIsNamedOnStageAndNobodyElseGetsEitherName(@TempDir Path dir) {
        Path clip = VideoTestSupport.hamiltonClip();
        TrackLog log = new TrackLog();
        // min face 40: the smallest audience faces are about 25 px and cannot be recognised anyway; see README
        try (FaceAnalyzer analyzer = FaceAnalyzer.create(AnalyzerOptions.defaults().withMinFaceSize(40).withThreads(1));
             Gallery gallery = VideoTestSupport.hamiltonGallery(analyzer, dir);
             FrameSource source = FrameSources.openForProcessing(SourceSpec.file(clip), SourceOptions.defaults())) {
            VideoRunner.Stats stats = VideoRunner.run(source, new VideoAnalyzer(analyzer, gallery, VideoOptions.defaults()), log, () -> false);
            System.out.printf("Hamilton clip: %d frames, %.1f fps%n%s", stats.frames(), stats.fps(), log.table());
        }
        List<TrackLog.Entry> tracks = log.entries();
        long linFramesOnStage = 0;
        for (TrackLog.Entry t : tracks) {
            assertFalse(t.names().contains(VideoTestSupport.ALEX), "track " + t.id() + " named Alex Lacamoire, who is not in the clip");
            if (t.names().contains(VideoTestSupport.LIN)) {
                assertTrue(t.firstFrame() >= STAGE_FIRST - 3 && t.lastFrame() <= STAGE_LAST + 3,
                        "track " + t.id() + " named Lin-Manuel Miranda outside his time on stage: " + t);
                linFramesOnStage += t.shownFrames();
            }
        }
        long stageFrames = STAGE_LAST - STAGE_FIRST + 1;
        // first labels need two consistent decisions (about 0.2 s) and the first faces may be turned away
        assertTrue(linFramesOnStage >= stageFrames / 2,
                "Lin-Manuel Miranda's tracks cover " + linFramesOnStage + " of his " + stageFrames + " frames on stage");
        String linLabel = tracks.stream().filter(t -> t.names().contains(VideoTestSupport.LIN))
                .map(t -> t.labels().get(t.labels().size() - 1)).findFirst().orElse("none");
        assertTrue(linLabel.equals(VideoTestSupport.LIN), "his track ends labelled " + linLabel);
    }
}
