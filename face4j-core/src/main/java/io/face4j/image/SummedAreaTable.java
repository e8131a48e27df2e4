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
        int rowValues = w * 3;
        int[] sums = new int[(h + 1) * stride];
        // Column sums of the rows so far (a contiguous, vectorisable loop), then their running sum along the row:
        // twice as fast as adding the row above to each running row sum.
        int[] columns = new int[rowValues];
        for (int y = 0; y < h; y++) {
            int s = y * rowValues;
            for (int i = 0; i < rowValues; i++) {
                columns[i] += rgb[s + i] & 0xFF;
            }
            int d = (y + 1) * stride + 3;
            int r = 0, g = 0, b = 0;
            for (int i = 0; i < rowValues; i += 3) {
                r += columns[i];
                g += columns[i + 1];
                b += columns[i + 2];
                sums[d + i] = r;
                sums[d + i + 1] = g;
                sums[d + i + 2] = b;
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
        writeAreaResizedNhwc(0, 0, width, height, newWidth, newHeight, dst, offset, mean, std, transpose);
    }

    /**
     * Same as {@code image.crop(x, y, w, h).writeAreaResizedNhwc(newWidth, newHeight, ...)} on the source image, without
     * making the crop: the region [x, x+w) x [y, y+h) may reach past the image, where it reads as black (zero), as
     * {@link RgbImage#crop} pads. Costs four lookups per output value whatever the region's size, which is what MTCNN's
     * RNet and ONet need for hundreds of candidate boxes per image.
     */
    public void writeAreaResizedNhwc(int x, int y, int w, int h, int newWidth, int newHeight, float[] dst, int offset,
            float mean, float std, boolean transpose) {
        if (w <= 0) {
            throw new IllegalArgumentException("w must be positive, got " + w);
        }
        if (h <= 0) {
            throw new IllegalArgumentException("h must be positive, got " + h);
        }
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
        run(x, y, w, h, newWidth, newHeight, null, dst, offset, mean, std, transpose);
    }

    private void run(int nw, int nh, byte[] outBytes, float[] outFloats, int offset, float mean, float std,
            boolean transpose) {
        run(0, 0, width, height, nw, nh, outBytes, outFloats, offset, mean, std, transpose);
    }

    /**
     * Area-resizes the region [rx, rx+rw) x [ry, ry+rh) to nw x nh. Each output value averages a window of the region
     * (torch adaptive pooling, [floor(i*in/out), ceil((i+1)*in/out))); the part of a window outside the image sums
     * to zero but still counts in the divisor, as with a zero-padded crop.
     */
    private void run(int rx, int ry, int rw, int rh, int nw, int nh, byte[] outBytes, float[] outFloats, int offset,
            float mean, float std, boolean transpose) {
        int stride = (width + 1) * 3;
        // per output column: the window's table offsets (clamped to the image) and its full width in pixels
        int[] x0 = new int[nw];
        int[] x1 = new int[nw];
        int[] cols = new int[nw];
        for (int i = 0; i < nw; i++) {
            long start = rx + (long) i * rw / nw;
            long end = rx + ((long) (i + 1) * rw + nw - 1) / nw;
            cols[i] = (int) (end - start);
            x0[i] = clamp(start, width) * 3;
            x1[i] = clamp(end, width) * 3;
        }
        float invStd = 1f / std;
        for (int oy = 0; oy < nh; oy++) {
            long ys = ry + (long) oy * rh / nh;
            long ye = ry + ((long) (oy + 1) * rh + nh - 1) / nh;
            int rows = (int) (ye - ys);
            int top = clamp(ys, height) * stride;
            int bottom = clamp(ye, height) * stride;
            float kh = rows;
            for (int ox = 0; ox < nw; ox++) {
                int a = top + x0[ox];
                int b = top + x1[ox];
                int c = bottom + x0[ox];
                int d = bottom + x1[ox];
                int sr = sums[d] - sums[b] - sums[c] + sums[a];
                int sg = sums[d + 1] - sums[b + 1] - sums[c + 1] + sums[a + 1];
                int sb = sums[d + 2] - sums[b + 2] - sums[c + 2] + sums[a + 2];
                if (outBytes != null) {
                    int n = rows * cols[ox];
                    int o = (oy * nw + ox) * 3;
                    outBytes[o] = (byte) ((2 * sr + n) / (2 * n));
                    outBytes[o + 1] = (byte) ((2 * sg + n) / (2 * n));
                    outBytes[o + 2] = (byte) ((2 * sb + n) / (2 * n));
                } else {
                    int o = offset + (transpose ? ox * nh + oy : oy * nw + ox) * 3;
                    // sum / kh / kw in float, as RgbImage.area (torch's adaptive_avg_pool2d order)
                    float kw = cols[ox];
                    outFloats[o] = (sr / kh / kw - mean) * invStd;
                    outFloats[o + 1] = (sg / kh / kw - mean) * invStd;
                    outFloats[o + 2] = (sb / kh / kw - mean) * invStd;
                }
            }
        }
    }

    private static int clamp(long v, int max) {
        return (int) Math.max(0, Math.min(max, v));
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
