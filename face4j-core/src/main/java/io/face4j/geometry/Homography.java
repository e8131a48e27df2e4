package io.face4j.geometry;

import java.util.List;
import java.util.Objects;

/**
 * A plane-to-plane projective map as a 3x3 matrix in row-major order, scaled so that the entries have unit norm:
 * {@code (x', y') = ((h0 x + h1 y + h2) / w, (h3 x + h4 y + h5) / w)} with {@code w = h6 x + h7 y + h8}.
 * Immutable; thread-safe.
 */
public record Homography(double[] h) {
    public Homography {
        Objects.requireNonNull(h, "h");
        if (h.length != 9) {
            throw new IllegalArgumentException("homography needs 9 entries, got " + h.length);
        }
        double norm = 0;
        for (double v : h) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("homography needs finite entries, got " + java.util.Arrays.toString(h));
            }
            norm += v * v;
        }
        if (norm < 1e-300) {
            throw new IllegalArgumentException("homography matrix is zero");
        }
        norm = Math.sqrt(norm);
        double[] scaled = new double[9];
        for (int i = 0; i < 9; i++) {
            scaled[i] = h[i] / norm;
        }
        h = scaled;
    }

    /** The entries (a copy), row-major, unit norm. */
    @Override
    public double[] h() {
        return h.clone();
    }

    public static Homography of(AffineTransform a) {
        return new Homography(new double[] {a.m00(), a.m01(), a.m02(), a.m10(), a.m11(), a.m12(), 0, 0, 1});
    }

    /**
     * The homography mapping {@code source} onto {@code target} (at least 4 point pairs, no 3 of the first 4
     * collinear) by the normalised direct linear transform: Hartley and Zisserman, "Multiple View Geometry",
     * algorithm 4.2. Each point set is moved to its centroid and scaled to mean distance sqrt(2) from it, the
     * 2n x 9 system A h = 0 is solved as the eigenvector of A^T A with the smallest eigenvalue, and the result is
     * de-normalised. With exactly 4 pairs the fit is exact; with more it minimises the algebraic error, which after
     * normalisation is close to the geometric error for the small residuals of interest.
     */
    public static Homography fit(List<Point> source, List<Point> target) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
        if (source.size() != target.size()) {
            throw new IllegalArgumentException("source and target need the same number of points, got "
                    + source.size() + " and " + target.size());
        }
        int n = source.size();
        if (n < 4) {
            throw new IllegalArgumentException("a homography needs at least 4 point pairs, got " + n);
        }
        double[] ns = normalisation(source, "source");
        double[] nt = normalisation(target, "target");
        double[] ata = new double[81];
        double[] row = new double[9];
        for (int i = 0; i < n; i++) {
            double x = ns[0] * (source.get(i).x() - ns[1]);
            double y = ns[0] * (source.get(i).y() - ns[2]);
            double u = nt[0] * (target.get(i).x() - nt[1]);
            double v = nt[0] * (target.get(i).y() - nt[2]);
            // the two rows of A for one correspondence (H&Z eq. 4.3, with w = w' = 1)
            set(row, 0, 0, 0, -x, -y, -1, v * x, v * y, v);
            accumulate(ata, row);
            set(row, x, y, 1, 0, 0, 0, -u * x, -u * y, -u);
            accumulate(ata, row);
        }
        double[] hn = SymmetricEigen.smallestEigenvector(ata, 9);
        // H = T_target^-1 * Hn * T_source, with T = [s 0 -s cx; 0 s -s cy; 0 0 1]
        double[] ts = {ns[0], 0, -ns[0] * ns[1], 0, ns[0], -ns[0] * ns[2], 0, 0, 1};
        double[] ttInv = {1 / nt[0], 0, nt[1], 0, 1 / nt[0], nt[2], 0, 0, 1};
        return new Homography(multiply(ttInv, multiply(hn, ts)));
    }

    public Point apply(Point p) {
        double w = h[6] * p.x() + h[7] * p.y() + h[8];
        if (Math.abs(w) < 1e-12) {
            throw new IllegalStateException("point " + p + " maps to infinity under " + this);
        }
        return new Point((h[0] * p.x() + h[1] * p.y() + h[2]) / w, (h[3] * p.x() + h[4] * p.y() + h[5]) / w);
    }

    /** The inverse map; throws IllegalStateException when the matrix is singular. */
    public Homography invert() {
        double[] m = h;
        double c00 = m[4] * m[8] - m[5] * m[7];
        double c01 = m[5] * m[6] - m[3] * m[8];
        double c02 = m[3] * m[7] - m[4] * m[6];
        double det = m[0] * c00 + m[1] * c01 + m[2] * c02;
        if (Math.abs(det) < 1e-15) {
            throw new IllegalStateException("homography is singular (determinant " + det + ")");
        }
        return new Homography(new double[] {
                c00 / det, (m[2] * m[7] - m[1] * m[8]) / det, (m[1] * m[5] - m[2] * m[4]) / det,
                c01 / det, (m[0] * m[8] - m[2] * m[6]) / det, (m[2] * m[3] - m[0] * m[5]) / det,
                c02 / det, (m[1] * m[6] - m[0] * m[7]) / det, (m[0] * m[4] - m[1] * m[3]) / det});
    }

    /** First this map, then {@code next}. */
    public Homography andThen(Homography next) {
        return new Homography(multiply(next.h, h));
    }

    /** Root-mean-square distance between each mapped source point and its target, in target pixels. */
    public double rmsError(List<Point> source, List<Point> target) {
        if (source.size() != target.size() || source.isEmpty()) {
            throw new IllegalArgumentException("source and target need the same, non-zero number of points, got "
                    + source.size() + " and " + target.size());
        }
        double sum = 0;
        for (int i = 0; i < source.size(); i++) {
            Point p = apply(source.get(i));
            double dx = p.x() - target.get(i).x();
            double dy = p.y() - target.get(i).y();
            sum += dx * dx + dy * dy;
        }
        return Math.sqrt(sum / source.size());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Homography o && java.util.Arrays.equals(h, o.h);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(h);
    }

    @Override
    public String toString() {
        return "Homography" + java.util.Arrays.toString(h);
    }

    /** {scale, cx, cy}: centroid and the scale giving mean distance sqrt(2) from it (H&Z section 4.4.4). */
    private static double[] normalisation(List<Point> points, String name) {
        double cx = 0;
        double cy = 0;
        for (Point p : points) {
            cx += p.x();
            cy += p.y();
        }
        cx /= points.size();
        cy /= points.size();
        double meanDistance = 0;
        for (Point p : points) {
            meanDistance += Math.hypot(p.x() - cx, p.y() - cy);
        }
        meanDistance /= points.size();
        if (meanDistance < 1e-12) {
            throw new IllegalArgumentException(name + " points all coincide; a homography is undefined");
        }
        return new double[] {Math.sqrt(2) / meanDistance, cx, cy};
    }

    private static void set(double[] row, double... values) {
        System.arraycopy(values, 0, row, 0, 9);
    }

    private static void accumulate(double[] ata, double[] row) {
        for (int i = 0; i < 9; i++) {
            for (int j = 0; j < 9; j++) {
                ata[i * 9 + j] += row[i] * row[j];
            }
        }
    }

    private static double[] multiply(double[] a, double[] b) {
        double[] c = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                c[i * 3 + j] = a[i * 3] * b[j] + a[i * 3 + 1] * b[3 + j] + a[i * 3 + 2] * b[6 + j];
            }
        }
        return c;
    }
}
