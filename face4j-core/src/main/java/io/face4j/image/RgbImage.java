package io.face4j.image;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.DirectColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.Raster;
import java.awt.image.SinglePixelPackedSampleModel;
import java.util.Arrays;

/**
 * An immutable 8-bit RGB image: interleaved R,G,B bytes, row-major, no padding. Thread-safe (immutable).
 *
 * <p>Conversions read and write the byte array directly; hot loops make no per-pixel method calls.
 */
public final class RgbImage {
    private final int width;
    private final int height;
    private final byte[] rgb;

    private RgbImage(int width, int height, byte[] rgb) {
        this.width = width;
        this.height = height;
        this.rgb = rgb;
    }

    /** Copies {@code rgb} (length width*height*3). Throws IllegalArgumentException naming the bad parameter. */
    public static RgbImage of(int width, int height, byte[] rgb) {
        checkSize(width, height, "width", "height");
        if (rgb == null) {
            throw new IllegalArgumentException("rgb must not be null");
        }
        int expected = width * height * 3;
        if (rgb.length != expected) {
            throw new IllegalArgumentException(
                    "rgb has length " + rgb.length + " but width*height*3 = " + width + "*" + height + "*3 = " + expected);
        }
        return new RgbImage(width, height, rgb.clone());
    }

    /** Takes ownership of {@code rgb} (no copy): for this package's producers of fresh arrays only. */
    static RgbImage wrap(int width, int height, byte[] rgb) {
        return new RgbImage(width, height, rgb);
    }

    /** The backing array itself (no copy): read-only use within this package. */
    byte[] bytes() {
        return rgb;
    }

    /** Interleaved B,G,R bytes as video frames deliver them; {@code stride} bytes per row (>= width*3). */
    public static RgbImage fromBgr(byte[] bgr, int width, int height, int stride) {
        checkSize(width, height, "width", "height");
        if (bgr == null) {
            throw new IllegalArgumentException("bgr must not be null");
        }
        int rowBytes = width * 3;
        if (stride < rowBytes) {
            throw new IllegalArgumentException("stride " + stride + " is less than width*3 = " + rowBytes);
        }
        // The last row needs only width*3 bytes, not a full stride (frames often end without padding).
        long needed = (long) stride * (height - 1) + rowBytes;
        if (bgr.length < needed) {
            throw new IllegalArgumentException("bgr has length " + bgr.length + " but stride*(height-1)+width*3 = " + needed);
        }
        byte[] out = new byte[rowBytes * height];
        for (int y = 0; y < height; y++) {
            int s = y * stride;
            int d = y * rowBytes;
            int end = d + rowBytes;
            while (d < end) {
                out[d] = bgr[s + 2];
                out[d + 1] = bgr[s + 1];
                out[d + 2] = bgr[s];
                d += 3;
                s += 3;
            }
        }
        return new RgbImage(width, height, out);
    }

    /**
     * Any BufferedImage type; alpha is dropped (composited on black), grey becomes 3 equal channels.
     *
     * <p>Decisions: composited on black means each channel becomes round(c * alpha / 255) (premultiplied images are
     * taken as they are). Grey samples are copied as they are (no linear-to-sRGB gamma step, unlike
     * {@link BufferedImage#getRGB}), as PIL and OpenCV do. 16-bit samples keep their high byte (v >> 8, as OpenCV's
     * imread). Byte, int-packed, grey and indexed images are read from the raster; other types (non-sRGB colour spaces,
     * 565 packing, ...) go through {@code getRGB} one row at a time, which performs the colour conversion.
     */
    public static RgbImage fromBufferedImage(BufferedImage image) {
        if (image == null) {
            throw new IllegalArgumentException("image must not be null");
        }
        int w = image.getWidth();
        int h = image.getHeight();
        byte[] out = new byte[w * h * 3];
        ColorModel cm = image.getColorModel();
        Raster raster = image.getRaster();
        boolean done;
        if (cm instanceof ComponentColorModel) {
            done = readComponent(image, (ComponentColorModel) cm, raster, out);
        } else if (cm instanceof DirectColorModel) {
            done = readPackedInt(image, (DirectColorModel) cm, raster, out);
        } else if (cm instanceof IndexColorModel) {
            readIndexed((IndexColorModel) cm, raster, w, h, out);
            done = true;
        } else {
            done = false;
        }
        if (!done) {
            readViaGetRgb(image, w, h, out);
        }
        return new RgbImage(w, h, out);
    }

