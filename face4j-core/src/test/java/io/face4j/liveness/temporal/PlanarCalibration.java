package io.face4j.liveness.temporal;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.face4j.AnalyzerOptions;
import io.face4j.FaceAnalyzer;
import io.face4j.testing.Datasets;

/**
 * Calibrates {@link TemporalOptions#DEFAULT_THRESHOLD} like a recognition threshold, at a target attack acceptance:
 * planar clips of the 93 five-celebrity-faces training photos (seeds 1000..), the per-clip highest planar residual,
 * and its 95th percentile (5% of planar clips would ever be accepted as live). Not run by the build (no Test suffix):
 * {@code mvn -o -pl face4j-core test -Dtest=PlanarCalibration -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("golden")
class PlanarCalibration {
    @Test
    void calibrate() {
        List<Path> photos = PlanarClipEvaluation.photos(Datasets.require("five-celebrity-faces/train"), p -> true);
        int clips = Integer.getInteger("clips", 60);
        List<PlanarClipEvaluation.Outcome> outcomes;
        try (FaceAnalyzer analyzer = FaceAnalyzer.create(AnalyzerOptions.defaults().withMinFaceSize(40).withThreads(1))) {
            outcomes = PlanarClipEvaluation.run(analyzer, photos, clips, 1000, TemporalOptions.defaults());
        }
        outcomes.forEach(o -> System.out.println(o.line()));
        double[] max = outcomes.stream().mapToDouble(o -> Double.isNaN(o.maxResidual()) ? 0 : o.maxResidual()).sorted().toArray();
        System.out.println("per-clip max residual, sorted: " + Arrays.toString(max));
        System.out.printf(Locale.ROOT, "calibrated threshold (95th percentile of %d clips): %.4f%n", max.length,
                TemporalLiveness.percentile(max, 95));
    }
}
