package io.face4j.gallery;

import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An int8 copy of a {@link ModelIndex}'s rows, for a first pass that bounds every row's score for a query in a
 * quarter of the memory traffic of the float matrix. For each row it gives a lower and an upper bound that are
 * guaranteed to enclose the score the float scan computes for that row, so the index can rescore only the rows that
 * may reach the top and still return exactly what a full scan returns.
 *
 * <p>Quantisation: row {@code x} (about unit length) becomes {@code xq = round(x * s)} with one scale per row,
 * {@code s = min(127 / max|x|, ROW_NORM / |x|)}, so every value fits a byte and {@code |xq| <= ROW_NORM + sqrt(d)/2};
 * the query becomes {@code qq = round(q * t)} with {@code t} chosen per query so that {@code |xq| * |qq| <= 32767} for
 * every row. By Cauchy-Schwarz each integer dot product {@code xq . qq} then fits in a signed 16-bit lane, which is
 * what lets the scan below do two rows per 32-bit multiply.
 *
 * <p>Bound: with {@code x' = xq / s} and {@code q' = qq / t} the approximate score is {@code a = x' . q'} and
 * {@code |x . q - a| <= |q| |x - x'| + |q - q'| |x'|} (add and subtract {@code q . x'}, then Cauchy-Schwarz twice).
 * {@code |x - x'|} and {@code |x'|} are kept per row, {@code |q|} and {@code |q - q'|} computed per query. On top
 * comes the rounding of the float32 dot product that is being bounded, {@code <= gamma(d/4 + 3) |q| |x|} for four
 * accumulators of d/4 terms each, and a little for the double arithmetic here and the rounding to float.
 *
 * <p>Layout: dimension-major; {@code dims[d][w]} packs dimension {@code d} of rows {@code 4w .. 4w+3} as four bytes
 * (row {@code 4w+j} in byte {@code j}), each stored as {@code xq + 128}. Masking with 0x00FF00FF gives rows
 * {@code 4w} and {@code 4w+2} as two 16-bit lanes of one int, so one int multiply by {@code qq[d]} advances two dot
 * products; the 128 offsets add {@code 128 * sum(qq)} per lane, which is subtracted at the end. The scan goes block
 * by block (4,096 rows) so the accumulators stay in L1, and indexes the accumulators with the same
 * {@code base + w} as the data: C2 (JDK 17, no Vector API) vectorises the loop only when both int arrays share the
 * loop-invariant part of their index. One large array per dimension also keeps its layout through G1's copying,
 * which scattered an earlier one-small-array-per-(block, dimension) layout and doubled the scan time.
 *
 * <p>Not thread-safe for writes; {@link ModelIndex} guards it with its lock, and concurrent {@link #bounds} calls
 * (reads only) are safe. A bound computation shares its blocks with up to (cores - 1) daemon helper threads.
 */
final class QuantisedRows {
    // 1,024 words (4,096 rows) per block: two accumulator blocks (8 KB) stay in L1; smaller blocks measured slower
    private static final int WORDS_PER_BLOCK = 1024;
    private static final int LANES = 0x00FF00FF;
    private static final int OFFSETS = 0x00800080;
    private static final int LANE_MAX = Short.MAX_VALUE;
    // 181 * 181 < 32767: balances the 16-bit lane budget between the row and the query norm
    private static final double ROW_NORM = 175;
    // 2^-24: unit roundoff of float32
    private static final double FLOAT_EPSILON = 0x1p-24;

    // The scan is bound by memory and integer multiplies, so a second core roughly halves it (measured on 2 cores);
    // at most 3 helpers, as a few cores already use most of the memory bandwidth.
    private static final int HELPER_COUNT = Math.min(3, Runtime.getRuntime().availableProcessors() - 1);
    private static final ExecutorService HELPERS = HELPER_COUNT < 1 ? null
            : Executors.newFixedThreadPool(HELPER_COUNT, work -> {
                Thread thread = new Thread(work, "face4j-gallery-search");
                thread.setDaemon(true);
                return thread;
            });

    // per-thread accumulators, indexed like the words (see the class comment), reused across searches
    private static final ThreadLocal<int[][]> ACCUMULATORS = ThreadLocal.withInitial(() -> new int[][] {
            new int[0], new int[0]});

    private final int dimension;
    private final double floatDotSlack;
    private final int[][] dims;
    private int capacity;
    private double[] inverseScale = new double[0];
    private double[] error = new double[0];
    private double[] norm = new double[0];
    // the largest |xq|^2 ever stored: never lowered on removal, which keeps it an upper bound
    private long maxNormSquared = 1;

    QuantisedRows(int dimension) {
        this.dimension = dimension;
        this.dims = new int[dimension][0];
        // gamma(n) = n u / (1 - n u) with n = d/4 + 3 (one accumulator's chain, the multiply, the two combining
        // adds), doubled to cover |q| |x| up to (1 + 1e-4)^2 and the double arithmetic of the bound; plus 1e-6 for
        // rounding the double bounds to float (bounds are below 2 in magnitude, float ulp there is 2.4e-7)
        double n = Math.ceil(dimension / 4.0) + 3;
        this.floatDotSlack = 2 * n * FLOAT_EPSILON / (1 - n * FLOAT_EPSILON) + 1e-6;
    }

    /** Quantises {@code x} (about unit length) into row {@code row}, growing the storage when needed. */
    void set(int row, float[] x, int offset) {
        ensureCapacity(row + 1);
        byte[] values = new byte[dimension];
        quantise(row, x, offset, values, 0);
        int word = row / 4;
        int shift = 8 * (row % 4);
        for (int d = 0; d < dimension; d++) {
            dims[d][word] = (dims[d][word] & ~(0xFF << shift)) | ((values[d] + 128) << shift);
        }
    }

    /**
     * Quantises rows {@code 0 .. rows-1} of the row-major {@code matrix} in one go, for loading: a group of rows is
     * quantised row by row, then written dimension by dimension, because writing one row touches a cache line in
     * each of the {@code d} arrays (row by row that made loading 100,000 rows take 0.5 s instead of 0.1 s).
     */
    void setAll(float[] matrix, int rows) {
        ensureCapacity(rows);
        // 128 rows: the group's bytes (24 KB at 192 dimensions) stay in L1 while they are read column by column
        int group = 128;
        byte[] values = new byte[group * dimension];
        for (int first = 0; first < rows; first += group) {
            int count = Math.min(group, rows - first);
            for (int i = 0; i < count; i++) {
                quantise(first + i, matrix, (first + i) * dimension, values, i * dimension);
            }
            for (int d = 0; d < dimension; d++) {
                int[] words = dims[d];
                for (int i = 0; i < count; i++) {
                    int row = first + i;
                    int shift = 8 * (row % 4);
                    words[row / 4] = (words[row / 4] & ~(0xFF << shift))
                            | ((values[i * dimension + d] + 128) << shift);
                }
            }
        }
    }

    /** Quantises one row into {@code out} and records its scale, error and norm. */
    private void quantise(int row, float[] x, int offset, byte[] out, int outOffset) {
        float maxAbs = 0;
        double squares = 0;
        for (int d = 0; d < dimension; d++) {
            float v = x[offset + d];
            maxAbs = Math.max(maxAbs, Math.abs(v));
            squares += (double) v * v;
        }
        double scale = maxAbs == 0 ? 1 : Math.min(127 / maxAbs, ROW_NORM / Math.sqrt(squares));
        double inverse = 1 / scale;
        long quantisedSquares = 0;
        // two sums: the additions of one would wait for each other (rint, unlike Math.round, is one instruction)
        double errorSquares0 = 0;
        double errorSquares1 = 0;
        int d = 0;
        for (; d + 2 <= dimension; d += 2) {
            int q0 = Math.max(-127, Math.min(127, (int) Math.rint(x[offset + d] * scale)));
            int q1 = Math.max(-127, Math.min(127, (int) Math.rint(x[offset + d + 1] * scale)));
            quantisedSquares += q0 * q0 + q1 * q1;
            double e0 = x[offset + d] - q0 * inverse;
            double e1 = x[offset + d + 1] - q1 * inverse;
            errorSquares0 += e0 * e0;
            errorSquares1 += e1 * e1;
            out[outOffset + d] = (byte) q0;
            out[outOffset + d + 1] = (byte) q1;
        }
        if (d < dimension) {
            int q = Math.max(-127, Math.min(127, (int) Math.rint(x[offset + d] * scale)));
            quantisedSquares += q * q;
            double e = x[offset + d] - q * inverse;
            errorSquares0 += e * e;
            out[outOffset + d] = (byte) q;
        }
        maxNormSquared = Math.max(maxNormSquared, quantisedSquares);
        inverseScale[row] = inverse;
        error[row] = Math.sqrt(errorSquares0 + errorSquares1);
        norm[row] = Math.sqrt(quantisedSquares) * inverse;
    }

    /** Copies row {@code from} over row {@code to} (removal fills a hole with the last row). */
    void move(int from, int to) {
        int fromWord = from / 4;
        int fromShift = 8 * (from % 4);
        int toWord = to / 4;
        int toShift = 8 * (to % 4);
        for (int[] words : dims) {
            int value = (words[fromWord] >>> fromShift) & 0xFF;
            words[toWord] = (words[toWord] & ~(0xFF << toShift)) | (value << toShift);
        }
        inverseScale[to] = inverseScale[from];
        error[to] = error[from];
        norm[to] = norm[from];
    }

    /**
     * Writes, for rows {@code 0 .. rows-1}, bounds {@code lower[r] <= score(r) <= upper[r]} where score(r) is the
     * float32 dot product of the row with {@code query} as {@link ModelIndex} computes it.
     */
    void bounds(float[] query, int rows, float[] lower, float[] upper) {
        Query q = quantise(query);
        int words = (rows + 3) / 4;
        int blocks = (words + WORDS_PER_BLOCK - 1) / WORDS_PER_BLOCK;
        if (HELPERS == null || blocks < 2) {
            for (int b = 0; b < blocks; b++) {
                scan(q, b, rows, lower, upper);
            }
            return;
        }
        // The caller and the helpers take blocks until none is left, so a busy pool only slows a search down:
        // the caller does every block itself if no helper starts in time. The latch makes the helpers' writes visible.
        AtomicInteger next = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(blocks);
        Runnable work = () -> {
            for (int b = next.getAndIncrement(); b < blocks; b = next.getAndIncrement()) {
                scan(q, b, rows, lower, upper);
                done.countDown();
            }
        };
        for (int h = 0; h < HELPER_COUNT; h++) {
            HELPERS.execute(work);
        }
        work.run();
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GalleryException("interrupted while searching", e);
        }
    }

    /** Bounds for the rows of block {@code b}. */
    private void scan(Query q, int b, int rows, float[] lower, float[] upper) {
        int[][] accumulators = ACCUMULATORS.get();
        if (accumulators[0].length < capacity / 4) {
            accumulators[0] = new int[capacity / 4];
            accumulators[1] = new int[capacity / 4];
        }
        int[] even = accumulators[0];
        int[] odd = accumulators[1];
        int base = b * WORDS_PER_BLOCK;
        int end = Math.min(base + WORDS_PER_BLOCK, (rows + 3) / 4);
        accumulate(dims, q.values, even, odd, base, end);
        // the 128 offsets of both lanes, times sum(qq), wrapping like the lanes themselves
        int offsets = OFFSETS * q.sum;
        for (int w = base; w < end; w++) {
            int e = even[w] - offsets;
            int o = odd[w] - offsets;
            // the low lane is a signed 16-bit value; what is left above it, shifted down, is the high lane
            int e0 = (short) e;
            int o0 = (short) o;
            int row = 4 * w;
            write(row, e0, q, rows, lower, upper);
            write(row + 1, o0, q, rows, lower, upper);
            write(row + 2, (e - e0) >> 16, q, rows, lower, upper);
            write(row + 3, (o - o0) >> 16, q, rows, lower, upper);
        }
    }

    private void write(int row, int product, Query q, int rows, float[] lower, float[] upper) {
        if (row >= rows) {
            return;
        }
        double approximate = product * inverseScale[row] * q.inverseScale;
        double bound = q.norm * error[row] + q.error * norm[row] + floatDotSlack;
        lower[row] = (float) (approximate - bound);
        upper[row] = (float) (approximate + bound);
    }

    /** even[w] and odd[w] = sum over d of the lanes of dims[d][w] times qq[d], for w in [base, end). */
    private static void accumulate(int[][] dims, int[] query, int[] even, int[] odd, int base, int end) {
        Arrays.fill(even, base, end, 0);
        Arrays.fill(odd, base, end, 0);
        int length = end - base;
        for (int d = 0; d < query.length; d++) {
            int[] words = dims[d];
            int q = query[d];
            // words, even and odd all indexed base + w: see the class comment
            for (int w = 0; w < length; w++) {
                int v = words[base + w];
                even[base + w] += (v & LANES) * q;
                odd[base + w] += ((v >>> 8) & LANES) * q;
            }
        }
    }

    private record Query(int[] values, int sum, double inverseScale, double norm, double error) {
    }

    private Query quantise(float[] query) {
        double squares = 0;
        for (float v : query) {
            squares += (double) v * v;
        }
        double queryNorm = Math.sqrt(squares);
        // |qq| <= t |q| + sqrt(d)/2 must stay within LANE_MAX / max|xq|; shrink t until the exact check passes
        double budget = LANE_MAX / Math.sqrt(maxNormSquared);
        double scale = Math.max(1, budget - Math.sqrt(dimension) / 2) / queryNorm;
        int[] values = new int[dimension];
        while (true) {
            long quantisedSquares = 0;
            int sum = 0;
            for (int d = 0; d < dimension; d++) {
                values[d] = (int) Math.round(query[d] * scale);
                quantisedSquares += (long) values[d] * values[d];
                sum += values[d];
            }
            if (quantisedSquares * maxNormSquared <= (long) LANE_MAX * LANE_MAX) {
                double errorSquares = 0;
                for (int d = 0; d < dimension; d++) {
                    double e = query[d] - values[d] / scale;
                    errorSquares += e * e;
                }
                return new Query(values, sum, 1 / scale, queryNorm, Math.sqrt(errorSquares));
            }
            scale *= 0.9;
        }
    }

    private void ensureCapacity(int rows) {
        if (rows > capacity) {
            // whole blocks, so a block's words are all allocated
            int rowsPerBlock = 4 * WORDS_PER_BLOCK;
            int grown = Math.max(rows, capacity * 2);
            grown = (grown + rowsPerBlock - 1) / rowsPerBlock * rowsPerBlock;
            for (int d = 0; d < dimension; d++) {
                int old = dims[d].length;
                dims[d] = Arrays.copyOf(dims[d], grown / 4);
                // 0x80 in every byte: the stored form of 0, so unused rows add nothing
                Arrays.fill(dims[d], old, grown / 4, 0x80808080);
            }
            inverseScale = Arrays.copyOf(inverseScale, grown);
            error = Arrays.copyOf(error, grown);
            norm = Arrays.copyOf(norm, grown);
            capacity = grown;
        }
    }
}
