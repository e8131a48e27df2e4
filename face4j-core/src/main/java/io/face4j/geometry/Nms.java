package io.face4j.geometry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;

/**
 * Greedy non-maximum suppression as MTCNN uses it: visit items by descending score, keep an item unless its overlap
 * with an already kept item exceeds the threshold. Stable: equal scores keep their input order. Stateless; thread-safe.
 */
public final class Nms {

    /** How two boxes' overlap is measured. */
    public enum Overlap {
        /** Intersection over union. */
        UNION,
        /** Intersection over the smaller box's area (MTCNN's last stage: drops a box nested in a bigger one). */
        MIN
    }

    private Nms() {
    }

    /**
     * The items that survive, in descending score order. An item is suppressed when its overlap with a kept item is
     * strictly greater than {@code threshold} (as torchvision's {@code nms} and MTCNN's reference code do).
     */
    public static <T> List<T> suppress(List<T> items, Function<? super T, Box> box, ToDoubleFunction<? super T> score,
                                       double threshold, Overlap overlap) {
        Objects.requireNonNull(items, "items");
        Objects.requireNonNull(overlap, "overlap");
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold must be in [0, 1], got " + threshold);
        }
        int n = items.size();
        Box[] boxes = new Box[n];
        double[] scores = new double[n];
        for (int i = 0; i < n; i++) {
            boxes[i] = box.apply(items.get(i));
            scores[i] = score.applyAsDouble(items.get(i));
            if (Double.isNaN(scores[i])) {
                throw new IllegalArgumentException("score of item " + i + " is NaN");
            }
        }
        // Stable sort by descending score: ties stay in input order.
        Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> scores[i]).reversed());

        boolean[] suppressed = new boolean[n];
        List<T> kept = new ArrayList<>();
        for (int a = 0; a < n; a++) {
            int i = order[a];
            if (suppressed[i]) {
                continue;
            }
            kept.add(items.get(i));
            for (int b = a + 1; b < n; b++) {
                int j = order[b];
                if (!suppressed[j] && overlap(boxes[i], boxes[j], overlap) > threshold) {
                    suppressed[j] = true;
                }
            }
        }
        return List.copyOf(kept);
    }

    private static double overlap(Box a, Box b, Overlap overlap) {
        return overlap == Overlap.UNION ? a.iou(b) : a.overlapOfSmaller(b);
    }
}