    /** A TYPE_3BYTE_BGR copy. */
    public BufferedImage toBufferedImage() {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        byte[] bgr = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < rgb.length; i += 3) {
            bgr[i] = rgb[i + 2];
            bgr[i + 1] = rgb[i + 1];
            bgr[i + 2] = rgb[i];
        }
        return image;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Channel value 0..255 at (x, y); channel 0=R, 1=G, 2=B. */
    public int get(int x, int y, int channel) {
        if (x < 0 || x >= width) {
            throw new IllegalArgumentException("x " + x + " is outside [0, " + width + ")");
        }
        if (y < 0 || y >= height) {
            throw new IllegalArgumentException("y " + y + " is outside [0, " + height + ")");
        }
        if (channel < 0 || channel > 2) {
            throw new IllegalArgumentException("channel " + channel + " is not 0 (R), 1 (G) or 2 (B)");
        }
        return rgb[(y * width + x) * 3 + channel] & 0xFF;
    }

    /** A copy of the interleaved RGB bytes. */
    public byte[] toRgbBytes() {
        return rgb.clone();
    }

    /** The region [x, x+w) x [y, y+h); parts outside the image are filled with black (zero), like MTCNN's padding. */
    public RgbImage crop(int x, int y, int w, int h) {
        checkSize(w, h, "w", "h");
        byte[] out = new byte[w * h * 3];
        // Intersection of the region with the image, in source coordinates; the rest stays zero.
        int x0 = Math.max(x, 0);
        int y0 = Math.max(y, 0);
        int x1 = (int) Math.min((long) x + w, width);
        int y1 = (int) Math.min((long) y + h, height);
        if (x0 < x1 && y0 < y1) {
            int rowBytes = (x1 - x0) * 3;
            for (int sy = y0; sy < y1; sy++) {
                System.arraycopy(rgb, (sy * width + x0) * 3, out, ((sy - y) * w + (x0 - x)) * 3, rowBytes);
            }
        }
        return new RgbImage(w, h, out);
    }

    /**
     * Resize with area interpolation (pixel-area averaging, as torch's interpolate(mode="area") / cv2.INTER_AREA).
     *
     * <p>Exactly torch's {@code F.interpolate(mode="area")}, which is {@code adaptive_avg_pool2d}: output index i
     * averages, with equal weights, the source indices [floor(i*in/out), ceil((i+1)*in/out)). facenet-pytorch's MTCNN
     * builds its pyramid with it ({@code imresample}), so matching it keeps detections identical. For integer ratios
     * this equals cv2.INTER_AREA; for non-integer ratios cv2 weights partial pixels by their covered fraction while
     * torch's windows overlap by whole pixels (e.g. 5 -> 2 averages [0,3) and [2,5)). The mean is rounded half up to a
     * byte; {@link #writeAreaResizedNhwc} skips that rounding, as facenet-pytorch does in float.
     */
    public RgbImage resizeArea(int newWidth, int newHeight) {
        checkSize(newWidth, newHeight, "newWidth", "newHeight");
        byte[] out = new byte[newWidth * newHeight * 3];
        area(newWidth, newHeight, out, null, 0, 0f, 1f, false);
        return new RgbImage(newWidth, newHeight, out);
    }

    /**
     * {@link #resizeArea} followed by {@link #writeNhwc}, in one pass and without rounding the means to bytes: the
     * values equal facenet-pytorch's {@code (imresample(img, size) - mean) / std} in float. Writes newHeight x
     * newWidth x 3 floats (newWidth x newHeight x 3 with {@code transpose}).
     */
    public void writeAreaResizedNhwc(int newWidth, int newHeight, float[] dst, int offset, float mean, float std,
            boolean transpose) {
        checkSize(newWidth, newHeight, "newWidth", "newHeight");
        checkDst(dst, offset, (long) newWidth * newHeight * 3, std);
        area(newWidth, newHeight, null, dst, offset, mean, std, transpose);
    }

