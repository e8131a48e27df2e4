package io.face4j.liveness.temporal;

/** What a temporal liveness check concluded so far. */
public enum LivenessState {
    /** The landmarks moved in a way no plane explains: a 3-D head. */
    LIVE,
    /** The face moved enough that a head would have shown parallax, and a plane explained every frame: a photo or screen. */
    SPOOF,
    /** Not enough frames or motion yet (or a challenge still running). */
    UNDECIDED;

    /** Lower-case name for JSON and badges: "live", "spoof", "undecided". */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
