package io.face4j.detect;

import java.util.Comparator;
import java.util.List;

/** Which of the detected faces a detector returns. */
public enum FaceSelection {
    /** Every face, most confident first. */
    ALL,
    /** Only the face with the largest box area (facenet-pytorch's default {@code select_largest=True}). */
    LARGEST,
    /** Only the face with the highest score. */
    MOST_CONFIDENT;

    /** Applies this selection to detections sorted most confident first; returns an unmodifiable list. */
    public List<Detection> apply(List<Detection> byScore) {
        if (byScore.isEmpty() || this == ALL) {
            return List.copyOf(byScore);
        }
        Comparator<Detection> order = this == LARGEST
                ? Comparator.comparingDouble(d -> d.box().area())
                : Comparator.comparingDouble(Detection::score);
        // first of equals wins, so the choice is stable
        Detection best = byScore.get(0);
        for (Detection d : byScore) {
            if (order.compare(d, best) > 0) {
                best = d;
            }
        }
        return List.of(best);
    }
}
