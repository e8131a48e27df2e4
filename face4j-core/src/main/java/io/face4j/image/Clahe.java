package io.face4j.image;

/**
 * Contrast-limited adaptive histogram equalisation (CLAHE, Zuiderveld, Graphics Gems IV, 1994) of the luma; chroma is
 * kept. The image is split into a grid of tiles; each tile's luma histogram is clipped at {@code clipLimit} times the
 * mean bin count (the excess spread evenly over all bins), equalised, and each pixel's new luma is the bilinear blend
 * of the four nearest tiles' mappings. The clip bounds the slope of each mapping, hence how much noise is amplified.
 * Immutable and thread-safe.
 */
public final class Clahe implements ImageEnhancer {
    /** OpenCV's createCLAHE tile grid (8 x 8), for whole frames. */
    public static final int FRAME_GRID = 8;
    /** A 4 x 4 grid for 112 px aligned crops: 28 px tiles, about an eye's width (8 x 8 would leave 14 px tiles). */
    public static final int FACE_GRID = 4;
    /** The clip limit most CLAHE uses quote (OpenCV's samples, scikit-image's 0.01 of a 64x64 tile ~ 2.6). */
    public static final double DEFAULT_CLIP = 2.0;

    private final int grid;
    private final double clipLimit;

    public Clahe(int grid, double clipLimit) {
        if (grid < 1 || grid > 64) {
            throw new IllegalArgumentException("grid must be in 1..64, got " + grid);
        }
        if (!(clipLimit >= 1)) {
            throw new IllegalArgumentException("clipLimit must be >= 1 (1 = no equalisation), got " + clipLimit);
        }
        this.grid = grid;
        this.clipLimit = clipLimit;
    }

    public static Clahe forFrame() {
        return new Clahe(FRAME_GRID, DEFAULT_CLIP);
    }

    public static Clahe forAlignedFace() {
        return new Clahe(FACE_GRID, DEFAULT_CLIP);
    }

    @Override
    public RgbImage apply(RgbImage image) {
        if (image == null) {
            throw new IllegalArgumentException("image must not be null");
        }
        int w = image.width();
        int h = image.height();
        int gx = Math.min(grid, w);
        int gy = Math.min(grid, h);
        float[] luma = Luma.of(image);
        int[] level = new int[luma.length];
        for (int i = 0; i < luma.length; i++) {
            level[i] = Math.round(luma[i]);
        }
        // Tile (tx, ty) covers [tx*w/gx, (tx+1)*w/gx) x [ty*h/gy, (ty+1)*h/gy).
        float[][] maps = new float[gx * gy][];
        for (int ty = 0; ty < gy; ty++) {
            for (int tx = 0; tx < gx; tx++) {
                maps[ty * gx + tx] = tileMapping(level, w, tx * w / gx, ty * h / gy, (tx + 1) * w / gx, (ty + 1) * h / gy);
            }
        }
        float[] out = new float[luma.length];
        for (int y = 0; y < h; y++) {
            // Tile centres sit at (t + 0.5) * h / gy; find the two around this row and the blend weight.
            double fy = (y + 0.5) * gy / h - 0.5;
            int ty0 = (int) Math.floor(fy);
            double wy = fy - ty0;
            int ty1 = Math.min(gy - 1, ty0 + 1);
            ty0 = Math.max(0, ty0);
            if (fy < 0) {
                wy = 0;
            }
            for (int x = 0; x < w; x++) {
                double fx = (x + 0.5) * gx / w - 0.5;
                int tx0 = (int) Math.floor(fx);
                double wx = fx - tx0;
                int tx1 = Math.min(gx - 1, tx0 + 1);
                tx0 = Math.max(0, tx0);
                if (fx < 0) {
                    wx = 0;
                }
                int v = level[y * w + x];
                double top = (1 - wx) * maps[ty0 * gx + tx0][v] + wx * maps[ty0 * gx + tx1][v];
                double bottom = (1 - wx) * maps[ty1 * gx + tx0][v] + wx * maps[ty1 * gx + tx1][v];
                out[y * w + x] = (float) ((1 - wy) * top + wy * bottom);
            }
        }
        return Luma.replace(image, luma, out);
    }

    /** The equalising map 0..255 -> 0..255 of one tile, from its clipped histogram. */
    private float[] tileMapping(int[] level, int w, int x0, int y0, int x1, int y1) {
        int[] histogram = new int[256];
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                histogram[level[y * w + x]]++;
            }
        }
        int area = (x1 - x0) * (y1 - y0);
        double limit = clipLimit * area / 256.0; // not rounded: equal-looking tiles of unequal size map alike
        double excess = 0;
        double[] clipped = new double[256];
        for (int v = 0; v < 256; v++) {
            clipped[v] = Math.min(histogram[v], limit);
            excess += histogram[v] - clipped[v];
        }
        double share = excess / 256;
        float[] map = new float[256];
        double cumulative = 0;
        for (int v = 0; v < 256; v++) {
            cumulative += clipped[v] + share;
            map[v] = (float) (255 * cumulative / area);
        }
        return map;
    }
}
