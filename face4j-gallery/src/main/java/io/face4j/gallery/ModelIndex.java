package io.face4j.gallery;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * All templates of one model as one row-major float matrix ({@code rows x dimension}, unit rows), with the owner of
 * each row and a running sum per identity for the centroid policy. Rows are appended on enrolment and a removed row
 * is filled with the last row, so the matrix stays dense and a search is one pass over one array. An int8 copy
 * ({@link QuantisedRows}) is kept in step, so a top-k search can bound every row cheaply and rescore only the few
 * rows that may reach the top. Thread-safe: searches share a read lock, updates take the write lock.
 */
final class ModelIndex {
    private static final int INITIAL_ROWS = 64;

    final String modelId;
    final int dimension;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

    private float[] matrix;
    private long[] templateIds;
    private int[] rowSlot;
    private int rows;
    private final Map<Long, Integer> rowOfTemplate = new HashMap<>();
    // an int8 copy of the matrix that bounds every row's score for a fraction of the memory traffic
    private final QuantisedRows quantised;
    private final LongAdder rescoredRows = new LongAdder();
    // per-thread lower and upper bound arrays, reused: fresh ones of 100,000 rows are large objects for the GC
    private static final ThreadLocal<float[][]> BOUNDS = ThreadLocal.withInitial(() -> new float[][] {
            new float[0], new float[0]});

    // Identity slots; a slot freed by the identity's last template is reused, so row owners never need rewriting.
    private String[] slotId = new String[16];
    private String[] slotName = new String[16];
    private int[] slotCount = new int[16];
    private double[] slotSum;
    private int slots;
    private final Map<String, Integer> slotOfIdentity = new HashMap<>();
    private final Deque<Integer> freeSlots = new ArrayDeque<>();
    // Cluster centroids per clusters policy and slot, computed on first use by a search (under the read lock, so
    // two searches may compute the same deterministic entry; either copy is right) and dropped under the write lock
    // when the slot's templates change.
    private final Map<DecisionPolicy.Clusters, Map<Integer, float[][]>> clusterCache = new ConcurrentHashMap<>();

    ModelIndex(String modelId, int dimension, int expectedRows) {
        this.modelId = modelId;
        this.dimension = dimension;
        int capacity = Math.max(INITIAL_ROWS, expectedRows);
        matrix = new float[Math.multiplyExact(capacity, dimension)];
        templateIds = new long[capacity];
        rowSlot = new int[capacity];
        slotSum = new double[16 * dimension];
        quantised = new QuantisedRows(dimension);
    }

    /** Scores of every identity that has templates in this index, for one query. */
    record Scores(String[] ids, String[] names, float[] scores, int[] counts) {
    }

