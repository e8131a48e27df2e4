package io.face4j.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.face4j.testing.Datasets;

class LfwPairsTest {

    @Test
    void parsesFoldsAndLabels() {
        LfwPairs pairs = LfwPairs.parse(List.of(
                "2\t1",
                "Ann\t1\t2",
                "Ann 1 Bob 3",
                "",
                "Cy\t4\t10",
                "Dee\t2\tEve\t1"));
        assertEquals(2, pairs.folds());
        assertEquals(1, pairs.perFold());
        assertEquals(4, pairs.pairs().size());
        LfwPairs.Pair first = pairs.pairs().get(0);
        assertTrue(first.same());
        assertEquals(0, first.fold());
        assertEquals(Path.of("/lfw/Ann/Ann_0002.jpg"), first.image2(Path.of("/lfw")));
        LfwPairs.Pair last = pairs.pairs().get(3);
        assertFalse(last.same());
        assertEquals(1, last.fold());
        assertEquals("Eve", last.name2());
        assertEquals(Path.of("/lfw/Eve/Eve_0001.jpg"), last.image2(Path.of("/lfw")));
    }

    @Test
    void singleCountHeaderIsOneFold() {
        LfwPairs pairs = LfwPairs.parse(List.of("1", "Ann 1 2", "Ann 1 Bob 1"));
        assertEquals(1, pairs.folds());
        assertEquals(2, pairs.pairs().size());
    }

    @Test
    void errorsNameTheLine() {
        IllegalArgumentException wrongCount = assertThrows(IllegalArgumentException.class,
                () -> LfwPairs.parse(List.of("1 2", "Ann 1 2", "Ann 1 Bob 1")));
        assertTrue(wrongCount.getMessage().contains("promises 4"), wrongCount.getMessage());
        IllegalArgumentException misplaced = assertThrows(IllegalArgumentException.class,
                () -> LfwPairs.parse(List.of("1", "Ann 1 Bob 2", "Ann 1 Bob 1")));
        assertTrue(misplaced.getMessage().startsWith("line 2"), misplaced.getMessage());
        IllegalArgumentException notNumber = assertThrows(IllegalArgumentException.class,
                () -> LfwPairs.parse(List.of("1", "Ann x 2", "Ann 1 Bob 1")));
        assertTrue(notNumber.getMessage().contains("'x'"), notNumber.getMessage());
    }

    @Test
    void devLfwPairsPointAtExistingImages() {
        Path root = Datasets.require("dev-lfw");
        LfwPairs pairs = LfwPairs.read(root.resolve("pairs.txt"));
        assertEquals(10, pairs.folds());
        assertEquals(600, pairs.pairs().size());
        for (LfwPairs.Pair pair : pairs.pairs()) {
            assertTrue(Files.exists(pair.image1(root)), pair.image1(root).toString());
            assertTrue(Files.exists(pair.image2(root)), pair.image2(root).toString());
        }
    }
}
