package io.face4j.video.track;

/**
 * How detections are tied into tracks. Immutable; change a value with a wither.
 *
 * @param minIou           a detection may continue a track when its box overlaps the track's predicted box at least
 *                         this much (SORT uses 0.3)
 * @param minCosine        ... or when its embedding is at least this similar to the track's appearance and it lies
 *                         within two box sides of it (re-association after fast motion or a missed detection)
 * @param vetoCosine       a detection whose embedding is less similar than this to the track's appearance never
 *                         continues it, however much the boxes overlap (a scene cut from one face to another)
 * @param embeddingWeight  weight of the cosine similarity next to IoU in the association score
 * @param minHits          detections needed before a track is confirmed (reported and drawn); filters one-frame
 *                         false positives
 * @param maxMissedSeconds a confirmed track not seen for this long ends
 * @param appearanceMomentum weight of the old appearance when a new embedding is blended in (0.9 as in JDE/FairMOT)
 */
public record TrackerOptions(double minIou, double minCosine, double vetoCosine, double embeddingWeight, int minHits,
                             double maxMissedSeconds, double appearanceMomentum) {
    public TrackerOptions {
        if (!(minIou >= 0 && minIou <= 1)) {
            throw new IllegalArgumentException("minIou must be in [0, 1], got " + minIou);
        }
        if (!(minCosine >= -1 && minCosine <= 1)) {
            throw new IllegalArgumentException("minCosine must be in [-1, 1], got " + minCosine);
        }
        if (!(vetoCosine >= -1 && vetoCosine <= minCosine)) {
            throw new IllegalArgumentException("vetoCosine must be in [-1, minCosine], got " + vetoCosine);
        }
        if (!(embeddingWeight >= 0) || Double.isInfinite(embeddingWeight)) {
            throw new IllegalArgumentException("embeddingWeight must be finite and >= 0, got " + embeddingWeight);
        }
        if (minHits < 1) {
            throw new IllegalArgumentException("minHits must be >= 1, got " + minHits);
        }
        if (!(maxMissedSeconds > 0) || Double.isInfinite(maxMissedSeconds)) {
            throw new IllegalArgumentException("maxMissedSeconds must be finite and > 0, got " + maxMissedSeconds);
        }
        if (!(appearanceMomentum >= 0 && appearanceMomentum < 1)) {
            throw new IllegalArgumentException("appearanceMomentum must be in [0, 1), got " + appearanceMomentum);
        }
    }

    /**
     * IoU 0.3 (SORT); cosine 0.5 to re-associate and 0.4 to veto (MobileFaceNet on the Hamilton clip, detections
     * 3 frames apart: the same face scored 0.50 and up against its track, the scene cut from Lin-Manuel Miranda to
     * Barack Obama at the same place 0.21); embedding weight 1, 2 hits to confirm, 1 s timeout, momentum 0.9.
     */
    public static TrackerOptions defaults() {
        return new TrackerOptions(0.3, 0.5, 0.4, 1.0, 2, 1.0, 0.9);
    }

    public TrackerOptions withMinIou(double value) {
        return new TrackerOptions(value, minCosine, vetoCosine, embeddingWeight, minHits, maxMissedSeconds, appearanceMomentum);
    }

    public TrackerOptions withMinCosine(double value) {
        return new TrackerOptions(minIou, value, Math.min(vetoCosine, value), embeddingWeight, minHits, maxMissedSeconds, appearanceMomentum);
    }

    public TrackerOptions withVetoCosine(double value) {
        return new TrackerOptions(minIou, minCosine, value, embeddingWeight, minHits, maxMissedSeconds, appearanceMomentum);
    }

    public TrackerOptions withMinHits(int value) {
        return new TrackerOptions(minIou, minCosine, vetoCosine, embeddingWeight, value, maxMissedSeconds, appearanceMomentum);
    }

    public TrackerOptions withMaxMissedSeconds(double value) {
        return new TrackerOptions(minIou, minCosine, vetoCosine, embeddingWeight, minHits, value, appearanceMomentum);
    }
}
