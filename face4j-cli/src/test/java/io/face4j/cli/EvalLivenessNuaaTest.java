package io.face4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.face4j.testing.Datasets;

/**
 * {@code eval-liveness} on the NUAA subset with the official split: threshold calibrated on the train lists (equal-error
 * point), figures on the test lists. Pins what the committed defaults measured (README, "Liveness"); the target
 * ACER <= 0.10 is NOT met: the test session's printed photos are sharper than the train sessions', so the train
 * threshold lets about 29% of them through while refusing no live face.
 */
@Tag("golden")
class EvalLivenessNuaaTest {
    @Test
    void officialSplitFigures() {
        Cli.Run run = Cli.run("eval-liveness", Datasets.require("antispoof-nuaa-subset"));
        System.out.println(run.out());
        assertEquals(0, run.code(), run::toString);
        assertTrue(run.out().contains("NUAA test split: 390 images present (157 live, 233 spoof)"), run.out());
        assertTrue(run.out().contains("NUAA train split: 210 images present (143 live, 67 spoof)"), run.out());
        Map<String, String> last = EvalCommandTest.keyValues(run.lastLine());
        // measured: apcer=0.288 bpcer=0.000 acer=0.144 auc=0.953 (sharpness + humanLiveness + faceToSurround + contrast;
        // the previous sharpness + FaceAntiSpoofing default: 0.322, 0.000, 0.161, 0.920); tolerance for ONNX Runtime /
        // CPU differences of a few images (one attack is 0.004 of APCER, one live image 0.006 of BPCER)
        assertEquals(0.953, Double.parseDouble(last.get("auc")), 0.01, run.lastLine());
        assertEquals(0.144, Double.parseDouble(last.get("acer")), 0.02, run.lastLine());
        assertEquals(0.288, Double.parseDouble(last.get("apcer")), 0.03, run.lastLine());
        assertTrue(Double.parseDouble(last.get("bpcer")) <= 0.02, run.lastLine());
        // the shipped FaceAntiSpoofing model alone: AUC 0.746 on the test split
        String fas = run.lines().stream().filter(l -> l.startsWith("faceAntiSpoofing")).findFirst().orElseThrow();
        double fasAuc = Double.parseDouble(fas.replace("(low=live)", "").trim().split("\\s+")[1]);
        assertEquals(0.746, fasAuc, 0.01, fas);
    }
}
