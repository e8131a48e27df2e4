package io.face4j.geometry;

import java.util.List;
import java.util.Objects;

/**
 * A 2-D affine map as a 2x3 matrix (OpenCV's layout): x' = m00 x + m01 y + m02, y' = m10 x + m11 y + m12.
 * Immutable; thread-safe.
 */
public record AffineTransform(double m00, double m01, double m02, double m10, double m11, double m12) {
    public AffineTransform {
        double[] all = {m00, m01, m02, m10, m11, m12};
        for (double v : all) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("affine matrix needs finite entries, got " + describe(all));
            }
        }
    }

    public static AffineTransform identity() {
        return new AffineTransform(1, 0, 0, 0, 1, 0);
    }

    /**
     * The similarity transform (rotation, uniform scale, translation; no reflection) that maps {@code source} onto
     * {@code target} with the least squared error: Umeyama (1991), "Least-squares estimation of transformation
     * parameters between two point patterns". In 2-D the SVD of the 2x2 cross-covariance has a closed form: with
     * centred points p (source) and q (target), a = sum(p.q), b = sum(p x q), the rotation angle is atan2(b, a)
     * and the scale is sqrt(a^2 + b^2) / sum|p|^2. Umeyama's sign correction (det(U) det(V) < 0 -> flip the last
     * singular vector) is what restricts the fit to proper rotations; this form never yields a reflection, so
     * mirrored inputs get the best rotation instead.
     */
    public static AffineTransform similarity(List<Point> source, List<Point> target) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
        if (source.size() != target.size()) {
            throw new IllegalArgumentException("source and target need the same number of points, got "
                    + source.size() + " and " + target.size());
        }
        int n = source.size();
        if (n < 2) {
            throw new IllegalArgumentException("source needs at least 2 points, got " + n);
        }
        double sx = 0, sy = 0, tx = 0, ty = 0;
        for (int i = 0; i < n; i++) {
            sx += source.get(i).x();
            sy += source.get(i).y();
            tx += target.get(i).x();
            ty += target.get(i).y();
        }
        sx /= n;
        sy /= n;
        tx /= n;
        ty /= n;
        double a = 0, b = 0, sourceVariance = 0;
        for (int i = 0; i < n; i++) {
            double px = source.get(i).x() - sx;
            double py = source.get(i).y() - sy;
            double qx = target.get(i).x() - tx;
            double qy = target.get(i).y() - ty;
            a += px * qx + py * qy;
            b += px * qy - py * qx;
            sourceVariance += px * px + py * py;
        }
        if (sourceVariance < 1e-12) {
            throw new IllegalArgumentException("source points all coincide; a similarity transform is undefined");
        }
        double norm = Math.hypot(a, b);
        double scale = norm / sourceVariance;
        double cos = norm > 0 ? a / norm : 1;
        double sin = norm > 0 ? b / norm : 0;
        double m00 = scale * cos;
        double m01 = -scale * sin;
        double m10 = scale * sin;
        double m11 = scale * cos;
        return new AffineTransform(m00, m01, tx - (m00 * sx + m01 * sy), m10, m11, ty - (m10 * sx + m11 * sy));
    }

    public Point apply(Point p) {
        return new Point(m00 * p.x() + m01 * p.y() + m02, m10 * p.x() + m11 * p.y() + m12);
    }

    public double determinant() {
        return m00 * m11 - m01 * m10;
    }

    /** The inverse map; throws IllegalStateException when the matrix is singular. */
    public AffineTransform invert() {
        double det = determinant();
        if (Math.abs(det) < 1e-12) {
            throw new IllegalStateException("affine matrix is singular (determinant " + det + "): " + this);
        }
        double i00 = m11 / det;
        double i01 = -m01 / det;
        double i10 = -m10 / det;
        double i11 = m00 / det;
        return new AffineTransform(i00, i01, -(i00 * m02 + i01 * m12), i10, i11, -(i10 * m02 + i11 * m12));
    }

    /** First this map, then {@code next}. */
    public AffineTransform andThen(AffineTransform next) {
        return new AffineTransform(
                next.m00 * m00 + next.m01 * m10, next.m00 * m01 + next.m01 * m11, next.m00 * m02 + next.m01 * m12 + next.m02,
                next.m10 * m00 + next.m11 * m10, next.m10 * m01 + next.m11 * m11, next.m10 * m02 + next.m11 * m12 + next.m12);
    }

    /** Uniform scale of a similarity transform (sqrt of the determinant). */
    public double scale() {
        return Math.sqrt(Math.abs(determinant()));
    }

    /** Rotation angle in radians of a similarity transform. */
    public double rotation() {
        return Math.atan2(m10, m00);
    }

    private static String describe(double[] v) {
        return "[" + v[0] + ", " + v[1] + ", " + v[2] + "; " + v[3] + ", " + v[4] + ", " + v[5] + "]";
    }
}
