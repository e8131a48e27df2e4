package io.face4j.image;

/**
 * A summed-area table (integral image) of an {@link RgbImage}, for area-resizing one image to many sizes, as an
 * MTCNN image pyramid does: after one pass to build it, each output value costs four lookups instead of a pass over
 * its window. Results equal {@link RgbImage#resizeArea} and {@link RgbImage#writeAreaResizedNhwc} exactly.
 * Immutable after construction; thread-safe. Memory: 12 bytes per source pixel (four times the image).
 */
public final class SummedAreaTable {
    private final int width;
    private final int height;
    /**
     * (height+1) x (width+1) x 3 running sums; row 0 and column 0 are zero. Sums wrap around int for images above
     * 2^31 / 255 = 8.4 MP, harmlessly: a window sum (far below 2^31) is a difference, and int arithmetic is modulo 2^32.
     */
    private final int[] sums;

    private SummedAreaTable(int width, int height, int[] sums) {
        this.width = width;
        this.height = height;
        this.sums = sums;
    }

    public static SummedAreaTable of(RgbImage image) {
        if (image == null) {
            throw new IllegalArgumentException("image must not be null");
        }
        int w = image.width();
        int h = image.height();
        byte[] rgb = image.bytes();
        int stride = (w + 1) * 3;
        int[] sums = new int[(h + 1) * stride];
        for (int y = 0; y < h; y++) {
            int s = y * w * 3;
            int above = y * stride + 3;
            int d = above + stride;
            int r = 0, g = 0, b = 0;
            for (int x = 0; x < w; x++) {
                r += rgb[s] & 0xFF;
                g += rgb[s + 1] & 0xFF;
                b += rgb[s + 2] & 0xFF;
                sums[d] = sums[above] + r;
                sums[d + 1] = sums[above + 1] + g;
                sums[d + 2] = sums[above + 2] + b;
                s += 3;
                d += 3;
                above += 3;
            }
        }
        return new SummedAreaTable(w, h, sums);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Same as {@link RgbImage#resizeArea} on the source image. */
    public RgbImage resizeArea(int newWidth, int newHeight) {
        byte[] out = new byte[checkedCount(newWidth, newHeight)];
        run(newWidth, newHeight, out, null, 0, 0f, 1f, false);
        return RgbImage.wrap(newWidth, newHeight, out);
    }

    /** Same as {@link RgbImage#writeAreaResizedNhwc} on the source image. */
    public void writeAreaResizedNhwc(int newWidth, int newHeight, float[] dst, int offset, float mean, float std,
            boolean transpose) {
        int count = checkedCount(newWidth, newHeight);
        if (dst == null) {
            throw new IllegalArgumentException("dst must not be null");
        }
        if (offset < 0 || (long) offset + count > dst.length) {
            throw new IllegalArgumentException("offset " + offset + " + " + count + " values exceeds dst length " + dst.length);
        }
        if (std == 0f || !Float.isFinite(std)) {
            throw new IllegalArgumentException("std must be finite and non-zero, got " + std);
        }
        run(newWidth, newHeight, null, dst, offset, mean, std, transpose);
    }

    private void run(int nw, int nh, byte[] outBytes, float[] outFloats, int offset, float mean, float std,
            boolean transpose) {
        int stride = (width + 1) * 3;
        // Window [start, end) per output column and row: torch adaptive pooling, [floor(i*in/out), ceil((i+1)*in/out)).
        int[] x0 = new int[nw];
        int[] x1 = new int[nw];
        for (int i = 0; i < nw; i++) {
            x0[i] = (int) ((long) i * width / nw) * 3;
            x1[i] = (int) (((long) (i + 1) * width + nw - 1) / nw) * 3;
        }
        float invStd = 1f / std;
        for (int oy = 0; oy < nh; oy++) {
            int ys = (int) ((long) oy * height / nh);
            int ye = (int) (((long) (oy + 1) * height + nh - 1) / nh);
            int top = ys * stride;
            int bottom = ye * stride;
            int rows = ye - ys;
            float kh = rows;
            for (int ox = 0; ox < nw; ox++) {
                int a = top + x0[ox];
                int b = top + x1[ox];
                int c = bottom + x0[ox];
                int d = bottom + x1[ox];
                int sr = sums[d] - sums[b] - sums[c] + sums[a];
                int sg = sums[d + 1] - sums[b + 1] - sums[c + 1] + sums[a + 1];
                int sb = sums[d + 2] - sums[b + 2] - sums[c + 2] + sums[a + 2];
                int cols = (x1[ox] - x0[ox]) / 3;
                if (outBytes != null) {
                    int count = rows * cols;
                    int o = (oy * nw + ox) * 3;
                    outBytes[o] = (byte) ((2 * sr + count) / (2 * count));
                    outBytes[o + 1] = (byte) ((2 * sg + count) / (2 * count));
                    outBytes[o + 2] = (byte) ((2 * sb + count) / (2 * count));
                } else {
                    int o = offset + (transpose ? ox * nh + oy : oy * nw + ox) * 3;
                    float kw = cols;
                    outFloats[o] = (sr / kh / kw - mean) * invStd;
                    outFloats[o + 1] = (sg / kh / kw - mean) * invStd;
                    outFloats[o + 2] = (sb / kh / kw - mean) * invStd;
                }
            }
        }
    }

    private static int checkedCount(int w, int h) {
        if (w <= 0) {
            throw new IllegalArgumentException("newWidth must be positive, got " + w);
        }
        if (h <= 0) {
            throw new IllegalArgumentException("newHeight must be positive, got " + h);
        }
        if ((long) w * h * 3 > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("newWidth x newHeight = " + w + " x " + h + " is too large");
        }
        return w * h * 3;
    }
}
