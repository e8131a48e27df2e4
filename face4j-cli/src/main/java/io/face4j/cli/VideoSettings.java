package io.face4j.cli;

import io.face4j.liveness.temporal.TemporalOptions;
import io.face4j.video.VideoOptions;
import io.face4j.video.track.RecognitionOptions;
import picocli.CommandLine.Option;

/** Detection interval and scale, and whether to check liveness, for the tracking commands. */
final class VideoSettings {
    @Option(names = "--every", paramLabel = "N", defaultValue = "3",
            description = "detect on every Nth frame, tracking in between (default: ${DEFAULT-VALUE})")
    int every;

    @Option(names = "--detect-size", paramLabel = "PX", defaultValue = "960",
            description = "detect on frames scaled to at most this longer side, 0 for full size (default: ${DEFAULT-VALUE}; "
                    + "boxes are reported in source pixels)")
    int detectSize;

    @Option(names = "--liveness", description = "check each track for liveness from the motion of its landmarks "
            + "(a live head turning shows parallax, a photo or screen moves as a plane): badge and events say live, spoof or checking")
    boolean liveness;

    VideoOptions options(Double threshold) {
        if (every < 1) {
            throw new InputException("--every must be >= 1, got " + every);
        }
        if (detectSize != 0 && detectSize < 64) {
            throw new InputException("--detect-size must be 0 or >= 64, got " + detectSize);
        }
        RecognitionOptions recognition = RecognitionOptions.defaults();
        if (threshold != null) {
            recognition = recognition.withThreshold(threshold);
        }
        return VideoOptions.defaults().withDetectEvery(every).withDetectMaxSide(detectSize).withRecognition(recognition)
                .withLiveness(liveness ? TemporalOptions.defaults() : null);
    }
}
