package io.face4j.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class QualityBarTest {
    private static final QualityBar BAR = QualityBar.enrolment();

    /** A face comfortably inside every limit of the enrolment bar. */
    private static final FaceQuality GOOD = new FaceQuality(50, 120, 700, 130, 50, 5, 2, 1);

    private static FaceQuality with(String field, double v) {
        FaceQuality g = GOOD;
        return switch (field) {
            case "eyes" -> new FaceQuality(v, g.boxSidePx(), g.sharpness(), g.brightness(), g.contrast(), g.yawDegrees(), g.rollDegrees(), g.visibleFraction());
            case "sharpness" -> new FaceQuality(g.interOcularPx(), g.boxSidePx(), v, g.brightness(), g.contrast(), g.yawDegrees(), g.rollDegrees(), g.visibleFraction());
            case "brightness" -> new FaceQuality(g.interOcularPx(), g.boxSidePx(), g.sharpness(), v, g.contrast(), g.yawDegrees(), g.rollDegrees(), g.visibleFraction());
            case "yaw" -> new FaceQuality(g.interOcularPx(), g.boxSidePx(), g.sharpness(), g.brightness(), g.contrast(), v, g.rollDegrees(), g.visibleFraction());
            case "visible" -> new FaceQuality(g.interOcularPx(), g.boxSidePx(), g.sharpness(), g.brightness(), g.contrast(), g.yawDegrees(), g.rollDegrees(), v);
            default -> throw new IllegalArgumentException(field);
        };
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of("eyes", 6.0, QualityIssue.TOO_SMALL),
                Arguments.of("sharpness", 12.0, QualityIssue.BLURRY),
                Arguments.of("brightness", 20.0, QualityIssue.TOO_DARK),
                Arguments.of("brightness", 240.0, QualityIssue.OVEREXPOSED),
                Arguments.of("yaw", 75.0, QualityIssue.TURNED_AWAY),
                Arguments.of("yaw", -75.0, QualityIssue.TURNED_AWAY),
                Arguments.of("visible", 0.6, QualityIssue.PARTIAL));
    }

    @ParameterizedTest
    @MethodSource("failures")
    void eachCheckNamesItsReasonAndOnlyIt(String field, double value, QualityIssue expected) {
        QualityAssessment a = BAR.assess(with(field, value));
        assertEquals(List.of(expected), a.reasons(), a.describe());
        assertEquals(List.of(expected.code()), a.codes());
        assertTrue(a.score() < QualityBar.PASS_SCORE, "score " + a.score());
        assertFalse(a.usable());
        assertTrue(a.describe().startsWith(expected.text()), a.describe());
    }

    @Test
    void aGoodFacePassesWithAHighScore() {
        QualityAssessment a = BAR.assess(GOOD);
        assertTrue(a.usable(), a.describe());
        assertEquals("", a.describe());
        assertTrue(a.score() >= 0.9, "score " + a.score());
    }

    @Test
    void scoreIsHalfAtTheLimitAndAFacePassesThere() {
        QualityAssessment atLimit = BAR.assess(with("eyes", QualityBar.DEFAULT_MIN_EYE_DISTANCE));
        assertEquals(0.5, atLimit.score(), 1e-12);
        assertTrue(atLimit.usable());
        QualityAssessment below = BAR.assess(with("eyes", QualityBar.DEFAULT_MIN_EYE_DISTANCE - 0.01));
        assertFalse(below.usable());
        assertTrue(below.score() < 0.5);
    }

    @Test
    void aDarkFaceIsTooDarkNotBlurry() {
        // a dark face has little contrast, hence a low Laplacian variance: exposure is the reason to report
        FaceQuality darkAndFlat = new FaceQuality(50, 120, 5, 15, 5, 0, 0, 1);
        assertEquals(List.of(QualityIssue.TOO_DARK), BAR.assess(darkAndFlat).reasons());
        FaceQuality washedOut = new FaceQuality(50, 120, 5, 250, 5, 0, 0, 1);
        assertEquals(List.of(QualityIssue.OVEREXPOSED), BAR.assess(washedOut).reasons());
    }

    @Test
    void severalFailuresAreAllNamedInIssueOrder() {
        FaceQuality bad = new FaceQuality(50, 120, 10, 130, 30, 80, 0, 0.5);
        QualityAssessment a = BAR.assess(bad);
        assertEquals(List.of(QualityIssue.BLURRY, QualityIssue.TURNED_AWAY, QualityIssue.PARTIAL), a.reasons());
        assertEquals(3, a.details().size());
        // a small face is enlarged to 64x64 before its sharpness is measured: it is too small, not blurry
        FaceQuality smallAndSoft = new FaceQuality(5, 20, 10, 130, 30, 80, 0, 0.5);
        assertEquals(List.of(QualityIssue.TOO_SMALL, QualityIssue.TURNED_AWAY, QualityIssue.PARTIAL), BAR.assess(smallAndSoft).reasons());
    }

    /** Seeded random faces: the score is below the pass mark exactly when there is a reason, and stays in [0, 1]. */
    @Test
    void scoreAndReasonsAgreeOnRandomFaces() {
        Random random = new Random(8);
        for (int i = 0; i < 2000; i++) {
            FaceQuality q = new FaceQuality(random.nextDouble() * 40, 100, random.nextDouble() * 200, random.nextDouble() * 255,
                    30, random.nextDouble() * 180 - 90, 0, random.nextDouble());
            for (QualityBar bar : List.of(QualityBar.enrolment(), QualityBar.recognition())) {
                QualityAssessment a = bar.assess(q);
                assertTrue(a.score() >= 0 && a.score() <= 1, "score " + a.score());
                assertEquals(a.usable(), a.score() >= QualityBar.PASS_SCORE, q + " -> " + a);
            }
        }
    }

    @Test
    void theRecognitionBarIsMoreLenientThanTheEnrolmentBar() {
        FaceQuality dim = with("brightness", 25);
        assertFalse(QualityBar.enrolment().assess(dim).usable());
        assertTrue(QualityBar.recognition().assess(dim).usable());
        assertTrue(QualityBar.none().assess(new FaceQuality(0, 0, 0, 0, 0, 90, 0, 0)).usable());
    }

    @Test
    void badLimitsAreRefusedNamingTheParameter() {
        var e = assertThrows(IllegalArgumentException.class, () -> BAR.withBrightness(200, 100));
        assertTrue(e.getMessage().contains("brightness"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> BAR.withMaxYawDegrees(0));
        assertTrue(e.getMessage().contains("maxYawDegrees"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> BAR.withMinVisibleFraction(1.5));
        assertTrue(e.getMessage().contains("minVisibleFraction"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new FaceQuality(1, 1, 1, 1, 1, 0, 0, 1.2));
    }

    @Test
    void issueCodesRoundTrip() {
        for (QualityIssue issue : QualityIssue.values()) {
            assertEquals(issue, QualityIssue.parse(issue.code()));
        }
        assertEquals("too_dark", QualityIssue.TOO_DARK.code());
        assertEquals("turned away", QualityIssue.TURNED_AWAY.text());
        var e = assertThrows(IllegalArgumentException.class, () -> QualityIssue.parse("dim"));
        assertTrue(e.getMessage().contains("'dim'"), e.getMessage());
    }
}
