package io.face4j.video;

import java.util.Optional;
import java.util.function.BooleanSupplier;

import io.face4j.video.source.FrameSource;
import io.face4j.video.source.VideoFrame;
import io.face4j.video.track.TrackEvent;

/** The frame loop shared by the commands, tests and benchmarks: read, analyse, hand on; until the end or a stop. */
public final class VideoRunner {
    private VideoRunner() {
    }

    /** What the loop hands on. */
    public interface Listener {
        void onFrame(FrameResult result);

        default void onEvent(TrackEvent event) {
        }
    }

    /**
     * Frames processed, wall time and frames the source dropped.
     *
     * @param frames  frames analysed
     * @param nanos   wall time of the loop, including decoding
     * @param dropped frames a live or paced source skipped
     * @param stopped true when {@code stop} ended the loop before the source did
     */
    public record Stats(long frames, long nanos, long dropped, boolean stopped) {
        public double fps() {
            return nanos == 0 ? 0 : frames * 1e9 / nanos;
        }
    }

    /** Runs until the source ends or {@code stop} says so; then ends the remaining tracks. */
    public static Stats run(FrameSource source, VideoAnalyzer analyzer, Listener listener, BooleanSupplier stop) {
        long start = System.nanoTime();
        long frames = 0;
        boolean stopped = false;
        while (true) {
            if (stop.getAsBoolean()) {
                stopped = true;
                break;
            }
            Optional<VideoFrame> frame = source.next();
            if (frame.isEmpty()) {
                break;
            }
            FrameResult result = analyzer.process(frame.get());
            frames++;
            result.events().forEach(listener::onEvent);
            listener.onFrame(result);
        }
        analyzer.finish().forEach(listener::onEvent);
        return new Stats(frames, System.nanoTime() - start, source.droppedFrames(), stopped);
    }
}