    /** Resize with bilinear interpolation (half-pixel centres, as cv2.INTER_LINEAR). */
    public RgbImage resizeBilinear(int newWidth, int newHeight) {
        checkSize(newWidth, newHeight, "newWidth", "newHeight");
        // cv2.resize INTER_LINEAR: src = (dst + 0.5) * in/out - 0.5, clamped to the edge pixels. OpenCV uses 11-bit
        // fixed-point weights for 8-bit images, so its bytes can differ from these (double weights, rounded) by 1.
        int[] x0 = new int[newWidth];
        int[] x1 = new int[newWidth];
        float[] fx = new float[newWidth];
        linearTaps(width, newWidth, x0, x1, fx);
        int[] y0 = new int[newHeight];
        int[] y1 = new int[newHeight];
        float[] fy = new float[newHeight];
        linearTaps(height, newHeight, y0, y1, fy);
        byte[] out = new byte[newWidth * newHeight * 3];
        int d = 0;
        for (int oy = 0; oy < newHeight; oy++) {
            int rowA = y0[oy] * width * 3;
            int rowB = y1[oy] * width * 3;
            float wy = fy[oy];
            for (int ox = 0; ox < newWidth; ox++) {
                int a = x0[ox] * 3;
                int b = x1[ox] * 3;
                float wx = fx[ox];
                for (int c = 0; c < 3; c++) {
                    float top = (rgb[rowA + a + c] & 0xFF) + wx * ((rgb[rowA + b + c] & 0xFF) - (rgb[rowA + a + c] & 0xFF));
                    float bottom = (rgb[rowB + a + c] & 0xFF) + wx * ((rgb[rowB + b + c] & 0xFF) - (rgb[rowB + a + c] & 0xFF));
                    out[d++] = (byte) (int) (top + wy * (bottom - top) + 0.5f);
                }
            }
        }
        return new RgbImage(newWidth, newHeight, out);
    }

    /**
     * Writes the image as float NHWC (one batch item: H x W x 3) into {@code dst} from {@code offset}:
     * value = (byte - mean) / std, channels R,G,B. With {@code transpose}, rows and columns are swapped (the tensor
     * is W x H x 3, as the MTCNN TFLite models expect). Reads the byte array directly (no per-pixel getRGB).
     */
    public void writeNhwc(float[] dst, int offset, float mean, float std, boolean transpose) {
        checkDst(dst, offset, (long) rgb.length, std);
        float[] lut = normalisationTable(mean, std);
        if (!transpose) {
            for (int i = 0; i < rgb.length; i++) {
                dst[offset + i] = lut[rgb[i] & 0xFF];
            }
            return;
        }
        int s = 0;
        int columnStep = height * 3;
        for (int y = 0; y < height; y++) {
            int d = offset + y * 3;
            for (int x = 0; x < width; x++) {
                dst[d] = lut[rgb[s] & 0xFF];
                dst[d + 1] = lut[rgb[s + 1] & 0xFF];
                dst[d + 2] = lut[rgb[s + 2] & 0xFF];
                s += 3;
                d += columnStep;
            }
        }
    }

