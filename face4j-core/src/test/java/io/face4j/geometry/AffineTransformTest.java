package io.face4j.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class AffineTransformTest {
    private static final List<Point> SOURCE = List.of(
            new Point(10, 20), new Point(40, 22), new Point(25, 35), new Point(12, 50), new Point(38, 49));

    @Test
    void umeyamaRecoversAKnownSimilarityExactly() {
        double scale = 1.5;
        double angle = Math.toRadians(30);
        var known = new AffineTransform(
                scale * Math.cos(angle), -scale * Math.sin(angle), 10,
                scale * Math.sin(angle), scale * Math.cos(angle), -5);
        List<Point> target = SOURCE.stream().map(known::apply).toList();

        AffineTransform fitted = AffineTransform.similarity(SOURCE, target);

        assertEquals(known.m00(), fitted.m00(), 1e-12);
        assertEquals(known.m01(), fitted.m01(), 1e-12);
        assertEquals(10, fitted.m02(), 1e-10);
        assertEquals(known.m10(), fitted.m10(), 1e-12);
        assertEquals(known.m11(), fitted.m11(), 1e-12);
        assertEquals(-5, fitted.m12(), 1e-10);
        assertEquals(1.5, fitted.scale(), 1e-12);
        assertEquals(Math.toRadians(30), fitted.rotation(), 1e-12);
    }

    @Test
    void umeyamaLeastSquaresPinnedNumbers() {
        // Square corners onto a slightly skewed quadrilateral: the best similarity is the average
        // rotation/scale. Both centroids are 0; a = sum(p.q) = 8.2, b = sum(p x q) = -0.2, sum|p|^2 = 8,
        // so scale = sqrt(8.2^2 + 0.2^2) / 8 = 1.02530... and angle = atan2(-0.2, 8.2).
        List<Point> square = List.of(new Point(-1, -1), new Point(1, -1), new Point(1, 1), new Point(-1, 1));
        List<Point> skewed = List.of(new Point(-1.2, -1), new Point(1.0, -0.9), new Point(1.2, 1), new Point(-1.0, 0.9));
        AffineTransform t = AffineTransform.similarity(square, skewed);
        assertEquals(1.0253048327204939, t.scale(), 1e-12);
        assertEquals(Math.hypot(8.2, 0.2) / 8, t.scale(), 1e-12);
        assertEquals(Math.atan2(-0.2, 8.2), t.rotation(), 1e-12);
        assertEquals(0, t.m02(), 1e-12);
        assertEquals(0, t.m12(), 1e-12);
    }

    @Test
    void mirroredTargetGivesARotationNotAReflection() {
        List<Point> mirrored = SOURCE.stream().map(p -> new Point(-p.x(), p.y())).toList();
        AffineTransform t = AffineTransform.similarity(SOURCE, mirrored);
        assertTrue(t.determinant() > 0, "determinant " + t.determinant());
        assertEquals(t.m00(), t.m11(), 1e-12);
        assertEquals(-t.m01(), t.m10(), 1e-12);
    }

    @Test
    void invertAndCompose() {
        var t = new AffineTransform(2, -1, 5, 0.5, 3, -7);
        Point p = new Point(3.25, -4.5);
        Point back = t.invert().apply(t.apply(p));
        assertEquals(p.x(), back.x(), 1e-12);
        assertEquals(p.y(), back.y(), 1e-12);
        Point composed = t.andThen(t.invert()).apply(p);
        assertEquals(p.x(), composed.x(), 1e-12);
        assertEquals(p.y(), composed.y(), 1e-12);
        assertEquals(new Point(2 * 1 - 1 * 2 + 5, 0.5 * 1 + 3 * 2 - 7), t.apply(new Point(1, 2)));
        assertThrows(IllegalStateException.class, () -> new AffineTransform(1, 2, 0, 2, 4, 0).invert());
    }

    @Test
    void misuseThrows() {
        assertThrows(IllegalArgumentException.class, () -> AffineTransform.similarity(SOURCE, SOURCE.subList(0, 4)));
        assertThrows(IllegalArgumentException.class,
                () -> AffineTransform.similarity(List.of(new Point(1, 1), new Point(1, 1)), SOURCE.subList(0, 2)));
        assertThrows(IllegalArgumentException.class, () -> new AffineTransform(Double.NaN, 0, 0, 0, 1, 0));
    }
}
