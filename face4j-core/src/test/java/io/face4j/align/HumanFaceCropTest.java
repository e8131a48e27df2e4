package io.face4j.align;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.face4j.geometry.Box;
import io.face4j.image.RgbImage;
import io.face4j.onnx.FloatTensor;
import io.face4j.onnx.tfjs.TfjsReference;

/**
 * HumanFaceCrop against TensorFlow.js's own tf.image.cropAndResize + resizeBilinear, run by
 * src/test/node/tfjs-reference.mjs on the same seeded 64x48 image (fixture "crops"), one face inside the image and
 * one reaching past its left and bottom edges.
 */
class HumanFaceCropTest {

    @Test
    void matchesTfjsCropAndResize() {
        int w = 64;
        int h = 48;
        float[] v = TfjsReference.seeded(99, w * h * 3);
        byte[] rgb = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            rgb[i] = (byte) (int) Math.floor(v[i] * 256);
        }
        RgbImage image = RgbImage.of(w, h, rgb);
        List<TfjsReference.Crop> crops = TfjsReference.crops();
        assertEquals(4, crops.size());
        double max = 0;
        for (TfjsReference.Crop c : crops) {
            Box face = new Box(c.face()[0], c.face()[1], c.face()[2], c.face()[3]);
            Box square = HumanFaceCrop.cropBox(face);
            assertArrayEquals(c.cropBox(), new double[] {square.x1(), square.y1(), square.x2(), square.y2()}, "square for " + face);
            FloatTensor t = HumanFaceCrop.input(image, List.of(face), c.size());
            assertArrayEquals(new long[] {1, c.size(), c.size(), 3}, t.shape());
            for (int i = 0; i < c.values().length; i++) {
                max = Math.max(max, Math.abs(t.data()[i * c.step()] - c.values()[i]));
            }
        }
        // float32 (TFJS) against double arithmetic rounded once: a few ulps of values in [0, 1]
        System.out.println("HumanFaceCrop max |java - tfjs| = " + max);
        assertEquals(0, max, 1e-5, "max |java - tfjs|");
    }

    @Test
    void cropBoxIsTheEnlargedSquareWithRoundedCorners() {
        // centre (30, 25), longer side 20 -> half 14: [16, 11, 44, 39]
        Box square = HumanFaceCrop.cropBox(new Box(22, 15, 38, 35));
        assertEquals(new Box(16, 11, 44, 39), square);
        // corners at .5 round up, as JS Math.round: centre 10.25 +- 7 -> 3.25 / 17.25 -> 3 / 17; 10.5 -> [4, 18]
        assertEquals(new Box(3, 3, 17, 17), HumanFaceCrop.cropBox(new Box(5.25, 5.25, 15.25, 15.25)));
        assertEquals(new Box(4, 4, 18, 18), HumanFaceCrop.cropBox(new Box(5.5, 5.5, 15.5, 15.5)));
    }

    @Test
    void batchesFacesAndRefusesMisuse() {
        RgbImage image = RgbImage.of(8, 8, new byte[8 * 8 * 3]);
        FloatTensor t = HumanFaceCrop.livenessInput(image, List.of(new Box(1, 1, 5, 5), new Box(2, 2, 6, 7)));
        assertArrayEquals(new long[] {2, 32, 32, 3}, t.shape());
        assertThrows(IllegalArgumentException.class, () -> HumanFaceCrop.antispoofInput(image, List.of()));
        assertThrows(IllegalArgumentException.class, () -> HumanFaceCrop.antispoofInput(null, List.of(new Box(1, 1, 5, 5))));
    }
}
