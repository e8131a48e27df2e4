package io.face4j.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BoxTest {
    private static final double EPS = 1e-12;

    @Test
    void invertedBoxThrowsNamingTheValues() {
        var e = assertThrows(IllegalArgumentException.class, () -> new Box(10, 0, 5, 3));
        assertTrue(e.getMessage().contains("x1=10.0") && e.getMessage().contains("x2=5.0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Box(0, 4, 1, 3));
    }

    @Test
    void nanOrInfiniteBoxThrows() {
        var e = assertThrows(IllegalArgumentException.class, () -> new Box(Double.NaN, 0, 5, 3));
        assertTrue(e.getMessage().contains("NaN"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Box(0, 0, Double.POSITIVE_INFINITY, 3));
    }

    @Test
    void areaIntersectionAndIou() {
        Box a = new Box(0, 0, 10, 10);
        Box b = new Box(5, 5, 15, 15);
        assertEquals(100, a.area(), EPS);
        assertEquals(25, a.intersectionArea(b), EPS);
        assertEquals(25.0 / 175.0, a.iou(b), EPS);
        assertEquals(0.25, a.overlapOfSmaller(b), EPS);
        assertEquals(1.0, a.iou(a), EPS);
        assertEquals(0.0, a.iou(new Box(10, 0, 20, 10)), EPS, "touching boxes do not overlap");
        assertEquals(1.0, new Box(2, 2, 4, 4).overlapOfSmaller(a), EPS, "nested box");
        assertEquals(0.04, new Box(2, 2, 4, 4).iou(a), EPS);
    }

    @Test
    void squaredUpKeepsCentreAndTakesLongerSide() {
        assertEquals(new Box(-5, 0, 15, 20), new Box(0, 0, 10, 20).squaredUp());
        assertEquals(new Box(0, -3, 16, 13), new Box(0, 2, 16, 8).squaredUp());
        Box unchanged = new Box(1, 2, 5, 6);
        assertEquals(unchanged, unchanged.squaredUp());
    }

    @Test
    void clampExpandTranslateScale() {
        assertEquals(new Box(0, 0, 640, 100), new Box(-10, -5, 700, 100).clampTo(640, 480));
        assertEquals(new Box(640, 0, 640, 10), new Box(650, 0, 660, 10).clampTo(640, 480));
        assertEquals(new Box(8, 17, 22, 33), new Box(10, 20, 20, 30).expand(2, 3));
        assertEquals(new Box(11, 19, 21, 29), new Box(10, 20, 20, 30).translate(1, -1));
        assertEquals(new Box(5, 10, 10, 15), new Box(10, 20, 20, 30).scale(0.5));
        assertThrows(IllegalArgumentException.class, () -> new Box(0, 0, 4, 4).expand(-3, 0));
        assertThrows(IllegalArgumentException.class, () -> new Box(0, 0, 4, 4).scale(0));
        assertThrows(IllegalArgumentException.class, () -> new Box(0, 0, 4, 4).clampTo(0, 5));
    }

    @Test
    void ofSizeAndCentre() {
        Box b = Box.ofSize(194, 90, 37, 40);
        assertEquals(new Box(194, 90, 231, 130), b);
        assertEquals(new Point(212.5, 110), b.centre());
        assertTrue(b.contains(new Point(200, 100)));
        assertEquals(new Box(-1, 1, 3, 5), Box.squareAround(new Point(1, 3), 4));
    }
}
