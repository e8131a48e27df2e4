package io.face4j.video.track;

import io.face4j.geometry.Box;
import io.face4j.liveness.temporal.TemporalResult;

/**
 * Something that happened to a track, for logs and the JSON Lines events file.
 *
 * @param type            what happened
 * @param frameIndex      the frame it happened on
 * @param timestampMicros that frame's time
 * @param trackId         the track
 * @param box             the track's box then, source-image pixels
 * @param label           the track's label after the event, or null when not yet recognised
 * @param previous        for {@link Type#IDENTITY_CHANGED}, the label before; else null
 * @param liveness        the track's temporal liveness then, or null when the tracker does not check liveness
 */
public record TrackEvent(Type type, long frameIndex, long timestampMicros, int trackId, Box box, Label label,
                         Label previous, TemporalResult liveness) {
    public TrackEvent(Type type, long frameIndex, long timestampMicros, int trackId, Box box, Label label, Label previous) {
        this(type, frameIndex, timestampMicros, trackId, box, label, previous, null);
    }

    public enum Type {
        TRACK_STARTED("track_started"), IDENTIFIED("identified"), IDENTITY_CHANGED("identity_changed"),
        /** The track's temporal liveness state changed (e.g. undecided to live). */
        LIVENESS_CHANGED("liveness_changed"),
        TRACK_ENDED("track_ended");

        private final String key;

        Type(String key) {
            this.key = key;
        }

        /** The snake_case name used in the events file. */
        public String key() {
            return key;
        }
    }
}
