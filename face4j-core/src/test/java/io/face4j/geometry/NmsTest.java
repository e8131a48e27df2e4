package io.face4j.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

class NmsTest {
    record Scored(String name, Box box, double score) {
    }

    private static List<String> names(List<Scored> kept) {
        return kept.stream().map(Scored::name).toList();
    }

    private static List<String> union(List<Scored> items, double threshold) {
        return names(Nms.suppress(items, Scored::box, Scored::score, threshold, Nms.Overlap.UNION));
    }

    @Test
    void keepsTheBestOfEachClusterInScoreOrder() {
        var items = List.of(
                new Scored("a", new Box(0, 0, 10, 10), 0.8),
                new Scored("b", new Box(1, 1, 11, 11), 0.9),   // IoU with a = 81/119 = 0.68
                new Scored("c", new Box(50, 50, 60, 60), 0.7),
                new Scored("d", new Box(52, 50, 62, 60), 0.95)); // IoU with c = 80/120 = 0.667
        assertEquals(List.of("d", "b"), union(items, 0.5));
        assertEquals(List.of("d", "b", "a", "c"), union(items, 0.7));
    }

    @Test
    void suppressesOnlyStrictlyAboveThreshold() {
        var items = List.of(
                new Scored("a", new Box(0, 0, 10, 10), 0.9),
                new Scored("b", new Box(5, 0, 15, 10), 0.8)); // IoU = 50/150 = 1/3
        assertEquals(List.of("a", "b"), union(items, 1.0 / 3.0));
        assertEquals(List.of("a"), union(items, 0.33));
    }

    @Test
    void minModeDropsNestedBoxesThatUnionKeeps() {
        var items = List.of(
                new Scored("big", new Box(0, 0, 20, 20), 0.9),
                new Scored("small", new Box(2, 2, 10, 10), 0.95)); // IoU 0.16, min-overlap 1.0
        assertEquals(List.of("small", "big"), union(items, 0.7));
        assertEquals(List.of("small"),
                names(Nms.suppress(items, Scored::box, Scored::score, 0.7, Nms.Overlap.MIN)));
    }

    @Test
    void equalScoresKeepInputOrder() {
        var items = List.of(
                new Scored("first", new Box(0, 0, 10, 10), 0.5),
                new Scored("second", new Box(0, 0, 10, 10), 0.5),
                new Scored("third", new Box(100, 0, 110, 10), 0.5));
        assertEquals(List.of("first", "third"), union(items, 0.5));
    }

    @Test
    void emptyInputAndBadThreshold() {
        assertEquals(List.of(), union(List.of(), 0.5));
        assertThrows(IllegalArgumentException.class, () -> union(List.of(), 1.5));
    }
}
