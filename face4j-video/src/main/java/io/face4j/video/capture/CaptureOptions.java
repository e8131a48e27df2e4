package io.face4j.video.capture;

/**
 * Which faces {@link FaceCapture} keeps. Immutable; change a value with a wither.
 *
 * @param minInterOcularPx smallest eye distance, source pixels
 * @param minSharpness     smallest Laplacian variance ({@link io.face4j.quality.FaceQuality#sharpness()})
 * @param minBrightness    darkest acceptable mean luma, 0..255
 * @param maxBrightness    brightest acceptable mean luma
 * @param maxYawDegrees    largest head turn
 * @param maxSimilarity    a face at least this similar (cosine) to one already kept is a duplicate
 * @param minSamePerson    a face less similar than this to the mean of the faces kept so far is someone else (the
 *                         person walked out and another came in); the tracker's veto value, see
 *                         {@link io.face4j.video.track.TrackerOptions#defaults()}
 * @param singleFace       true: skip frames with more than one face; false: take the largest and say so
 */
public record CaptureOptions(double minInterOcularPx, double minSharpness, double minBrightness, double maxBrightness,
                             double maxYawDegrees, double maxSimilarity, double minSamePerson, boolean singleFace) {
    public CaptureOptions {
        if (!(minBrightness <= maxBrightness) || !(maxYawDegrees > 0) || !(maxSimilarity > -1 && maxSimilarity <= 1)) {
            throw new IllegalArgumentException("need minBrightness <= maxBrightness, maxYawDegrees > 0 and maxSimilarity in (-1, 1], got "
                    + minBrightness + ", " + maxBrightness + ", " + maxYawDegrees + ", " + maxSimilarity);
        }
    }

    /**
     * Eyes 25 px apart (below that the 112 px aligned crop is mostly upsampled), sharpness 20 (motion-blurred video
     * faces measured below it), luma 40..220 (under- and over-exposed faces lose contrast), yaw 25 degrees (the
     * frontal enrolment the recipe asks the user for), duplicates at cosine 0.95, someone else below 0.4, the largest
     * face when several.
     */
    public static CaptureOptions defaults() {
        return new CaptureOptions(25, 20, 40, 220, 25, 0.95, 0.4, false);
    }

    public CaptureOptions withMaxSimilarity(double value) {
        return new CaptureOptions(minInterOcularPx, minSharpness, minBrightness, maxBrightness, maxYawDegrees, value, minSamePerson, singleFace);
    }

    public CaptureOptions withSingleFace(boolean value) {
        return new CaptureOptions(minInterOcularPx, minSharpness, minBrightness, maxBrightness, maxYawDegrees, maxSimilarity, minSamePerson, value);
    }

    public CaptureOptions withMinInterOcularPx(double value) {
        return new CaptureOptions(value, minSharpness, minBrightness, maxBrightness, maxYawDegrees, maxSimilarity, minSamePerson, singleFace);
    }

    public CaptureOptions withMaxYawDegrees(double value) {
        return new CaptureOptions(minInterOcularPx, minSharpness, minBrightness, maxBrightness, value, maxSimilarity, minSamePerson, singleFace);
    }
}
