package io.face4j.eval;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Draws an LFW-style pairs protocol from a set of identity-labelled images that has no pairs file (for example
 * glint-celeb24-aligned112): {@code folds} folds of {@code perFold} same-person and {@code perFold} different-person
 * pairs, without repeats, from a seeded random generator, so the same seed gives the same pairs. Same-person pairs
 * pick a person (with at least two images) uniformly, then two distinct images; different-person pairs pick two
 * distinct people uniformly, then one image of each. Unlike LFW's folds these are not person-disjoint (the threshold is
 * still chosen on the other folds). Stateless and thread-safe.
 */
public final class PairSampler {
    private PairSampler() {
    }

    /**
     * @param names       the people, in a fixed order
     * @param imageCounts images per person (indices in the pairs are 1-based positions in each person's image list)
     */
    public static LfwPairs sample(List<String> names, List<Integer> imageCounts, int folds, int perFold, long seed) {
        if (names == null || imageCounts == null || names.size() != imageCounts.size()) {
            throw new IllegalArgumentException("names and imageCounts must be non-null lists of the same length");
        }
        if (folds < 1 || perFold < 1) {
            throw new IllegalArgumentException("folds and perFold must be >= 1, got " + folds + ", " + perFold);
        }
        List<Integer> withTwo = new ArrayList<>();
        long samePossible = 0;
        long imagesTotal = 0;
        for (int p = 0; p < names.size(); p++) {
            int n = imageCounts.get(p);
            if (n >= 2) {
                withTwo.add(p);
                samePossible += (long) n * (n - 1) / 2;
            }
            imagesTotal += n;
        }
        int needed = folds * perFold;
        long differentPossible = (imagesTotal * imagesTotal - imageCounts.stream().mapToLong(n -> (long) n * n).sum()) / 2;
        // Ask for at most half of what exists, so rejection of repeats ends quickly.
        if (samePossible < 2L * needed || differentPossible < 2L * needed) {
            throw new IllegalArgumentException("too few images for " + needed + " same and " + needed + " different pairs: "
                    + samePossible + " same and " + differentPossible + " different pairs exist (need twice as many)");
        }
        SplittableRandom random = new SplittableRandom(seed);
        Set<String> used = new HashSet<>();
        List<LfwPairs.Pair> pairs = new ArrayList<>(2 * needed);
        for (int fold = 0; fold < folds; fold++) {
            for (int k = 0; k < perFold; k++) {
                while (true) {
                    int p = withTwo.get(random.nextInt(withTwo.size()));
                    int n = imageCounts.get(p);
                    int i = random.nextInt(n);
                    int j = random.nextInt(n - 1);
                    if (j >= i) {
                        j++;
                    }
                    int a = Math.min(i, j) + 1;
                    int b = Math.max(i, j) + 1;
                    if (used.add(p + ":" + a + ":" + p + ":" + b)) {
                        pairs.add(new LfwPairs.Pair(names.get(p), a, names.get(p), b, true, fold));
                        break;
                    }
                }
            }
            for (int k = 0; k < perFold; k++) {
                while (true) {
                    int p = random.nextInt(names.size());
                    int q = random.nextInt(names.size() - 1);
                    if (q >= p) {
                        q++;
                    }
                    if (imageCounts.get(p) == 0 || imageCounts.get(q) == 0) {
                        continue;
                    }
                    int a = random.nextInt(imageCounts.get(p)) + 1;
                    int b = random.nextInt(imageCounts.get(q)) + 1;
                    String key = p < q ? p + ":" + a + ":" + q + ":" + b : q + ":" + b + ":" + p + ":" + a;
                    if (used.add(key)) {
                        pairs.add(new LfwPairs.Pair(names.get(p), a, names.get(q), b, false, fold));
                        break;
                    }
                }
            }
        }
        return new LfwPairs(folds, perFold, pairs);
    }
}
