package io.face4j.video;

import io.face4j.geometry.Box;
import io.face4j.liveness.temporal.TemporalResult;
import io.face4j.video.track.Label;

/**
 * A confirmed track as shown on one frame.
 *
 * @param id       track id, unique within a video
 * @param box      source-image pixels
 * @param detected true when a detection supports the box on this frame, false when it is predicted
 * @param label    the settled identity, or null while not yet recognised (or when there is no gallery)
 * @param liveness the track's temporal liveness, or null when liveness is not checked
 */
public record TrackView(int id, Box box, boolean detected, Label label, TemporalResult liveness) {
    public TrackView(int id, Box box, boolean detected, Label label) {
        this(id, box, detected, label, null);
    }
}
