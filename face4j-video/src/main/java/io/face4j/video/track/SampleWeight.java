package io.face4j.video.track;

import io.face4j.quality.FaceQuality;

/** How much a face's embedding should count when a track's embeddings are fused: size, pose and sharpness. */
public final class SampleWeight {
    /** 35 px: the inter-ocular distance of the 112x112 ArcFace template; smaller faces are upsampled and lose detail. */
    static final double FULL_SIZE_INTEROCULAR_PX = 35;
    /** Laplacian variance at which sharpness counts half (s / (s + 60)); blurred video faces measured 10-40. */
    static final double HALF_SHARPNESS = 60;

    private SampleWeight() {
    }

    /** In [0, 1]: min(1, iod/35) * cos(yaw)^2 * s/(s+60); 0 for a face turned 90 degrees or more. */
    public static double of(FaceQuality q) {
        double size = Math.min(1, Math.max(0, q.interOcularPx()) / FULL_SIZE_INTEROCULAR_PX);
        double yaw = Math.toRadians(Math.min(90, Math.abs(q.yawDegrees())));
        double frontal = Math.cos(yaw) * Math.cos(yaw);
        double s = Math.max(0, q.sharpness());
        double sharp = s / (s + HALF_SHARPNESS);
        double w = size * frontal * sharp;
        return Double.isFinite(w) ? Math.max(0, Math.min(1, w)) : 0;
    }
}