    int size() {
        lock.readLock().lock();
        try {
            return rows;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Adds a unit-length row owned by {@code identityId}; the caller has checked the length. */
    void add(long templateId, String identityId, String name, float[] unit) {
        append(templateId, identityId, name, unit, true);
    }

    /**
     * Adds a row while loading, before the index is shared: the int8 copy is left to {@link #loaded()}, which
     * quantises all rows at once.
     */
    void load(long templateId, String identityId, String name, float[] unit) {
        append(templateId, identityId, name, unit, false);
    }

    /** Ends loading: quantises every row loaded with {@link #load}. */
    void loaded() {
        lock.writeLock().lock();
        try {
            quantised.setAll(matrix, rows);
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void append(long templateId, String identityId, String name, float[] unit, boolean quantise) {
        lock.writeLock().lock();
        try {
            if (rowOfTemplate.containsKey(templateId)) {
                return;
            }
            if (rows == templateIds.length) {
                int capacity = rows * 2;
                matrix = Arrays.copyOf(matrix, Math.multiplyExact(capacity, dimension));
                templateIds = Arrays.copyOf(templateIds, capacity);
                rowSlot = Arrays.copyOf(rowSlot, capacity);
            }
            int slot = slotFor(identityId, name);
            System.arraycopy(unit, 0, matrix, rows * dimension, dimension);
            if (quantise) {
                quantised.set(rows, unit, 0);
            }
            templateIds[rows] = templateId;
            rowSlot[rows] = slot;
            rowOfTemplate.put(templateId, rows);
            rows++;
            slotCount[slot]++;
            forgetClusters(slot);
            int base = slot * dimension;
            for (int d = 0; d < dimension; d++) {
                slotSum[base + d] += unit[d];
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    void removeTemplate(long templateId) {
        lock.writeLock().lock();
        try {
            Integer row = rowOfTemplate.get(templateId);
            if (row != null) {
                removeRow(row);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    void removeIdentity(String identityId) {
        lock.writeLock().lock();
        try {
            Integer slot = slotOfIdentity.get(identityId);
            if (slot == null) {
                return;
            }
            for (int row = rows - 1; row >= 0; row--) {
                if (rowSlot[row] == slot) {
                    removeRow(row);
                }
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    void rename(String identityId, String name) {
        lock.writeLock().lock();
        try {
            Integer slot = slotOfIdentity.get(identityId);
            if (slot != null) {
                slotName[slot] = name;
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** A copy of one row by template id, or null when the template is not in this index. */
    float[] row(long templateId) {
        lock.readLock().lock();
        try {
            Integer row = rowOfTemplate.get(templateId);
            return row == null ? null : Arrays.copyOfRange(matrix, row * dimension, (row + 1) * dimension);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Template ids and owners of all rows, in row order. */
    record Rows(long[] templateIds, String[] owners) {
    }

    Rows rows() {
        lock.readLock().lock();
        try {
            String[] owners = new String[rows];
            for (int r = 0; r < rows; r++) {
                owners[r] = slotId[rowSlot[r]];
            }
            return new Rows(Arrays.copyOf(templateIds, rows), owners);
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Scores every identity for a unit-length {@code query}, leaving out the template {@code excludedTemplateId}
     * (-1: none) as if it were not enrolled; calibration uses that for leave-one-out genuine scores. An identity
     * left with no template gets NaN.
     */
    Scores score(float[] query, DecisionPolicy policy, long excludedTemplateId) {
        lock.readLock().lock();
        try {
            Integer excluded = excludedTemplateId < 0 ? null : rowOfTemplate.get(excludedTemplateId);
            int excludedRow = excluded == null ? -1 : excluded;
            float[] scores;
            if (policy instanceof DecisionPolicy.NearestTemplate) {
                scores = nearest(query, excludedRow, null, 0);
            } else if (policy instanceof DecisionPolicy.Centroid) {
                scores = centroid(query, excludedRow);
            } else if (policy instanceof DecisionPolicy.Clusters clusters) {
                scores = clusters(query, clusters, excludedRow);
            } else if (policy instanceof DecisionPolicy.Fusion fusion) {
                scores = fusion(query, fusion.alpha(), excludedRow);
            } else if (policy instanceof DecisionPolicy.TopMean topMean) {
                scores = topMean(query, topMean.m(), excludedRow);
            } else {
                scores = knnVote(query, ((DecisionPolicy.KnnVote) policy).k(), excludedRow, null, 0);
            }
            int[] counts = Arrays.copyOf(slotCount, slots);
            if (excludedRow >= 0) {
                counts[rowSlot[excludedRow]]--;
            }
            return new Scores(Arrays.copyOf(slotId, slots), Arrays.copyOf(slotName, slots), scores, counts);
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Scores for a search that wants only the {@code k} best identities (by score, then id): for every identity
     * that can be among them the same score, bit for bit, as {@link #score} gives; NaN for the others. For the
     * nearest-template and k-NN policies the int8 copy first bounds every row's score, and only the rows whose
     * upper bound reaches the k-th best lower bound are scored in float. Centroid scores every identity: that is one
     * dot product per identity, not per template.
     */
    Scores top(float[] query, DecisionPolicy policy, int k) {
        lock.readLock().lock();
        try {
            float[] scores;
            if (policy instanceof DecisionPolicy.Centroid) {
                scores = centroid(query, -1);
            } else if (policy instanceof DecisionPolicy.Clusters clusters) {
                scores = clusters(query, clusters, -1);
            } else if (policy instanceof DecisionPolicy.Fusion fusion) {
                // every row scored in float: the fused score has no cheap bound
                scores = fusion(query, fusion.alpha(), -1);
            } else if (policy instanceof DecisionPolicy.TopMean topMean) {
                scores = topMean(query, topMean.m(), -1);
            } else {
                int n = rows;
                float[][] scratch = BOUNDS.get();
                if (scratch[0].length < n) {
                    scratch[0] = new float[n + n / 4];
                    scratch[1] = new float[n + n / 4];
                }
                float[] lower = scratch[0];
                float[] upper = scratch[1];
                quantised.bounds(query, n, lower, upper);
                if (policy instanceof DecisionPolicy.NearestTemplate) {
                    scores = nearestTop(query, k, lower, upper);
                } else {
                    int votes = ((DecisionPolicy.KnnVote) policy).k();
                    // the votes-th best row scores at least the votes-th best lower bound; rows below it get no vote
                    float threshold = kthLargest(lower, n, Math.min(votes, n));
                    scores = knnVote(query, votes, -1, upper, threshold);
                }
            }
            return new Scores(Arrays.copyOf(slotId, slots), Arrays.copyOf(slotName, slots), scores,
                    Arrays.copyOf(slotCount, slots));
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Rows scored in float by {@link #top} so far, for measuring how well the bounds prune. */
    long rescoredRows() {
        return rescoredRows.sum();
    }

    private float[] nearestTop(float[] query, int k, float[] lower, float[] upper) {
        // an identity's best template scores at least the best lower bound among its rows
        float[] bestLower = new float[slots];
        Arrays.fill(bestLower, Float.NEGATIVE_INFINITY);
        int[] owner = rowSlot;
        for (int r = 0, n = rows; r < n; r++) {
            if (lower[r] > bestLower[owner[r]]) {
                bestLower[owner[r]] = lower[r];
            }
        }
        // k identities score at least the threshold, so an identity whose rows all have upper bounds below it
        // scores less than k others and is not among the k best, whatever the tie-break
        float threshold = kthLargest(bestLower, slots, k);
        float[] best = nearest(query, -1, upper, threshold);
        for (int slot = 0; slot < slots; slot++) {
            // a maximum below the threshold may be over only some of the identity's rows: not exact, not needed
            if (best[slot] < threshold) {
                best[slot] = Float.NaN;
            }
        }
        return best;
    }

    /** The k-th largest of {@code values[0 .. n-1]}; negative infinity when there are fewer than k. */
    private static float kthLargest(float[] values, int n, int k) {
        if (k > n) {
            return Float.NEGATIVE_INFINITY;
        }
        if (k > 64) {
            float[] sorted = Arrays.copyOf(values, n);
            Arrays.sort(sorted);
            return sorted[n - k];
        }
        float[] top = new float[k];
        Arrays.fill(top, Float.NEGATIVE_INFINITY);
        for (int i = 0; i < n; i++) {
            float v = values[i];
            if (v > top[k - 1]) {
                int j = k - 1;
                while (j > 0 && top[j - 1] < v) {
                    top[j] = top[j - 1];
                    j--;
                }
                top[j] = v;
            }
        }
        return top[k - 1];
    }

    /**
     * Each identity's best template score. With {@code upper} non-null only rows whose upper bound reaches
     * {@code threshold} are scored; the others are skipped as if not enrolled.
     */
    private float[] nearest(float[] query, int excludedRow, float[] upper, float threshold) {
        float[] best = new float[slots];
        Arrays.fill(best, Float.NaN);
        float[] m = matrix;
        int[] owner = rowSlot;
        int dim = dimension;
        int scored = 0;
        for (int r = 0, n = rows; r < n; r++) {
            if (r == excludedRow || (upper != null && upper[r] < threshold)) {
                continue;
            }
            scored++;
            float s = dot(m, r * dim, query, dim);
            int slot = owner[r];
            // !(s <= best) is also true while best is NaN (no row yet)
            if (!(s <= best[slot])) {
                best[slot] = s;
            }
        }
        if (upper != null) {
            rescoredRows.add(scored);
        }
        return best;
    }

    private float[] centroid(float[] query, int excludedRow) {
        float[] scores = new float[slots];
        int excludedSlot = excludedRow < 0 ? -1 : rowSlot[excludedRow];
        for (int slot = 0; slot < slots; slot++) {
            int count = slotCount[slot] - (slot == excludedSlot ? 1 : 0);
            if (slotId[slot] == null || count == 0) {
                scores[slot] = Float.NaN;
                continue;
            }
            int base = slot * dimension;
            double dot = 0;
            double squares = 0;
            for (int d = 0; d < dimension; d++) {
                double sum = slotSum[base + d];
                if (slot == excludedSlot) {
                    sum -= matrix[excludedRow * dimension + d];
                }
                dot += sum * query[d];
                squares += sum * sum;
            }
            // templates pointing in opposite directions can sum to (almost) nothing: no direction, no similarity
            scores[slot] = squares < 1e-12 ? 0f : (float) (dot / Math.sqrt(squares));
        }
        return scores;
    }

    /** {@code alpha} times each identity's centroid score plus {@code 1 - alpha} times its best template score. */
    private float[] fusion(float[] query, double alpha, int excludedRow) {
        float[] mean = centroid(query, excludedRow);
        float[] best = nearest(query, excludedRow, null, 0);
        float[] scores = new float[slots];
        for (int slot = 0; slot < slots; slot++) {
            // NaN (no template left) stays NaN
            scores[slot] = (float) (alpha * mean[slot] + (1 - alpha) * best[slot]);
        }
        return scores;
    }

    /** Each identity's mean of its {@code m} best template cosines (of all, when it has fewer). */
    private float[] topMean(float[] query, int m, int excludedRow) {
        float[] top = new float[slots * m];
        int[] filled = new int[slots];
        float[] mat = matrix;
        int dim = dimension;
        for (int r = 0, n = rows; r < n; r++) {
            if (r == excludedRow) {
                continue;
            }
            float s = dot(mat, r * dim, query, dim);
            int slot = rowSlot[r];
            int base = slot * m;
            int f = filled[slot];
            if (f == m && s <= top[base + m - 1]) {
                continue;
            }
            int i = f == m ? m - 1 : f;
            if (f < m) {
                filled[slot]++;
            }
            while (i > 0 && top[base + i - 1] < s) {
                top[base + i] = top[base + i - 1];
                i--;
            }
            top[base + i] = s;
        }
        float[] scores = new float[slots];
        for (int slot = 0; slot < slots; slot++) {
            if (filled[slot] == 0) {
                scores[slot] = Float.NaN;
                continue;
            }
            double sum = 0;
            for (int i = 0; i < filled[slot]; i++) {
                sum += top[slot * m + i];
            }
            scores[slot] = (float) (sum / filled[slot]);
        }
        return scores;
    }

    /**
     * Each identity's best cosine to one of its cluster centroids ({@link TemplateClusters}). The excluded row's
     * identity is clustered afresh without it; the others come from the cache.
     */
    private float[] clusters(float[] query, DecisionPolicy.Clusters policy, int excludedRow) {
        float[] scores = new float[slots];
        int excludedSlot = excludedRow < 0 ? -1 : rowSlot[excludedRow];
        Map<Integer, float[][]> cache = clusterCache.computeIfAbsent(policy, p -> new ConcurrentHashMap<>());
        List<List<float[]>> members = null;
        for (int slot = 0; slot < slots; slot++) {
            int count = slotCount[slot] - (slot == excludedSlot ? 1 : 0);
            if (slotId[slot] == null || count == 0) {
                scores[slot] = Float.NaN;
                continue;
            }
            float[][] centres = slot == excludedSlot ? null : cache.get(slot);
            if (centres == null) {
                if (members == null) {
                    members = membersBySlot(excludedRow);
                }
                centres = TemplateClusters.centroids(members.get(slot), policy.maxClusters(),
                        DecisionPolicy.Clusters.MIN_CLUSTER_SIZE, policy.splitBelow());
                if (slot != excludedSlot) {
                    cache.put(slot, centres);
                }
            }
            float best = Float.NEGATIVE_INFINITY;
            for (float[] centre : centres) {
                best = Math.max(best, dot(centre, 0, query, dimension));
            }
            scores[slot] = best;
        }
        return scores;
    }

    /** The rows of each slot, in row order, leaving out {@code excludedRow} (-1: none). */
    private List<List<float[]>> membersBySlot(int excludedRow) {
        List<List<float[]>> members = new ArrayList<>(slots);
        for (int slot = 0; slot < slots; slot++) {
            members.add(new ArrayList<>());
        }
        for (int r = 0; r < rows; r++) {
            if (r != excludedRow) {
                members.get(rowSlot[r]).add(Arrays.copyOfRange(matrix, r * dimension, (r + 1) * dimension));
            }
        }
        return members;
    }

    /**
     * The k nearest rows' similarity-weighted votes per identity. With {@code upper} non-null only rows whose upper
     * bound reaches {@code threshold} are scored; the caller guarantees k rows score at least the threshold, so the
     * others could not have entered the k nearest.
     */
    private float[] knnVote(float[] query, int k, int excludedRow, float[] upper, float threshold) {
        int size = Math.min(k, rows);
        float[] topScore = new float[size];
        int[] topRow = new int[size];
        int filled = 0;
        float[] m = matrix;
        int dim = dimension;
        int scored = 0;
        for (int r = 0, n = rows; r < n; r++) {
            if (r == excludedRow || (upper != null && upper[r] < threshold)) {
                continue;
            }
            scored++;
            float s = dot(m, r * dim, query, dim);
            if (filled == size && s <= topScore[size - 1]) {
                continue;
            }
            int i = filled == size ? size - 1 : filled++;
            while (i > 0 && topScore[i - 1] < s) {
                topScore[i] = topScore[i - 1];
                topRow[i] = topRow[i - 1];
                i--;
            }
            topScore[i] = s;
            topRow[i] = r;
        }
        if (upper != null) {
            rescoredRows.add(scored);
        }
        float[] votes = new float[slots];
        int excludedSlot = excludedRow < 0 ? -1 : rowSlot[excludedRow];
        for (int slot = 0; slot < slots; slot++) {
            boolean empty = slotId[slot] == null || slotCount[slot] - (slot == excludedSlot ? 1 : 0) == 0;
            votes[slot] = empty ? Float.NaN : 0f;
        }
        for (int i = 0; i < filled; i++) {
            votes[rowSlot[topRow[i]]] += Math.max(0f, topScore[i]) / k;
        }
        return votes;
    }

    /** Dot product of row {@code offset..offset+dim} with {@code q}; four accumulators let the CPU overlap the adds. */
    private static float dot(float[] m, int offset, float[] q, int dim) {
        float a0 = 0;
        float a1 = 0;
        float a2 = 0;
        float a3 = 0;
        int d = 0;
        for (; d + 4 <= dim; d += 4) {
            a0 += q[d] * m[offset + d];
            a1 += q[d + 1] * m[offset + d + 1];
            a2 += q[d + 2] * m[offset + d + 2];
            a3 += q[d + 3] * m[offset + d + 3];
        }
        for (; d < dim; d++) {
            a0 += q[d] * m[offset + d];
        }
        return (a0 + a1) + (a2 + a3);
    }

    private int slotFor(String identityId, String name) {
        Integer existing = slotOfIdentity.get(identityId);
        if (existing != null) {
            return existing;
        }
        int slot;
        if (!freeSlots.isEmpty()) {
            slot = freeSlots.pop();
        } else {
            if (slots == slotId.length) {
                int capacity = slots * 2;
                slotId = Arrays.copyOf(slotId, capacity);
                slotName = Arrays.copyOf(slotName, capacity);
                slotCount = Arrays.copyOf(slotCount, capacity);
                slotSum = Arrays.copyOf(slotSum, capacity * dimension);
            }
            slot = slots++;
        }
        slotId[slot] = identityId;
        slotName[slot] = name;
        slotCount[slot] = 0;
        Arrays.fill(slotSum, slot * dimension, (slot + 1) * dimension, 0.0);
        slotOfIdentity.put(identityId, slot);
        return slot;
    }

    private void forgetClusters(int slot) {
        clusterCache.values().forEach(cache -> cache.remove(slot));
    }

    private void removeRow(int row) {
        int slot = rowSlot[row];
        forgetClusters(slot);
        int base = slot * dimension;
        for (int d = 0; d < dimension; d++) {
            slotSum[base + d] -= matrix[row * dimension + d];
        }
        rowOfTemplate.remove(templateIds[row]);
        int last = rows - 1;
        if (row != last) {
            System.arraycopy(matrix, last * dimension, matrix, row * dimension, dimension);
            quantised.move(last, row);
            templateIds[row] = templateIds[last];
            rowSlot[row] = rowSlot[last];
            rowOfTemplate.put(templateIds[row], row);
        }
        rows--;
        if (--slotCount[slot] == 0) {
            slotOfIdentity.remove(slotId[slot]);
            slotId[slot] = null;
            slotName[slot] = null;
            freeSlots.push(slot);
        }
    }
}
