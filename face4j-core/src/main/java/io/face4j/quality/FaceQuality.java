package io.face4j.quality;

/**
 * Cheap image-based quality figures of one face. Immutable and thread-safe.
 *
 * @param interOcularPx distance between the two eye landmarks, source-image pixels
 * @param boxSidePx     shorter side of the face box, source-image pixels
 * @param sharpness     variance of the 4-neighbour Laplacian of the luma of the face box resized to
 *                      {@link QualityOptions#regionSize()} square (so it does not grow with face size; a small face
 *                      enlarged to that size scores low, which is intended: it carries less detail), in luma units^2
 * @param brightness    mean luma (BT.601, 0..255) of the face box
 * @param contrast      standard deviation of that luma
 * @param yawDegrees    rough head yaw from the landmarks, positive when the nose lies right of the face midline in the
 *                      image (the subject turned towards the image's right); see {@link QualityEstimator}
 * @param rollDegrees   in-plane rotation of the eye line, positive when the right eye (image right) is lower
 *                      (image y grows downwards, so this is a clockwise rotation as seen on screen)
 * @param visibleFraction fraction of the face box's area inside the image, 0..1 (below 1: the face is cut by the
 *                      image border)
 */
public record FaceQuality(double interOcularPx, double boxSidePx, double sharpness, double brightness, double contrast,
                          double yawDegrees, double rollDegrees, double visibleFraction) {
    public FaceQuality {
        if (!(visibleFraction >= 0 && visibleFraction <= 1)) {
            throw new IllegalArgumentException("visibleFraction must be in [0, 1], got " + visibleFraction);
        }
    }

    /** Figures of a face wholly inside the image. */
    public FaceQuality(double interOcularPx, double boxSidePx, double sharpness, double brightness, double contrast,
                       double yawDegrees, double rollDegrees) {
        this(interOcularPx, boxSidePx, sharpness, brightness, contrast, yawDegrees, rollDegrees, 1);
    }
}
