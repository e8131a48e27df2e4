package io.face4j.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The limits a face must meet, turned into one {@link QualityAssessment}: a score and the named reasons it falls
 * short. One rule set serves enrolment ({@link #enrolment()}, strict: a bad template hurts every later search),
 * recognition ({@link #recognition()}, lenient: only faces measured to be unusable are refused, so that a dark but
 * recognisable face still gets its name) and video capture (its own defaults in {@code CaptureOptions}).
 * Immutable; thread-safe.
 *
 * <p>Each check scores {@code 0.5 * value / limit} below its limit and rises linearly from 0.5 at the limit to 1 at
 * twice the limit (for the upper limits, the distance to the far end of the scale is the value: {@code 255 -
 * brightness}, {@code 90 - |yaw|}; the visible fraction reaches 1 at 1, a whole face); the face's score is its
 * weakest check. A check fails, and names its {@link QualityIssue}, when the value
 * is past its limit, which is exactly when its score is below {@link #PASS_SCORE}. Blur is not judged when the
 * exposure or the size check fails: a dark or washed-out face has little contrast, and a small face is enlarged to
 * 64x64 before measuring, so either has a low Laplacian variance whatever its focus; the exposure or the size is then
 * the reason to report.
 *
 * <p>Occlusion is not detected: neither MTCNN's ONet confidence (median 0.997 for faces half cut by the border) nor
 * the embedding's norm (the embedder returns unit vectors) separated covered from whole faces on dev-lfw. A face cut
 * by the image border is reported as {@link QualityIssue#PARTIAL}.
 *
 * @param minEyeDistance     minimum inter-ocular distance in source pixels ({@link QualityIssue#TOO_SMALL})
 * @param minSharpness       minimum Laplacian variance of the 64x64 face, {@link FaceQuality#sharpness()}
 *                           ({@link QualityIssue#BLURRY})
 * @param minBrightness      minimum mean luma of the face, 0..255 ({@link QualityIssue#TOO_DARK})
 * @param maxBrightness      maximum mean luma of the face, 0..255 ({@link QualityIssue#OVEREXPOSED})
 * @param maxYawDegrees      largest |yaw| from the landmarks, {@link FaceQuality#yawDegrees()}
 *                           ({@link QualityIssue#TURNED_AWAY})
 * @param minVisibleFraction smallest fraction of the face box inside the image, {@link FaceQuality#visibleFraction()}
 *                           ({@link QualityIssue#PARTIAL})
 */
public record QualityBar(double minEyeDistance, double minSharpness, double minBrightness, double maxBrightness,
                         double maxYawDegrees, double minVisibleFraction) {
    /** Every check scores 0.5 at its limit, so a face passes exactly when its score is at least this. */
    public static final double PASS_SCORE = 0.5;

    // Where the numbers come from. Measured on the largest face of each of the 399 photos with a face in
    // five-celebrity-faces (train, val), dev-lfw and deepface-tests (./face4j detect --json): eye distance min 9.9 px,
    // 1st percentile 11.0, median 51; sharpness min 80, 1st percentile 108, median 769; brightness min 76,
    // 1st percentile 84, 99th 190, max 207. On dev-lfw's 210 detected faces (the primary face of each photo):
    // |yaw| max 63 degrees, 1st and 99th percentiles -42 and +41; visible fraction of the box min 0.83 (tight
    // 150x150 BBT crops, where MTCNN's box reaches past the border), 5th percentile 0.91. The enrolment defaults sit
    // below (or outside) everything measured, so every photo of these sets passes and only faces clearly worse than
    // any of them are refused.

    /** 8 px: below the smallest measured (9.9 px); at 8 px the 112x112 aligned crop is an upscale of over 5x. */
    public static final double DEFAULT_MIN_EYE_DISTANCE = 8;
    /**
     * 40: half the lowest measured sharpness (80); the CLI's error tests check that a photo blurred by three passes of
     * a 9x9 box filter falls below it.
     */
    public static final double DEFAULT_MIN_SHARPNESS = 40;
    /** 40..230: the measured faces span 76..207; a face darker than 40 of 255 is underexposed. */
    public static final double DEFAULT_MIN_BRIGHTNESS = 40;
    public static final double DEFAULT_MAX_BRIGHTNESS = 230;
    /** 65 degrees: beyond the largest measured |yaw| (63); the estimator underestimates large turns (see its comment). */
    public static final double DEFAULT_MAX_YAW = 65;
    /** 0.75: below the smallest measured visible fraction (0.83) of a whole face. */
    public static final double DEFAULT_MIN_VISIBLE = 0.75;

    // Recognition limits: where a face becomes unusable. Measured on dev-lfw's photos degraded with
    // io.face4j.image.Degradation, each degraded face scored against the per-person centroids of the other, undegraded
    // photos (closed set of 26 people), counting how often the right person ranks first.
    /**
     * 10: faces blurred with blur:sigma=2 and blur:sigma=4 ranked right 12 times in 50 below sharpness 10 (best cosine
     * 0.19 to 0.34 on average, under every threshold), 46 in 55 at 10..20 and 42 in 44 at 20..40.
     */
    public static final double RECOGNITION_MIN_SHARPNESS = 10;
    /**
     * 8: faces darkened with dark:gamma=3,gain=0.15,noise=8 and gain=0.07 ranked right 5 times in 22 below brightness
     * 8, 21 in 25 at 8..10 and 21 in 21 at 10..12. (The default dark spec leaves faces at 12..62, median 27, and they
     * still ranked right 196 times in 202: too dark to enrol, not too dark to recognise.)
     */
    public static final double RECOGNITION_MIN_BRIGHTNESS = 8;
    /** 245: not measured (no overexposure set); above it most of the face is clipped to white. */
    public static final double RECOGNITION_MAX_BRIGHTNESS = 245;
    /**
     * 0.5: half of the face box outside the image. Measured: faces cut by the border to a visible fraction of 0.54..0.8
     * still ranked right (73 of 74 on dev-lfw), because MTCNN places the landmarks of the missing part; below 0.5 there
     * were too few detections to measure.
     */
    public static final double RECOGNITION_MIN_VISIBLE = 0.5;

    public QualityBar {
        if (!(minEyeDistance >= 0) || !(minSharpness >= 0)) {
            throw new IllegalArgumentException("minEyeDistance and minSharpness must be >= 0, got "
                    + minEyeDistance + " and " + minSharpness);
        }
        if (!(minBrightness >= 0 && maxBrightness <= 255 && minBrightness < maxBrightness)) {
            throw new IllegalArgumentException("brightness range must satisfy 0 <= min < max <= 255, got "
                    + minBrightness + ".." + maxBrightness);
        }
        if (!(maxYawDegrees > 0 && maxYawDegrees <= 90)) {
            throw new IllegalArgumentException("maxYawDegrees must be in (0, 90], got " + maxYawDegrees);
        }
        if (!(minVisibleFraction >= 0 && minVisibleFraction <= 1)) {
            throw new IllegalArgumentException("minVisibleFraction must be in [0, 1], got " + minVisibleFraction);
        }
    }

    /** The enrolment bar (the defaults above). */
    public static QualityBar enrolment() {
        return new QualityBar(DEFAULT_MIN_EYE_DISTANCE, DEFAULT_MIN_SHARPNESS, DEFAULT_MIN_BRIGHTNESS,
                DEFAULT_MAX_BRIGHTNESS, DEFAULT_MAX_YAW, DEFAULT_MIN_VISIBLE);
    }

    /** The recognition bar: the enrolment bar with the recognition limits above. */
    public static QualityBar recognition() {
        return new QualityBar(DEFAULT_MIN_EYE_DISTANCE, RECOGNITION_MIN_SHARPNESS, RECOGNITION_MIN_BRIGHTNESS,
                RECOGNITION_MAX_BRIGHTNESS, DEFAULT_MAX_YAW, RECOGNITION_MIN_VISIBLE);
    }

    /** A bar that every face passes with score 1: no checks. */
    public static QualityBar none() {
        return new QualityBar(0, 0, 0, 255, 90, 0);
    }

    public QualityBar withMinEyeDistance(double value) {
        return new QualityBar(value, minSharpness, minBrightness, maxBrightness, maxYawDegrees, minVisibleFraction);
    }

    public QualityBar withMinSharpness(double value) {
        return new QualityBar(minEyeDistance, value, minBrightness, maxBrightness, maxYawDegrees, minVisibleFraction);
    }

    public QualityBar withBrightness(double min, double max) {
        return new QualityBar(minEyeDistance, minSharpness, min, max, maxYawDegrees, minVisibleFraction);
    }

    public QualityBar withMaxYawDegrees(double value) {
        return new QualityBar(minEyeDistance, minSharpness, minBrightness, maxBrightness, value, minVisibleFraction);
    }

    public QualityBar withMinVisibleFraction(double value) {
        return new QualityBar(minEyeDistance, minSharpness, minBrightness, maxBrightness, maxYawDegrees, value);
    }

    /** The face's score and the checks it fails. */
    public QualityAssessment assess(FaceQuality q) {
        if (q == null) {
            throw new IllegalArgumentException("quality must not be null");
        }
        List<QualityIssue> reasons = new ArrayList<>();
        List<String> details = new ArrayList<>();
        double score = 1;
        score = Math.min(score, check(q.interOcularPx(), minEyeDistance, QualityIssue.TOO_SMALL,
                "eyes %.1f px apart, minimum %.0f", reasons, details));
        double dark = check(q.brightness(), minBrightness, QualityIssue.TOO_DARK, "brightness %.0f, minimum %.0f",
                reasons, details);
        double bright = check(255 - q.brightness(), 255 - maxBrightness, QualityIssue.OVEREXPOSED, null, reasons, details);
        if (bright < PASS_SCORE) {
            details.set(details.size() - 1, String.format(Locale.ROOT, "overexposed (brightness %.0f, maximum %.0f)",
                    q.brightness(), maxBrightness));
        }
        score = Math.min(score, Math.min(dark, bright));
        if (dark >= PASS_SCORE && bright >= PASS_SCORE && q.interOcularPx() >= minEyeDistance) {
            score = Math.min(score, check(q.sharpness(), minSharpness, QualityIssue.BLURRY,
                    "sharpness %.1f, minimum %.0f", reasons, details));
        }
        score = Math.min(score, check(90 - Math.abs(q.yawDegrees()), 90 - maxYawDegrees, QualityIssue.TURNED_AWAY, null,
                reasons, details));
        if (Math.abs(q.yawDegrees()) > maxYawDegrees) {
            details.set(details.size() - 1, String.format(Locale.ROOT, "turned away (yaw %.0f degrees, maximum %.0f)",
                    q.yawDegrees(), maxYawDegrees));
        }
        score = Math.min(score, check(q.visibleFraction(), minVisibleFraction, 1, QualityIssue.PARTIAL,
                "%.2f of the face inside the image, minimum %.2f", reasons, details));
        // keep the reasons in enum order, with their details
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < reasons.size(); i++) {
            order.add(i);
        }
        order.sort((a, b) -> reasons.get(a).compareTo(reasons.get(b)));
        return new QualityAssessment(score, order.stream().map(reasons::get).toList(), order.stream().map(details::get).toList());
    }

    /**
     * The check's score, 1 when the limit is 0 (nothing to check); below 0.5 the issue and a detail (from
     * {@code format} with the value and the limit) are added.
     */
    private static double check(double value, double limit, QualityIssue issue, String format, List<QualityIssue> reasons,
                                List<String> details) {
        return check(value, limit, 2 * limit, issue, format, reasons, details);
    }

    /** As above with the value scoring 1 at {@code full} instead of twice the limit. */
    private static double check(double value, double limit, double full, QualityIssue issue, String format,
                                List<QualityIssue> reasons, List<String> details) {
        if (limit <= 0) {
            return 1;
        }
        double score = value < limit ? PASS_SCORE * Math.max(0, value) / limit
                : full <= limit ? 1 : PASS_SCORE + PASS_SCORE * Math.min(1, (value - limit) / (full - limit));
        if (value < limit) {
            reasons.add(issue);
            details.add(issue.text() + (format == null ? "" : " (" + String.format(Locale.ROOT, format, value, limit) + ")"));
        }
        return score;
    }
}
