package io.face4j.video.track;

import io.face4j.geometry.Box;

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
 */
public record TrackEvent(Type type, long frameIndex, long timestampMicros, int trackId, Box box, Label label,
                         Label previous) {
    public enum Type {
        TRACK_STARTED("track_started"), IDENTIFIED("identified"), IDENTITY_CHANGED("identity_changed"),
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
