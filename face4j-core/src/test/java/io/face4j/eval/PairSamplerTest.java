package io.face4j.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PairSamplerTest {
    private static final List<String> NAMES = List.of("Ann", "Bob", "Cy", "Di");
    private static final List<Integer> COUNTS = List.of(12, 1, 9, 15);

    static LongStream seeds() {
        return LongStream.range(0, 8);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void drawsDistinctValidPairsInFolds(long seed) {
        LfwPairs pairs = PairSampler.sample(NAMES, COUNTS, 5, 12, seed);
        assertEquals(120, pairs.pairs().size());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < pairs.pairs().size(); i++) {
            LfwPairs.Pair p = pairs.pairs().get(i);
            assertEquals(i / 24, p.fold());
            assertEquals(i % 24 < 12, p.same(), "same block first in each fold");
            assertTrue(p.index1() <= COUNTS.get(NAMES.indexOf(p.name1())) && p.index2() <= COUNTS.get(NAMES.indexOf(p.name2())), p.toString());
            if (p.same()) {
                assertTrue(p.index1() < p.index2(), p.toString());
                assertNotEquals("Bob", p.name1(), "Bob has one image: no same-person pair");
            } else {
                assertNotEquals(p.name1(), p.name2());
            }
            String a = p.name1() + p.index1();
            String b = p.name2() + p.index2();
            assertTrue(seen.add(a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a), "repeated pair " + p);
        }
        assertEquals(pairs, PairSampler.sample(NAMES, COUNTS, 5, 12, seed), "same seed, same pairs");
    }

    @Test
    void refusesWhenThereAreTooFewImages() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PairSampler.sample(List.of("Ann", "Bob"), List.of(3, 3), 10, 300, 0));
        assertTrue(e.getMessage().startsWith("too few images for 3000 same and 3000 different pairs"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PairSampler.sample(NAMES, List.of(1, 2), 1, 1, 0));
    }
}
