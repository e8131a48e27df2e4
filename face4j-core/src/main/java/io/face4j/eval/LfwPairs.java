package io.face4j.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An LFW-style pairs file: a header line, then for each fold {@code perFold} same-person lines {@code name i j}
 * followed by {@code perFold} different-person lines {@code name1 i name2 j} (tabs or spaces).
 * The header is either {@code folds perFold} (pairs.txt: "10 300") or a single {@code n} (pairsDevTrain.txt:
 * one fold of n same then n different pairs). Immutable and thread-safe.
 *
 * @param folds   number of folds
 * @param perFold same-person pairs per fold (and as many different-person pairs)
 * @param pairs   all pairs, in file order
 */
public record LfwPairs(int folds, int perFold, List<Pair> pairs) {

    public LfwPairs {
        if (folds < 1) {
            throw new IllegalArgumentException("folds must be >= 1, got " + folds);
        }
        if (perFold < 1) {
            throw new IllegalArgumentException("perFold must be >= 1, got " + perFold);
        }
        if (pairs == null || pairs.size() != 2 * folds * perFold) {
            throw new IllegalArgumentException("pairs must hold 2 * folds * perFold = " + 2 * folds * perFold
                    + " pairs, got " + (pairs == null ? "null" : pairs.size()));
        }
        pairs = List.copyOf(pairs);
    }

    /**
     * One labelled pair. Image indices are 1-based as in LFW.
     *
     * @param fold 0-based fold the pair belongs to
     */
    public record Pair(String name1, int index1, String name2, int index2, boolean same, int fold) {
        public Pair {
            if (name1 == null || name1.isBlank()) {
                throw new IllegalArgumentException("name1 must not be blank");
            }
            if (name2 == null || name2.isBlank()) {
                throw new IllegalArgumentException("name2 must not be blank");
            }
            if (index1 < 1 || index2 < 1) {
                throw new IllegalArgumentException("index1 and index2 must be >= 1, got " + index1 + ", " + index2);
            }
            if (same && !name1.equals(name2)) {
                throw new IllegalArgumentException("a same-person pair needs name1 == name2, got " + name1 + ", " + name2);
            }
            if (fold < 0) {
                throw new IllegalArgumentException("fold must be >= 0, got " + fold);
            }
        }

        /** The first image's path in the LFW layout: {@code root/Name/Name_0001.jpg}. */
        public Path image1(Path root) {
            return imagePath(root, name1, index1);
        }

        /** The second image's path in the LFW layout. */
        public Path image2(Path root) {
            return imagePath(root, name2, index2);
        }
    }

    /** The LFW image path {@code root/name/name_%04d.jpg}. */
    public static Path imagePath(Path root, String name, int index) {
        return root.resolve(name).resolve(String.format(Locale.ROOT, "%s_%04d.jpg", name, index));
    }

    /** Reads and parses a pairs file (UTF-8). */
    public static LfwPairs read(Path file) {
        try {
            return parse(Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read pairs file " + file, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /** Parses the lines of a pairs file; blank lines are ignored. Errors name the 1-based line number. */
    public static LfwPairs parse(List<String> lines) {
        List<String[]> rows = new ArrayList<>();
        List<Integer> lineNumbers = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (!line.isEmpty()) {
                rows.add(line.split("\\s+"));
                lineNumbers.add(i + 1);
            }
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("pairs file is empty");
        }
        String[] header = rows.get(0);
        int folds;
        int perFold;
        if (header.length == 1) {
            folds = 1;
            perFold = number(header[0], 1);
        } else if (header.length == 2) {
            folds = number(header[0], 1);
            perFold = number(header[1], 1);
        } else {
            throw new IllegalArgumentException("line 1: header must be 'n' or 'folds n', got '" + String.join(" ", header) + "'");
        }
        int expected = 2 * folds * perFold;
        if (rows.size() - 1 != expected) {
            throw new IllegalArgumentException("header promises " + expected + " pairs (" + folds + " folds x 2 x " + perFold
                    + "), file has " + (rows.size() - 1));
        }
        List<Pair> pairs = new ArrayList<>(expected);
        for (int k = 0; k < expected; k++) {
            String[] row = rows.get(k + 1);
            int line = lineNumbers.get(k + 1);
            int fold = k / (2 * perFold);
            boolean sameBlock = k % (2 * perFold) < perFold;
            try {
                if (row.length == 3) {
                    if (!sameBlock) {
                        throw new IllegalArgumentException("expected a different-person line 'name1 i name2 j' here");
                    }
                    pairs.add(new Pair(row[0], number(row[1], line), row[0], number(row[2], line), true, fold));
                } else if (row.length == 4) {
                    if (sameBlock) {
                        throw new IllegalArgumentException("expected a same-person line 'name i j' here");
                    }
                    pairs.add(new Pair(row[0], number(row[1], line), row[2], number(row[3], line), false, fold));
                } else {
                    throw new IllegalArgumentException("expected 3 or 4 fields, got " + row.length);
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("line " + line + ": " + e.getMessage(), e);
            }
        }
        return new LfwPairs(folds, perFold, pairs);
    }

    private static int number(String text, int line) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("line " + line + ": '" + text + "' is not an integer");
        }
    }
}
