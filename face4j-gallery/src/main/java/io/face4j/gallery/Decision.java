package io.face4j.gallery;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer to "who is this?".
 *
 * @param best       the highest-scoring identity, present whenever the gallery has a candidate for the query's model,
 *                   even when it is below the threshold or the face is of too low quality (a UI can show "closest:
 *                   Anna, 0.31")
 * @param similarity the best identity's score, or -1 (the lowest cosine) when there is no candidate
 * @param margin     best score minus the second-best identity's score; when there is no second identity it is
 *                   measured against 0, the score of an unrelated face
 * @param unknown    true when there is no candidate, {@code similarity} is below the threshold, or the face is below
 *                   the quality bar
 * @param candidates the top identities, best first
 * @param reason         why the decision is what it is
 * @param qualityReasons for {@link Reason#LOW_QUALITY}, the codes of the quality checks the face failed ("too_dark",
 *                       see io.face4j.quality.QualityIssue; the gallery does not depend on the core, so they are
 *                       strings here); empty otherwise
 */
public record Decision(Optional<Candidate> best, double similarity, double margin, boolean unknown,
                       List<Candidate> candidates, Reason reason, List<String> qualityReasons) {

    /** Why a face was named or not; {@link #code()} is the spelling in JSON and REST responses. */
    public enum Reason {
        /** The best identity reached the threshold. */
        MATCH,
        /** The best identity scored below the threshold (or there was none: an empty gallery). */
        BELOW_THRESHOLD,
        /** The face failed the quality bar; {@link Decision#qualityReasons()} names the failed checks. */
        LOW_QUALITY;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Decision {
        Objects.requireNonNull(best, "best");
        Objects.requireNonNull(reason, "reason");
        candidates = List.copyOf(candidates);
        qualityReasons = List.copyOf(qualityReasons);
        if (unknown == (reason == Reason.MATCH)) {
            throw new IllegalArgumentException("reason " + reason + " contradicts unknown=" + unknown);
        }
        if (qualityReasons.isEmpty() == (reason == Reason.LOW_QUALITY)) {
            throw new IllegalArgumentException("quality reasons " + qualityReasons + " contradict reason " + reason);
        }
    }

    /** A decision without quality information, its reason read from {@code unknown}. */
    public Decision(Optional<Candidate> best, double similarity, double margin, boolean unknown, List<Candidate> candidates) {
        this(best, similarity, margin, unknown, candidates, unknown ? Reason.BELOW_THRESHOLD : Reason.MATCH, List.of());
    }

    /**
     * This decision turned to unknown for low quality, the candidates kept (a UI can still show the closest); itself
     * when {@code failedChecks} is empty.
     */
    public Decision withLowQuality(List<String> failedChecks) {
        Objects.requireNonNull(failedChecks, "failedChecks");
        if (failedChecks.isEmpty()) {
            return this;
        }
        return new Decision(best, similarity, margin, true, candidates, Reason.LOW_QUALITY, failedChecks);
    }

    /** The recognised identity's id, empty when the face is unknown. */
    public Optional<String> identityId() {
        return unknown ? Optional.empty() : best.map(Candidate::identityId);
    }

    /** The recognised identity's name, or "UNKNOWN". */
    public String label() {
        return unknown ? "UNKNOWN" : best.orElseThrow().name();
    }
}
