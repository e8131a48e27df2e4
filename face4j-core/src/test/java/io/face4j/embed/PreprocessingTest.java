package io.face4j.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

import io.face4j.image.RgbImage;

class PreprocessingTest {
    // 2x1 image: left pixel (10, 20, 30), right pixel (40, 50, 60)
    private static final RgbImage IMAGE = RgbImage.of(2, 1, new byte[] {10, 20, 30, 40, 50, 60});

    private static EmbedderDescriptor descriptor(EmbedderDescriptor.Layout layout, EmbedderDescriptor.ChannelOrder order) {
        return EmbedderDescriptor.arcFace("t").withLayout(layout).withChannelOrder(order)
                .withNormalization(new float[] {0, 10, 20}, new float[] {1, 2, 4});
    }

    @Test
    void nhwcRgb() {
        float[] dst = new float[7];
        Preprocessing.write(IMAGE, descriptor(EmbedderDescriptor.Layout.NHWC, EmbedderDescriptor.ChannelOrder.RGB), false, dst, 1);
        // (v - mean[c]) / std[c] with mean {0, 10, 20}, std {1, 2, 4}
        assertArrayEquals(new float[] {0, 10, 5, 2.5f, 40, 20, 10}, dst);
    }

    @Test
    void nchwBgrMirrored() {
        float[] dst = new float[6];
        Preprocessing.write(IMAGE, descriptor(EmbedderDescriptor.Layout.NCHW, EmbedderDescriptor.ChannelOrder.BGR), true, dst, 0);
        // tensor channel 0 = B with mean 0/std 1, 1 = G with 10/2, 2 = R with 20/4; columns right to left
        assertArrayEquals(new float[] {60, 30, 20, 5, 5, -2.5f}, dst);
    }
}
