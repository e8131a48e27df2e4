package io.face4j.video.track;

import java.util.List;
import java.util.Objects;

/**
 * A track's identity as last settled: a gallery name or unknown, and why.
 *
 * @param name           the identity's name, or null when unknown
 * @param identityId     the gallery id, or null when unknown
 * @param similarity     similarity of the fused embedding to the best identity (also when unknown), cosine scale;
 *                       NaN when no usable face was compared
 * @param reason         match, below_threshold or low_quality (the codes of {@code io.face4j.gallery.Decision.Reason})
 * @param qualityReasons for low_quality, the codes of the failed checks of the latest face ("too_dark"); else empty
 */
public record Label(String name, String identityId, double similarity, String reason, List<String> qualityReasons) {
    public static final String MATCH = "match";
    public static final String BELOW_THRESHOLD = "below_threshold";
    public static final String LOW_QUALITY = "low_quality";

    public Label {
        Objects.requireNonNull(reason, "reason");
        qualityReasons = List.copyOf(qualityReasons);
    }

    /** A name (or, with a null name, unknown below the threshold). */
    public Label(String name, String identityId, double similarity) {
        this(name, identityId, similarity, name != null ? MATCH : BELOW_THRESHOLD, List.of());
    }

    /** Unknown because the track's recent faces fail the quality bar for {@code codes}. */
    public static Label lowQuality(List<String> codes) {
        return new Label(null, null, Double.NaN, LOW_QUALITY, codes);
    }

    public boolean known() {
        return name != null;
    }

    /** The name, "UNKNOWN", or for a low-quality face "UNKNOWN (too dark)". */
    public String text() {
        if (name != null) {
            return name;
        }
        if (qualityReasons.isEmpty()) {
            return "UNKNOWN";
        }
        return "UNKNOWN (" + String.join(", ", qualityReasons.stream().map(c -> c.replace('_', ' ')).toList()) + ")";
    }

    /** Same identity (or both unknown), whatever the similarity. */
    public boolean sameIdentity(Label other) {
        return other != null && java.util.Objects.equals(identityId, other.identityId);
    }
}