    /**
     * This image as it should be displayed, given an EXIF orientation tag value (1..8, TIFF 6.0 tag 274): 1 returns
     * this image, 2 mirrors left-right, 3 rotates 180 degrees, 4 mirrors top-bottom, 5 transposes, 6 rotates 90 degrees
     * clockwise, 7 transverses, 8 rotates 90 degrees counter-clockwise. Values 5..8 swap width and height.
     */
    public RgbImage orient(int exifOrientation) {
        if (exifOrientation < 1 || exifOrientation > 8) {
            throw new IllegalArgumentException("exifOrientation " + exifOrientation + " is not in 1..8");
        }
        if (exifOrientation == 1) {
            return this;
        }
        boolean swap = exifOrientation >= 5;
        int ow = swap ? height : width;
        int oh = swap ? width : height;
        byte[] out = new byte[rgb.length];
        // Destination (ox, oy) reads source (sx, sy) = (ax + bx*ox + cx*oy, ay + by*ox + cy*oy).
        int ax = 0, bx = 1, cx = 0, ay = 0, by = 0, cy = 1;
        switch (exifOrientation) {
            case 2 -> { ax = width - 1; bx = -1; }
            case 3 -> { ax = width - 1; bx = -1; ay = height - 1; cy = -1; }
            case 4 -> { ay = height - 1; cy = -1; }
            case 5 -> { bx = 0; cx = 1; by = 1; cy = 0; }
            case 6 -> { bx = 0; cx = 1; ay = height - 1; by = -1; cy = 0; }
            case 7 -> { ax = width - 1; bx = 0; cx = -1; ay = height - 1; by = -1; cy = 0; }
            case 8 -> { ax = width - 1; bx = 0; cx = -1; by = 1; cy = 0; }
            default -> throw new AssertionError(exifOrientation);
        }
        int sourceStepPerOx = (by * width + bx) * 3;
        int d = 0;
        for (int oy = 0; oy < oh; oy++) {
            int s = ((ay + cy * oy) * width + (ax + cx * oy)) * 3;
            for (int ox = 0; ox < ow; ox++) {
                out[d] = rgb[s];
                out[d + 1] = rgb[s + 1];
                out[d + 2] = rgb[s + 2];
                d += 3;
                s += sourceStepPerOx;
            }
        }
        return new RgbImage(ow, oh, out);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RgbImage o && o.width == width && o.height == height && Arrays.equals(o.rgb, rgb);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * width + height) + Arrays.hashCode(rgb);
    }

    @Override
    public String toString() {
        return "RgbImage[" + width + "x" + height + "]";
    }

    // ---- area resize core ----

    /** Writes bytes into {@code outBytes}, or normalised floats into {@code outFloats} when outBytes is null. */
    private void area(int nw, int nh, byte[] outBytes, float[] outFloats, int offset, float mean, float std,
            boolean transpose) {
        int[] xStart = new int[nw];
        int[] xEnd = new int[nw];
        windows(width, nw, xStart, xEnd);
        int[] yStart = new int[nh];
        int[] yEnd = new int[nh];
        windows(height, nh, yStart, yEnd);
        int rowInts = width * 3;
        int[] columnSums = new int[rowInts];
        float invStd = 1f / std;
        for (int oy = 0; oy < nh; oy++) {
            // Vertical pass: sum the window's source rows column by column (a contiguous, vectorisable loop).
            Arrays.fill(columnSums, 0);
            for (int sy = yStart[oy]; sy < yEnd[oy]; sy++) {
                int s = sy * rowInts;
                for (int i = 0; i < rowInts; i++) {
                    columnSums[i] += rgb[s + i] & 0xFF;
                }
            }
            int rows = yEnd[oy] - yStart[oy];
            // Horizontal pass: sum the window's columns; every window is a full rectangle, so divide by its count.
            for (int ox = 0; ox < nw; ox++) {
                int r = 0, g = 0, b = 0;
                for (int i = xStart[ox] * 3, end = xEnd[ox] * 3; i < end; i += 3) {
                    r += columnSums[i];
                    g += columnSums[i + 1];
                    b += columnSums[i + 2];
                }
                int count = rows * (xEnd[ox] - xStart[ox]);
                if (outBytes != null) {
                    int d = (oy * nw + ox) * 3;
                    // Round half up: (2*sum + count) / (2*count).
                    outBytes[d] = (byte) ((2 * r + count) / (2 * count));
                    outBytes[d + 1] = (byte) ((2 * g + count) / (2 * count));
                    outBytes[d + 2] = (byte) ((2 * b + count) / (2 * count));
                } else {
                    int d = offset + (transpose ? ox * nh + oy : oy * nw + ox) * 3;
                    // sum / kh / kw in float, the order of torch's CPU adaptive_avg_pool2d kernel on a float tensor
                    // (the integer sums are exact in float below 2^24).
                    float kh = rows;
                    float kw = xEnd[ox] - xStart[ox];
                    outFloats[d] = (r / kh / kw - mean) * invStd;
                    outFloats[d + 1] = (g / kh / kw - mean) * invStd;
                    outFloats[d + 2] = (b / kh / kw - mean) * invStd;
                }
            }
        }
    }

    /** torch adaptive pooling windows: [floor(i*in/out), ceil((i+1)*in/out)). */
    private static void windows(int in, int out, int[] start, int[] end) {
        for (int i = 0; i < out; i++) {
            start[i] = (int) ((long) i * in / out);
            end[i] = (int) (((long) (i + 1) * in + out - 1) / out);
        }
    }

    private static void linearTaps(int in, int out, int[] i0, int[] i1, float[] frac) {
        double scale = (double) in / out;
        for (int i = 0; i < out; i++) {
            double src = (i + 0.5) * scale - 0.5;
            int lo = (int) Math.floor(src);
            double f = src - lo;
            if (lo < 0) {
                lo = 0;
                f = 0;
            }
            if (lo >= in - 1) {
                lo = in - 1;
                f = 0;
            }
            i0[i] = lo;
            i1[i] = Math.min(lo + 1, in - 1);
            frac[i] = (float) f;
        }
    }

    private static float[] normalisationTable(float mean, float std) {
        float[] lut = new float[256];
        for (int v = 0; v < 256; v++) {
            lut[v] = (v - mean) / std;
        }
        return lut;
    }

    private static void checkDst(float[] dst, int offset, long count, float std) {
        if (dst == null) {
            throw new IllegalArgumentException("dst must not be null");
        }
        if (offset < 0 || offset + count > dst.length) {
            throw new IllegalArgumentException("offset " + offset + " + " + count + " values exceeds dst length " + dst.length);
        }
        if (std == 0f || !Float.isFinite(std)) {
            throw new IllegalArgumentException("std must be finite and non-zero, got " + std);
        }
    }

    private static void checkSize(int w, int h, String wName, String hName) {
        if (w <= 0) {
            throw new IllegalArgumentException(wName + " must be positive, got " + w);
        }
        if (h <= 0) {
            throw new IllegalArgumentException(hName + " must be positive, got " + h);
        }
        if ((long) w * h * 3 > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(wName + " x " + hName + " = " + w + " x " + h + " is too large for one byte array");
        }
    }

    // ---- BufferedImage conversion ----

    /** Byte or ushort components in sRGB or grey, with or without alpha. Returns false for other colour spaces. */
    private static boolean readComponent(BufferedImage image, ComponentColorModel cm, Raster raster, byte[] out) {
        ColorSpace cs = cm.getColorSpace();
        boolean grey = cs.getType() == ColorSpace.TYPE_GRAY;
        if (!grey && !cs.isCS_sRGB()) {
            return false;
        }
        int transfer = raster.getTransferType();
        if (transfer != DataBuffer.TYPE_BYTE && transfer != DataBuffer.TYPE_USHORT) {
            return false;
        }
        int colourBands = grey ? 1 : 3;
        int bands = raster.getNumBands();
        boolean alpha = cm.hasAlpha();
        if (bands != colourBands + (alpha ? 1 : 0)) {
            return false;
        }
        for (int b = 0; b < bands; b++) {
            if (cm.getComponentSize(b) != (transfer == DataBuffer.TYPE_BYTE ? 8 : 16)) {
                return false;
            }
        }
        int w = image.getWidth();
        int h = image.getHeight();
        if (transfer == DataBuffer.TYPE_BYTE && !alpha && tryDirectBytes(raster, w, h, bands, grey, out)) {
            return true;
        }
        int shift = transfer == DataBuffer.TYPE_BYTE ? 0 : 8;
        boolean composite = alpha && !cm.isAlphaPremultiplied();
        int[] row = new int[w * bands];
        int minX = raster.getMinX();
        int minY = raster.getMinY();
        int d = 0;
        for (int y = 0; y < h; y++) {
            raster.getPixels(minX, minY + y, w, 1, row);
            for (int i = 0; i < row.length; i += bands) {
                int r = row[i] >> shift;
                int g = grey ? r : row[i + 1] >> shift;
                int b = grey ? r : row[i + 2] >> shift;
                if (composite) {
                    int a = row[i + colourBands] >> shift;
                    r = (r * a + 127) / 255;
                    g = (g * a + 127) / 255;
                    b = (b * a + 127) / 255;
                }
                out[d] = (byte) r;
                out[d + 1] = (byte) g;
                out[d + 2] = (byte) b;
                d += 3;
            }
        }
        return true;
    }

    /** TYPE_3BYTE_BGR, TYPE_BYTE_GRAY and other pixel-interleaved byte rasters: straight from the data array. */
    private static boolean tryDirectBytes(Raster raster, int w, int h, int bands, boolean grey, byte[] out) {
        if (!(raster.getSampleModel() instanceof PixelInterleavedSampleModel sm)
                || !(raster.getDataBuffer() instanceof DataBufferByte buffer) || buffer.getNumBanks() != 1) {
            return false;
        }
        byte[] data = buffer.getData();
        int pixelStride = sm.getPixelStride();
        int scanline = sm.getScanlineStride();
        int[] bandOffsets = sm.getBandOffsets();
        // The raster's (minX, minY) sits at sample-model position (minX - translateX, minY - translateY).
        int originX = raster.getMinX() - raster.getSampleModelTranslateX();
        int originY = raster.getMinY() - raster.getSampleModelTranslateY();
        int base = buffer.getOffset() + originY * scanline + originX * pixelStride;
        int ro = bandOffsets[0];
        int go = grey ? ro : bandOffsets[1];
        int bo = grey ? ro : bandOffsets[2];
        int d = 0;
        for (int y = 0; y < h; y++) {
            int s = base + y * scanline;
            for (int x = 0; x < w; x++) {
                out[d] = data[s + ro];
                out[d + 1] = data[s + go];
                out[d + 2] = data[s + bo];
                d += 3;
                s += pixelStride;
            }
        }
        return true;
    }

    /** TYPE_INT_RGB, TYPE_INT_ARGB, TYPE_INT_ARGB_PRE, TYPE_INT_BGR: 8-bit masks in an int array. */
    private static boolean readPackedInt(BufferedImage image, DirectColorModel cm, Raster raster, byte[] out) {
        if (!cm.getColorSpace().isCS_sRGB()
                || !(raster.getSampleModel() instanceof SinglePixelPackedSampleModel sm)
                || !(raster.getDataBuffer() instanceof DataBufferInt buffer) || buffer.getNumBanks() != 1) {
            return false;
        }
        int[] masks = {cm.getRedMask(), cm.getGreenMask(), cm.getBlueMask(), cm.getAlphaMask()};
        int[] shifts = new int[4];
        for (int i = 0; i < 4; i++) {
            if (i == 3 && !cm.hasAlpha()) {
                continue;
            }
            if (Integer.bitCount(masks[i]) != 8) {
                return false;
            }
            shifts[i] = Integer.numberOfTrailingZeros(masks[i]);
        }
        boolean composite = cm.hasAlpha() && !cm.isAlphaPremultiplied();
        int[] data = buffer.getData();
        int scanline = sm.getScanlineStride();
        int originX = raster.getMinX() - raster.getSampleModelTranslateX();
        int originY = raster.getMinY() - raster.getSampleModelTranslateY();
        int base = buffer.getOffset() + originY * scanline + originX;
        int w = image.getWidth();
        int h = image.getHeight();
        int rs = shifts[0], gs = shifts[1], bs = shifts[2], as = shifts[3];
        int d = 0;
        for (int y = 0; y < h; y++) {
            int s = base + y * scanline;
            for (int x = 0; x < w; x++) {
                int p = data[s + x];
                int r = (p >>> rs) & 0xFF;
                int g = (p >>> gs) & 0xFF;
                int b = (p >>> bs) & 0xFF;
                if (composite) {
                    int a = (p >>> as) & 0xFF;
                    r = (r * a + 127) / 255;
                    g = (g * a + 127) / 255;
                    b = (b * a + 127) / 255;
                }
                out[d] = (byte) r;
                out[d + 1] = (byte) g;
                out[d + 2] = (byte) b;
                d += 3;
            }
        }
        return true;
    }

    /** Palette images (GIF, 1/2/4/8-bit PNG and BMP): a composited lookup table per palette entry. */
    private static void readIndexed(IndexColorModel cm, Raster raster, int w, int h, byte[] out) {
        int size = cm.getMapSize();
        byte[] lut = new byte[Math.max(size, 256) * 3]; // entries past the palette stay black
        for (int i = 0; i < size; i++) {
            int a = cm.getAlpha(i);
            lut[i * 3] = (byte) ((cm.getRed(i) * a + 127) / 255);
            lut[i * 3 + 1] = (byte) ((cm.getGreen(i) * a + 127) / 255);
            lut[i * 3 + 2] = (byte) ((cm.getBlue(i) * a + 127) / 255);
        }
        int[] row = new int[w];
        int minX = raster.getMinX();
        int minY = raster.getMinY();
        int d = 0;
        for (int y = 0; y < h; y++) {
            raster.getSamples(minX, minY + y, w, 1, 0, row);
            for (int x = 0; x < w; x++) {
                int i = row[x] * 3;
                if (i >= lut.length) {
                    i = 0; // an index beyond even 256 entries (malformed file): black rather than a failure
                }
                out[d] = lut[i];
                out[d + 1] = lut[i + 1];
                out[d + 2] = lut[i + 2];
                d += 3;
            }
        }
    }

    /** Exotic types: getRGB converts to non-premultiplied sRGB ARGB; composite on black. */
    private static void readViaGetRgb(BufferedImage image, int w, int h, byte[] out) {
        int[] row = new int[w];
        int d = 0;
        for (int y = 0; y < h; y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                int p = row[x];
                int a = p >>> 24;
                int r = (p >> 16) & 0xFF;
                int g = (p >> 8) & 0xFF;
                int b = p & 0xFF;
                if (a != 255) {
                    r = (r * a + 127) / 255;
                    g = (g * a + 127) / 255;
                    b = (b * a + 127) / 255;
                }
                out[d] = (byte) r;
                out[d + 1] = (byte) g;
                out[d + 2] = (byte) b;
                d += 3;
            }
        }
    }
}
