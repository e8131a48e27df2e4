package io.face4j.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HomographyTest {
    private static final List<Point> FIVE = List.of(
            new Point(100, 120), new Point(164, 118), new Point(133, 160), new Point(110, 190), new Point(158, 192));

    @Test
    void mapsPointsThroughThePinnedMatrix() {
        var h = new Homography(new double[] {2, 0, 10, 0, 1, -5, 0.001, 0, 1});
        Point p = h.apply(new Point(100, 50));
        // w = 0.001 * 100 + 1 = 1.1; x = (200 + 10) / 1.1, y = (50 - 5) / 1.1
        assertEquals(210 / 1.1, p.x(), 1e-9);
        assertEquals(45 / 1.1, p.y(), 1e-9);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void recoversARandomHomographyFromFiveAndFourPoints(long seed) {
        Random r = new Random(seed);
        var known = new Homography(new double[] {
                1 + 0.3 * r.nextGaussian(), 0.2 * r.nextGaussian(), 50 * r.nextGaussian(),
                0.2 * r.nextGaussian(), 1 + 0.3 * r.nextGaussian(), 50 * r.nextGaussian(),
                0.001 * r.nextGaussian(), 0.001 * r.nextGaussian(), 1});
        List<Point> target = FIVE.stream().map(known::apply).toList();
        Homography fitted = Homography.fit(FIVE, target);
        assertTrue(fitted.rmsError(FIVE, target) < 1e-7, "residual " + fitted.rmsError(FIVE, target));
        Homography four = Homography.fit(FIVE.subList(0, 4), target.subList(0, 4));
        Point far = new Point(300, -40);
        assertEquals(known.apply(far).x(), four.apply(far).x(), 1e-6);
        assertEquals(known.apply(far).y(), four.apply(far).y(), 1e-6);
    }

    @Test
    void residualOfAPointOffThePlaneIsPositiveAndLeastSquares() {
        List<Point> target = new ArrayList<>(FIVE);
        target.set(2, new Point(133 + 10, 160));
        Homography fitted = Homography.fit(FIVE, target);
        double rms = fitted.rmsError(FIVE, target);
        // 10 px at one of 5 points: an exact fit of the other four would leave sqrt(100 / 5) = 4.47 RMS; least squares
        // spreads it, so less, but the two leftover degrees of freedom keep it well above zero
        assertTrue(rms > 1 && rms < 4.48, "rms " + rms);
    }

    @Test
    void inverseAndCompositionAreConsistent() {
        var h = new Homography(new double[] {1.1, 0.1, 5, -0.05, 0.9, 7, 0.0005, -0.0003, 1});
        Point p = new Point(42, 17);
        Point back = h.andThen(h.invert()).apply(p);
        assertEquals(42, back.x(), 1e-9);
        assertEquals(17, back.y(), 1e-9);
        Point affine = Homography.of(new AffineTransform(2, 0, 1, 0, 3, 2)).apply(p);
        assertEquals(85, affine.x(), 1e-12);
        assertEquals(53, affine.y(), 1e-12);
    }

    @Test
    void badInputIsRefusedWithItsName() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Homography.fit(FIVE.subList(0, 3), FIVE.subList(0, 3)))
                .getMessage().contains("at least 4"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Homography.fit(FIVE, FIVE.subList(0, 4)))
                .getMessage().contains("same number"));
        List<Point> same = List.of(new Point(1, 1), new Point(1, 1), new Point(1, 1), new Point(1, 1));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Homography.fit(same, FIVE.subList(0, 4)))
                .getMessage().contains("source points all coincide"));
        assertThrows(IllegalArgumentException.class, () -> new Homography(new double[8]));
        assertThrows(IllegalArgumentException.class, () -> new Homography(new double[9]));
    }

    @Test
    void jacobiFindsTheSmallestEigenvector() {
        // diag(3, 1, 2) rotated by 30 degrees in the (0, 1) plane: smallest eigenvalue 1 along (-sin, cos, 0)
        double c = Math.cos(Math.toRadians(30));
        double s = Math.sin(Math.toRadians(30));
        double[] m = {3 * c * c + s * s, (3 - 1) * c * s, 0, (3 - 1) * c * s, 3 * s * s + c * c, 0, 0, 0, 2};
        double[] v = SymmetricEigen.smallestEigenvector(m, 3);
        assertEquals(1, Math.abs(-s * v[0] + c * v[1]), 1e-12);
        assertEquals(0, v[2], 1e-12);
    }
}
