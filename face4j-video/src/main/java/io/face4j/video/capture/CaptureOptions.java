package io.face4j.video.capture;

import java.util.Objects;

import io.face4j.quality.QualityBar;

/**
 * Which faces {@link FaceCapture} keeps. Immutable; change a value with a wither.
 *
 * @param quality       the quality bar a face must pass (the same checks and reasons as enrolment and recognition)
 * @param maxSimilarity a face at least this similar (cosine) to one already kept is a duplicate
 * @param minSamePerson a face less similar than this to the mean of the faces kept so far is someone else (the
 *                      person walked out and another came in); the tracker's veto value, see
 *                      {@link io.face4j.video.track.TrackerOptions#defaults()}
 * @param singleFace    true: skip frames with more than one face; false: take the largest and say so
 */
public record CaptureOptions(QualityBar quality, double maxSimilarity, double minSamePerson, boolean singleFace) {
    public CaptureOptions {
        Objects.requireNonNull(quality, "quality");
        if (!(maxSimilarity > -1 && maxSimilarity <= 1)) {
            throw new IllegalArgumentException("maxSimilarity must be in (-1, 1], got " + maxSimilarity);
        }
    }

    /**
     * The capture bar is stricter than the enrolment bar for photos, because a camera offers many frames to choose
     * from: eyes 25 px apart (below that the 112 px aligned crop is mostly upsampled), sharpness 20 (motion-blurred
     * video faces measured below it), luma 40..220 (under- and over-exposed faces lose contrast), yaw 25 degrees (the
     * frontal enrolment the recipe asks the user for), the face wholly in the frame as for enrolment
     * ({@link QualityBar#DEFAULT_MIN_VISIBLE}); duplicates at cosine 0.95, someone else below 0.4, the largest face
     * when several.
     */
    public static CaptureOptions defaults() {
        return new CaptureOptions(new QualityBar(25, 20, 40, 220, 25, QualityBar.DEFAULT_MIN_VISIBLE), 0.95, 0.4, false);
    }

    public CaptureOptions withQuality(QualityBar value) {
        return new CaptureOptions(value, maxSimilarity, minSamePerson, singleFace);
    }

    public CaptureOptions withMaxSimilarity(double value) {
        return new CaptureOptions(quality, value, minSamePerson, singleFace);
    }

    public CaptureOptions withSingleFace(boolean value) {
        return new CaptureOptions(quality, maxSimilarity, minSamePerson, value);
    }

    public CaptureOptions withMinInterOcularPx(double value) {
        return withQuality(quality.withMinEyeDistance(value));
    }

    public CaptureOptions withMaxYawDegrees(double value) {
        return withQuality(quality.withMaxYawDegrees(value));
    }
}
