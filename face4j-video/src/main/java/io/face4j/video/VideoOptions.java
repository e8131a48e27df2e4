package io.face4j.video;

import java.util.Objects;

import io.face4j.liveness.temporal.TemporalOptions;
import io.face4j.video.track.RecognitionOptions;
import io.face4j.video.track.TrackerOptions;

/**
 * How a {@link VideoAnalyzer} processes frames. Immutable; change a value with a wither.
 *
 * @param detectEvery   run the detector on every Nth frame; the tracker predicts boxes on the frames between
 * @param detectMaxSide detect on a copy of the frame scaled down so its longer side is at most this (0: never scale);
 *                      boxes are mapped back to source pixels and faces are embedded from the full-size frame
 * @param tracker       association settings
 * @param recognition   per-track recognition settings
 * @param liveness      per-track temporal liveness (motion parallax of the landmarks), or null for none
 */
public record VideoOptions(int detectEvery, int detectMaxSide, TrackerOptions tracker, RecognitionOptions recognition,
                           TemporalOptions liveness) {
    public VideoOptions(int detectEvery, int detectMaxSide, TrackerOptions tracker, RecognitionOptions recognition) {
        this(detectEvery, detectMaxSide, tracker, recognition, null);
    }

    public VideoOptions {
        if (detectEvery < 1) {
            throw new IllegalArgumentException("detectEvery must be >= 1, got " + detectEvery);
        }
        if (detectMaxSide != 0 && detectMaxSide < 64) {
            throw new IllegalArgumentException("detectMaxSide must be 0 or >= 64, got " + detectMaxSide);
        }
        Objects.requireNonNull(tracker, "tracker");
        Objects.requireNonNull(recognition, "recognition");
    }

    /**
     * Detect every 3rd frame (10 detections a second at 30 fps: faces move a few pixels between, which the
     * constant-velocity prediction covers) on frames scaled to at most 960 px (halves 1080p; 640x360 is untouched);
     * no liveness.
     */
    public static VideoOptions defaults() {
        return new VideoOptions(3, 960, TrackerOptions.defaults(), RecognitionOptions.defaults());
    }

    public VideoOptions withDetectEvery(int value) {
        return new VideoOptions(value, detectMaxSide, tracker, recognition, liveness);
    }

    public VideoOptions withDetectMaxSide(int value) {
        return new VideoOptions(detectEvery, value, tracker, recognition, liveness);
    }

    public VideoOptions withTracker(TrackerOptions value) {
        return new VideoOptions(detectEvery, detectMaxSide, value, recognition, liveness);
    }

    public VideoOptions withRecognition(RecognitionOptions value) {
        return new VideoOptions(detectEvery, detectMaxSide, tracker, value, liveness);
    }

    /** Temporal liveness per track with these options, or null for none. */
    public VideoOptions withLiveness(TemporalOptions value) {
        return new VideoOptions(detectEvery, detectMaxSide, tracker, recognition, value);
    }
}
