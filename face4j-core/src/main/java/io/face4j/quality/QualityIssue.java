package io.face4j.quality;

import java.util.Locale;

/**
 * A named reason why a face is not fit to recognise or enrol. {@link #code()} is the stable spelling used in JSON,
 * REST responses and on screen ("too_dark"); {@link #text()} is the same for people ("too dark").
 */
public enum QualityIssue {
    /** Mean luma of the face below the bar: underexposed, detail lost in noise. */
    TOO_DARK,
    /** Mean luma above the bar: washed out. */
    OVEREXPOSED,
    /** Laplacian variance below the bar: out of focus, motion-blurred or upscaled from few pixels. */
    BLURRY,
    /** Eyes closer together than the bar: too few pixels on the face. */
    TOO_SMALL,
    /** Head yaw beyond the bar: a profile, not the frontal face the gallery holds. */
    TURNED_AWAY,
    /** Too much of the face box lies outside the image (cut by the frame border). */
    PARTIAL;

    /** "too_dark", "turned_away", ... */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** "too dark", "turned away", ... */
    public String text() {
        return code().replace('_', ' ');
    }

    /** The issue whose {@link #code()} is {@code code}; IllegalArgumentException naming the accepted codes otherwise. */
    public static QualityIssue parse(String code) {
        for (QualityIssue issue : values()) {
            if (issue.code().equals(code)) {
                return issue;
            }
        }
        throw new IllegalArgumentException("unknown quality issue '" + code + "' (expected one of too_dark, overexposed,"
                + " blurry, too_small, turned_away, partial)");
    }
}
