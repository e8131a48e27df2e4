package io.face4j.embed;

import io.face4j.image.RgbImage;

/** Writes a face crop into an input tensor as an {@link EmbedderDescriptor} says. Stateless and thread-safe. */
final class Preprocessing {

    private Preprocessing() {
    }

    /**
     * Writes {@code face} (already inputSize x inputSize) at {@code offset}: value = (byte - mean[c]) / std[c] in the
     * descriptor's layout and channel order; {@code mirror} reads columns right to left (horizontal flip).
     */
    static void write(RgbImage face, EmbedderDescriptor d, boolean mirror, float[] dst, int offset) {
        int w = face.width();
        int h = face.height();
        byte[] rgb = face.toRgbBytes();
        boolean nhwc = d.layout() == EmbedderDescriptor.Layout.NHWC;
        boolean bgr = d.channelOrder() == EmbedderDescriptor.ChannelOrder.BGR;
        int plane = w * h;
        for (int c = 0; c < 3; c++) {
            int source = bgr ? 2 - c : c;
            float mean = d.meanOf(c);
            float scale = 1f / d.stdOf(c);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int sx = mirror ? w - 1 - x : x;
                    float value = ((rgb[(y * w + sx) * 3 + source] & 0xFF) - mean) * scale;
                    int pixel = y * w + x;
                    dst[offset + (nhwc ? pixel * 3 + c : c * plane + pixel)] = value;
                }
            }
        }
    }
}
