package io.face4j.liveness;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Logistic regression over cue values: {@code score = 1 / (1 + exp(-(bias + sum w_i (x_i - mean_i) / scale_i)))}, the
 * probability that the face is live. The cues are standardised with the training mean and standard deviation so the
 * weights are comparable. Immutable; thread-safe.
 */
public record LivenessCombiner(List<LivenessCue> cues, double[] mean, double[] scale, double[] weights, double bias) {

    /** 1.0: L2 penalty on the standardised weights (the bias is not penalised); keeps the fit stable on ~200 images. */
    public static final double DEFAULT_L2 = 1.0;

    public LivenessCombiner {
        if (cues == null || cues.isEmpty()) {
            throw new IllegalArgumentException("cues must not be empty");
        }
        cues = List.copyOf(cues);
        if (cues.stream().distinct().count() != cues.size()) {
            throw new IllegalArgumentException("cues must not repeat, got " + cues);
        }
        int n = cues.size();
        if (mean == null || scale == null || weights == null || mean.length != n || scale.length != n || weights.length != n) {
            throw new IllegalArgumentException("mean, scale and weights need one value per cue (" + n + ")");
        }
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(mean[i]) || !(scale[i] > 0) || !Double.isFinite(scale[i]) || !Double.isFinite(weights[i])) {
                throw new IllegalArgumentException("cue " + cues.get(i).id() + " needs finite mean and weight and scale > 0, got mean "
                        + mean[i] + ", scale " + scale[i] + ", weight " + weights[i]);
            }
        }
        if (!Double.isFinite(bias)) {
            throw new IllegalArgumentException("bias must be finite, got " + bias);
        }
        mean = mean.clone();
        scale = scale.clone();
        weights = weights.clone();
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    @Override
    public double[] scale() {
        return scale.clone();
    }

    @Override
    public double[] weights() {
        return weights.clone();
    }

    /** Live probability from the cue values, in the order of {@link #cues()}. */
    public double score(double[] values) {
        if (values == null || values.length != cues.size()) {
            throw new IllegalArgumentException("values need one entry per cue " + cues + ", got "
                    + (values == null ? "null" : values.length));
        }
        double z = bias;
        for (int i = 0; i < values.length; i++) {
            z += weights[i] * (values[i] - mean[i]) / scale[i];
        }
        return sigmoid(z);
    }

    /** A one-cue combiner that only re-orients and squashes the cue: higher-is-live when {@code liveIsHigh}. */
    public static LivenessCombiner single(LivenessCue cue, double centre, double scale, boolean liveIsHigh) {
        return new LivenessCombiner(List.of(cue), new double[] {centre}, new double[] {scale}, new double[] {liveIsHigh ? 1 : -1}, 0);
    }

    /**
     * Fits the weights by Newton's method on the penalised log-likelihood (L2 penalty {@code l2} on the standardised
     * weights). {@code values[k]} holds sample k's cue values in the order of {@code cues}.
     */
    public static LivenessCombiner fit(List<LivenessCue> cues, double[][] values, boolean[] live, double l2) {
        if (cues == null || cues.isEmpty()) {
            throw new IllegalArgumentException("cues must not be empty");
        }
        if (values == null || live == null || values.length != live.length || values.length == 0) {
            throw new IllegalArgumentException("values and live need one entry per sample and at least one sample");
        }
        if (!(l2 >= 0)) {
            throw new IllegalArgumentException("l2 must be >= 0, got " + l2);
        }
        int n = values.length;
        int d = cues.size();
        double[] mean = new double[d];
        double[] scale = new double[d];
        for (int j = 0; j < d; j++) {
            double sum = 0;
            double sumSq = 0;
            for (double[] row : values) {
                if (row.length != d) {
                    throw new IllegalArgumentException("every sample needs " + d + " values, got " + row.length);
                }
                sum += row[j];
                sumSq += row[j] * row[j];
            }
            mean[j] = sum / n;
            double sd = Math.sqrt(Math.max(0, sumSq / n - mean[j] * mean[j]));
            scale[j] = sd > 1e-12 ? sd : 1;
        }
        double[][] x = new double[n][d + 1];
        for (int k = 0; k < n; k++) {
            x[k][0] = 1;
            for (int j = 0; j < d; j++) {
                x[k][j + 1] = (values[k][j] - mean[j]) / scale[j];
            }
        }
        double[] beta = new double[d + 1];
        for (int iteration = 0; iteration < 100; iteration++) {
            double[] gradient = new double[d + 1];
            double[][] hessian = new double[d + 1][d + 1];
            for (int k = 0; k < n; k++) {
                double p = sigmoid(dot(beta, x[k]));
                double y = live[k] ? 1 : 0;
                double w = Math.max(p * (1 - p), 1e-12);
                for (int a = 0; a <= d; a++) {
                    gradient[a] += (y - p) * x[k][a];
                    for (int b = 0; b <= d; b++) {
                        hessian[a][b] += w * x[k][a] * x[k][b];
                    }
                }
            }
            for (int a = 1; a <= d; a++) {
                gradient[a] -= l2 * beta[a];
                hessian[a][a] += l2;
            }
            double[] step = solve(hessian, gradient);
            double change = 0;
            for (int a = 0; a <= d; a++) {
                beta[a] += step[a];
                change = Math.max(change, Math.abs(step[a]));
            }
            if (change < 1e-10) {
                break;
            }
        }
        return new LivenessCombiner(cues, mean, scale, Arrays.copyOfRange(beta, 1, d + 1), beta[0]);
    }

    /** Java source of this combiner, for committing fitted weights as defaults. */
    public String toJava() {
        List<String> names = new ArrayList<>();
        for (LivenessCue cue : cues) {
            names.add("LivenessCue." + cue.name());
        }
        return "new LivenessCombiner(List.of(" + String.join(", ", names) + "),\n"
                + "        new double[] {" + join(mean) + "},\n"
                + "        new double[] {" + join(scale) + "},\n"
                + "        new double[] {" + join(weights) + "},\n"
                + "        " + String.format(Locale.ROOT, "%.6g", bias) + ")";
    }

    private static String join(double[] values) {
        StringBuilder sb = new StringBuilder();
        for (double v : values) {
            sb.append(sb.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.6g", v));
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("LivenessCombiner[bias ").append(String.format(Locale.ROOT, "%.4f", bias));
        for (int i = 0; i < cues.size(); i++) {
            sb.append(String.format(Locale.ROOT, ", %s %+.4f (mean %.4g, scale %.4g)", cues.get(i).id(), weights[i], mean[i], scale[i]));
        }
        return sb.append(']').toString();
    }

    static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** Gaussian elimination with partial pivoting; the system is small (cues + 1) and positive definite. */
    private static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][n + 1];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, m[i], 0, n);
            m[i][n] = b[i];
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
                    pivot = r;
                }
            }
            double[] t = m[col];
            m[col] = m[pivot];
            m[pivot] = t;
            if (Math.abs(m[col][col]) < 1e-300) {
                return new double[n];
            }
            for (int r = col + 1; r < n; r++) {
                double f = m[r][col] / m[col][col];
                for (int c = col; c <= n; c++) {
                    m[r][c] -= f * m[col][c];
                }
            }
        }
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double s = m[i][n];
            for (int j = i + 1; j < n; j++) {
                s -= m[i][j] * x[j];
            }
            x[i] = s / m[i][i];
        }
        return x;
    }
}
