package io.face4j.video.track;

/**
 * A track's identity as last settled: a gallery name or unknown.
 *
 * @param name       the identity's name, or null when unknown
 * @param identityId the gallery id, or null when unknown
 * @param similarity similarity of the fused embedding to the best identity (also when unknown), cosine scale
 */
public record Label(String name, String identityId, double similarity) {
    public boolean known() {
        return name != null;
    }

    /** The name, or "UNKNOWN". */
    public String text() {
        return name != null ? name : "UNKNOWN";
    }

    /** Same identity (or both unknown), whatever the similarity. */
    public boolean sameIdentity(Label other) {
        return other != null && java.util.Objects.equals(identityId, other.identityId);
    }
}
