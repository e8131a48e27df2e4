package io.face4j.video;

import java.util.List;

import io.face4j.video.source.VideoFrame;
import io.face4j.video.track.TrackEvent;

/**
 * What a {@link VideoAnalyzer} made of one frame.
 *
 * @param frame    the frame
 * @param detected true when the detector ran on this frame
 * @param tracks   the confirmed tracks on it
 * @param events   what started, was identified, changed or ended on it
 */
public record FrameResult(VideoFrame frame, boolean detected, List<TrackView> tracks, List<TrackEvent> events) {
    public FrameResult {
        tracks = List.copyOf(tracks);
        events = List.copyOf(events);
    }
}
