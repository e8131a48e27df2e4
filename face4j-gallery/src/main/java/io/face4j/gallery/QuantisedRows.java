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
 * <p>Layout: blocks of 256 rows; {@code blocks[b][d][w]} packs dimension {@code d} of rows {@code 4w .. 4w+3} of
 * block {@code b} as four bytes (row {@code 4w+j} in byte {@code j}), each stored as {@code xq + 128}. Masking with
 * 0x00FF00FF gives rows {@code 4w} and {@code 4w+2} as two 16-bit lanes of one int, so one int multiply by
 * {@code qq[d]} advances two dot products; the 128 offsets add {@code 128 * sum(qq)} per lane, which is subtracted
 * at the end. One small array per (block, dimension) keeps C2 (JDK 17, no Vector API) vectorising the inner loop:
 * its alias analysis gives up on two int arrays indexed with different loop-invariant offsets.
 *
 * <p>Not thread-safe for writes; {@link ModelIndex} guards it with its lock, and concurrent {@link #bounds} calls
 * (reads only) are safe. A bound computation shares its blocks with up to (cores - 1) daemon helper threads.
 */
final class QuantisedRows {
    static final int ROWS_PER_BLOCK = 256;
    private static final int WORDS = ROWS_PER_BLOCK / 4;
    private static final int LANES = 0x00FF00FF;
    private static final int OFFSETS = 0x00800080;
    private static final int LANE_MAX = Short.MAX_VALUE;
    // 181 * 181 < 32767: balances the 16-bit lane budget between the row and the query norm
    private static final double ROW_NORM = 175;
    // 2^-24: unit roundoff of float32
    private static final double FLOAT_EPSILON = 0x1p-24;

    // 8 blocks (2,048 rows) per unit of work: small enough to share the scan evenly, large enough to amortise
    private static final int BLOCKS_PER_CHUNK = 8;
    // The scan is bound by memory and integer multiplies, so a second core roughly halves it (measured on 2 cores);
    // at most 3 helpers, as a few cores already use most of the memory bandwidth.
    private static final int HELPER_COUNT = Math.min(3, Runtime.getRuntime().availableProcessors() - 1);
    private static final ExecutorService HELPERS = HELPER_COUNT < 1 ? null
            : Executors.newFixedThreadPool(HELPER_COUNT, work -> {
                Thread thread = new Thread(work, "face4j-gallery-search");
                thread.setDaemon(true);
                return thread;
            });

    private final int dimension;
    private final double floatDotSlack;
    private int[][][] blocks = new int[0][][];
    private double[] inverseScale = new double[0];
    private double[] error = new double[0];
    private double[] norm = new double[0];
    // the largest |xq|^2 ever stored: never lowered on removal, which keeps it an upper bound
    private long maxNormSquared = 1;

    QuantisedRows(int dimension) {
        this.dimension = dimension;
        // gamma(n) = n u / (1 - n u) with n = d/4 + 3 (one accumulator's chain, the multiply, the two combining
        // adds), doubled to cover |q| |x| up to (1 + 1e-4)^2 and the double arithmetic of the bound; plus 1e-6 for
        // rounding the double bounds to float (bounds are below 2 in magnitude, float ulp there is 2.4e-7)
        double n = Math.ceil(dimension / 4.0) + 3;
        this.floatDotSlack = 2 * n * FLOAT_EPSILON / (1 - n * FLOAT_EPSILON) + 1e-6;
    }

    /** Quantises {@code x} (about unit length) into row {@code row}, growing the storage when needed. */
    void set(int row, float[] x, int offset) {
        ensureCapacity(row + 1);
        double maxAbs = 0;
        double squares = 0;
        for (int d = 0; d < dimension; d++) {
            double v = x[offset + d];
            maxAbs = Math.max(maxAbs, Math.abs(v));
            squares += v * v;
        }
        double scale = maxAbs == 0 ? 1 : Math.min(127 / maxAbs, ROW_NORM / Math.sqrt(squares));
        int[][] block = blocks[row / ROWS_PER_BLOCK];
        int word = (row % ROWS_PER_BLOCK) / 4;
        int shift = 8 * (row % 4);
        long quantisedSquares = 0;
        double errorSquares = 0;
        for (int d = 0; d < dimension; d++) {
            int q = (int) Math.round(x[offset + d] * scale);
            q = Math.max(-127, Math.min(127, q));
            quantisedSquares += (long) q * q;
            double e = x[offset + d] - q / scale;
            errorSquares += e * e;
            block[d][word] = (block[d][word] & ~(0xFF << shift)) | ((q + 128) << shift);
        }
        maxNormSquared = Math.max(maxNormSquared, quantisedSquares);
        inverseScale[row] = 1 / scale;
        error[row] = Math.sqrt(errorSquares);
        norm[row] = Math.sqrt(quantisedSquares) / scale;
    }

    /** Copies row {@code from} over row {@code to} (removal fills a hole with the last row). */
    void move(int from, int to) {
        int[][] source = blocks[from / ROWS_PER_BLOCK];
        int[][] target = blocks[to / ROWS_PER_BLOCK];
        int fromWord = (from % ROWS_PER_BLOCK) / 4;
        int fromShift = 8 * (from % 4);
        int toWord = (to % ROWS_PER_BLOCK) / 4;
        int toShift = 8 * (to % 4);
        for (int d = 0; d < dimension; d++) {
            int value = (source[d][fromWord] >>> fromShift) & 0xFF;
            target[d][toWord] = (target[d][toWord] & ~(0xFF << toShift)) | (value << toShift);
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
        int blockCount = (rows + ROWS_PER_BLOCK - 1) / ROWS_PER_BLOCK;
        int chunks = (blockCount + BLOCKS_PER_CHUNK - 1) / BLOCKS_PER_CHUNK;
        if (HELPERS == null || chunks < 2) {
            scan(q, 0, blockCount, rows, lower, upper);
            return;
        }
        // The caller and the helpers take chunks until none is left, so a busy pool only slows a search down:
        // the caller does all chunks itself if no helper starts in time. The latch makes the helpers' writes visible.
        AtomicInteger next = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(chunks);
        Runnable work = () -> {
            for (int c = next.getAndIncrement(); c < chunks; c = next.getAndIncrement()) {
                int from = c * BLOCKS_PER_CHUNK;
                scan(q, from, Math.min(blockCount, from + BLOCKS_PER_CHUNK), rows, lower, upper);
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

    private void scan(Query q, int fromBlock, int toBlock, int rows, float[] lower, float[] upper) {
        int[] even = new int[WORDS];
        int[] odd = new int[WORDS];
        // the 128 offsets of both lanes, times sum(qq), wrapping like the lanes themselves
        int offsets = OFFSETS * q.sum;
        for (int b = fromBlock; b < toBlock; b++) {
            accumulate(blocks[b], q.values, even, odd);
            int first = b * ROWS_PER_BLOCK;
            int end = Math.min(ROWS_PER_BLOCK, rows - first);
            for (int w = 0; 4 * w < end; w++) {
                int e = even[w] - offsets;
                int o = odd[w] - offsets;
                // the low lane is a signed 16-bit value; what is left above it, shifted down, is the high lane
                int e0 = (short) e;
                int o0 = (short) o;
                int row = first + 4 * w;
                write(row, e0, q, rows, lower, upper);
                write(row + 1, o0, q, rows, lower, upper);
                write(row + 2, (e - e0) >> 16, q, rows, lower, upper);
                write(row + 3, (o - o0) >> 16, q, rows, lower, upper);
            }
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

    /** even[w] and odd[w] += block[d][w] lanes times qq[d], over all d; the one loop that has to be fast. */
    private static void accumulate(int[][] block, int[] query, int[] even, int[] odd) {
        Arrays.fill(even, 0);
        Arrays.fill(odd, 0);
        for (int d = 0; d < query.length; d++) {
            int[] words = block[d];
            int q = query[d];
            for (int w = 0; w < WORDS; w++) {
                int v = words[w];
                even[w] += (v & LANES) * q;
                odd[w] += ((v >>> 8) & LANES) * q;
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
        int needed = (rows + ROWS_PER_BLOCK - 1) / ROWS_PER_BLOCK;
        if (needed > blocks.length) {
            int capacity = Math.max(needed, blocks.length * 2);
            int old = blocks.length;
            blocks = Arrays.copyOf(blocks, capacity);
            for (int b = old; b < capacity; b++) {
                blocks[b] = new int[dimension][WORDS];
                for (int[] words : blocks[b]) {
                    // 0x80 in every byte: the stored form of 0, so unused rows add nothing
                    Arrays.fill(words, 0x80808080);
                }
            }
            inverseScale = Arrays.copyOf(inverseScale, capacity * ROWS_PER_BLOCK);
            error = Arrays.copyOf(error, capacity * ROWS_PER_BLOCK);
            norm = Arrays.copyOf(norm, capacity * ROWS_PER_BLOCK);
        }
    }
}
