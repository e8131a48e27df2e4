package io.face4j.gallery;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer to "who is this?".
 *
 * @param best       the highest-scoring identity, present whenever the gallery has a candidate for the query's model,
 *                   even when it is below the threshold (a UI can show "closest: Anna, 0.31")
 * @param similarity the best identity's score, or -1 (the lowest cosine) when there is no candidate
 * @param margin     best score minus the second-best identity's score; when there is no second identity it is
 *                   measured against 0, the score of an unrelated face
 * @param unknown    true when there is no candidate or {@code similarity} is below the threshold
 * @param candidates the top identities, best first
 */
public record Decision(Optional<Candidate> best, double similarity, double margin, boolean unknown,
                       List<Candidate> candidates) {
    public Decision {
        Objects.requireNonNull(best, "best");
        candidates = List.copyOf(candidates);
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
