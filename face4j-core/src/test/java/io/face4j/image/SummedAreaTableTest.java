package io.face4j.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SummedAreaTableTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void equalsDirectAreaResize(long seed) {
        Random random = new Random(seed);
        RgbImage image = RgbImageTest.random(random, 1 + random.nextInt(80), 1 + random.nextInt(80));
        SummedAreaTable table = SummedAreaTable.of(image);
        for (int k = 0; k < 5; k++) {
            int nw = 1 + random.nextInt(image.width() + 3);
            int nh = 1 + random.nextInt(image.height() + 3);
            assertEquals(image.resizeArea(nw, nh), table.resizeArea(nw, nh), nw + "x" + nh);
            boolean transpose = random.nextBoolean();
            float[] direct = new float[nw * nh * 3 + 1];
            float[] viaTable = new float[nw * nh * 3 + 1];
            image.writeAreaResizedNhwc(nw, nh, direct, 1, 127.5f, 128f, transpose);
            table.writeAreaResizedNhwc(nw, nh, viaTable, 1, 127.5f, 128f, transpose);
            assertArrayEquals(direct, viaTable, nw + "x" + nh + " transpose " + transpose);
        }
    }

    /** A region, even one reaching past the image (zero padding), equals cropping it first: MTCNN's candidate crops. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void regionEqualsCropThenResize(long seed) {
        Random random = new Random(seed);
        RgbImage image = RgbImageTest.random(random, 1 + random.nextInt(60), 1 + random.nextInt(60));
        SummedAreaTable table = SummedAreaTable.of(image);
        for (int k = 0; k < 20; k++) {
            int x = random.nextInt(image.width() + 20) - 10;
            int y = random.nextInt(image.height() + 20) - 10;
            int w = 1 + random.nextInt(image.width() + 10);
            int h = 1 + random.nextInt(image.height() + 10);
            int side = random.nextBoolean() ? 24 : 1 + random.nextInt(50);
            boolean transpose = random.nextBoolean();
            float[] direct = new float[side * side * 3 + 2];
            float[] viaTable = new float[side * side * 3 + 2];
            image.crop(x, y, w, h).writeAreaResizedNhwc(side, side, direct, 2, 127.5f, 128f, transpose);
            table.writeAreaResizedNhwc(x, y, w, h, side, side, viaTable, 2, 127.5f, 128f, transpose);
            String region = "[" + x + ", " + y + ", " + w + "x" + h + "] -> " + side + " of " + image;
            assertArrayEquals(direct, viaTable, region);
        }
    }

    @Test
    void pinned7x3To3x2() {
        int[][] v = new int[3][7];
        for (int y = 0; y < 3; y++) {
            for (int x = 0; x < 7; x++) {
                v[y][x] = x * x + 20 * y;
            }
        }
        // see RgbImageTest.resizeArea7x3To3x2NonIntegerRatio for the hand computation
        assertArrayEquals(new int[][] {{12, 20, 36}, {32, 40, 56}},
                RgbImageTest.channel(SummedAreaTable.of(RgbImageTest.grey(v)).resizeArea(3, 2), 0));
    }

    @Test
    void rejectsMisuse() {
        SummedAreaTable table = SummedAreaTable.of(RgbImage.of(2, 2, new byte[12]));
        assertThrows(IllegalArgumentException.class, () -> table.resizeArea(0, 1));
        assertThrows(IllegalArgumentException.class, () -> table.writeAreaResizedNhwc(2, 2, new float[11], 0, 0f, 1f, false));
        assertThrows(IllegalArgumentException.class, () -> table.writeAreaResizedNhwc(0, 0, 0, 2, 2, 2, new float[12], 0, 0f, 1f, false));
        assertThrows(IllegalArgumentException.class, () -> SummedAreaTable.of(null));
    }
}
