package io.face4j.geometry;

/**
 * Eigen-decomposition of small symmetric matrices by the cyclic Jacobi method (Golub and Van Loan, "Matrix
 * Computations", section 8.5): plane rotations zero the off-diagonal entries in sweeps until they are negligible.
 * For the 9x9 normal matrices of a homography fit this converges in well under 15 sweeps. Stateless; thread-safe.
 */
final class SymmetricEigen {
    private static final int MAX_SWEEPS = 100;

    private SymmetricEigen() {
    }

    /** The unit eigenvector of the symmetric {@code n} x {@code n} row-major matrix {@code a} with the smallest eigenvalue. */
    static double[] smallestEigenvector(double[] a, int n) {
        if (a.length != n * n) {
            throw new IllegalArgumentException("matrix needs " + n * n + " entries, got " + a.length);
        }
        double[] m = a.clone();
        double[] v = new double[n * n];
        for (int i = 0; i < n; i++) {
            v[i * n + i] = 1;
        }
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            double off = 0;
            double diag = 0;
            for (int i = 0; i < n; i++) {
                diag += m[i * n + i] * m[i * n + i];
                for (int j = i + 1; j < n; j++) {
                    off += m[i * n + j] * m[i * n + j];
                }
            }
            if (off <= 1e-30 * Math.max(diag, 1e-300)) {
                break;
            }
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    double apq = m[p * n + q];
                    if (apq == 0) {
                        continue;
                    }
                    // the rotation that zeroes m[p][q]: tan(2 theta) = 2 apq / (aqq - app), smaller root for t
                    double theta = (m[q * n + q] - m[p * n + p]) / (2 * apq);
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) {
                        t = 1;
                    }
                    double c = 1 / Math.sqrt(t * t + 1);
                    double s = t * c;
                    rotate(m, v, n, p, q, c, s);
                }
            }
        }
        int best = 0;
        for (int i = 1; i < n; i++) {
            if (m[i * n + i] < m[best * n + best]) {
                best = i;
            }
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = v[i * n + best];
        }
        return out;
    }

    /** m <- J^T m J and v <- v J for the rotation J in the (p, q) plane. */
    private static void rotate(double[] m, double[] v, int n, int p, int q, double c, double s) {
        for (int k = 0; k < n; k++) {
            double mkp = m[k * n + p];
            double mkq = m[k * n + q];
            m[k * n + p] = c * mkp - s * mkq;
            m[k * n + q] = s * mkp + c * mkq;
        }
        for (int k = 0; k < n; k++) {
            double mpk = m[p * n + k];
            double mqk = m[q * n + k];
            m[p * n + k] = c * mpk - s * mqk;
            m[q * n + k] = s * mpk + c * mqk;
        }
        for (int k = 0; k < n; k++) {
            double vkp = v[k * n + p];
            double vkq = v[k * n + q];
            v[k * n + p] = c * vkp - s * vkq;
            v[k * n + q] = s * vkp + c * vkq;
        }
    }
}
