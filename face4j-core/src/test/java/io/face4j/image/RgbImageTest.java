package io.face4j.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferInt;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RgbImageTest {

    /** A grey image (R=G=B) whose value at (x, y) is {@code values[y][x]}. */
    static RgbImage grey(int[][] values) {
        int h = values.length;
        int w = values[0].length;
        byte[] rgb = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int c = 0; c < 3; c++) {
                    rgb[(y * w + x) * 3 + c] = (byte) values[y][x];
                }
            }
        }
        return RgbImage.of(w, h, rgb);
    }

    static int[][] channel(RgbImage image, int c) {
        int[][] out = new int[image.height()][image.width()];
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                out[y][x] = image.get(x, y, c);
            }
        }
        return out;
    }

    static RgbImage random(Random random, int w, int h) {
        byte[] rgb = new byte[w * h * 3];
        random.nextBytes(rgb);
        return RgbImage.of(w, h, rgb);
    }

    // ---- construction ----

    @Test
    void ofCopiesAndValidates() {
        byte[] rgb = {1, 2, 3, 4, 5, 6};
        RgbImage image = RgbImage.of(2, 1, rgb);
        rgb[0] = 99;
        assertEquals(1, image.get(0, 0, 0));
        assertEquals(6, image.get(1, 0, 2));
        byte[] copy = image.toRgbBytes();
        copy[0] = 42;
        assertEquals(1, image.get(0, 0, 0));

        assertTrue(assertThrows(IllegalArgumentException.class, () -> RgbImage.of(0, 1, new byte[0])).getMessage().contains("width"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RgbImage.of(1, -1, new byte[0])).getMessage().contains("height"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RgbImage.of(2, 1, new byte[5])).getMessage().contains("rgb"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RgbImage.of(2, 1, null)).getMessage().contains("rgb"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> image.get(2, 0, 0)).getMessage().contains("x"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> image.get(0, 1, 0)).getMessage().contains("y"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> image.get(0, 0, 3)).getMessage().contains("channel"));
    }

    @Test
    void fromBgrHonoursStrideAndSwapsChannels() {
        // 2x2, stride 8: six pixel bytes then two padding bytes (0x7F) per row; the last row has no padding.
        byte[] bgr = {
            1, 2, 3, 4, 5, 6, 127, 127,
            7, 8, 9, 10, 11, 12};
        RgbImage image = RgbImage.fromBgr(bgr, 2, 2, 8);
        assertArrayEquals(new byte[] {3, 2, 1, 6, 5, 4, 9, 8, 7, 12, 11, 10}, image.toRgbBytes());

        assertTrue(assertThrows(IllegalArgumentException.class, () -> RgbImage.fromBgr(bgr, 2, 2, 5)).getMessage().contains("stride"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RgbImage.fromBgr(bgr, 2, 3, 8)).getMessage().contains("bgr"));
    }

    // ---- crop ----

    @Test
    void cropPadsOutsideWithBlack() {
        RgbImage image = grey(new int[][] {{10, 20, 30}, {40, 50, 60}});
        RgbImage crop = image.crop(-1, -1, 3, 4);
        assertArrayEquals(new int[][] {{0, 0, 0}, {0, 10, 20}, {0, 40, 50}, {0, 0, 0}}, channel(crop, 0));
        RgbImage right = image.crop(2, 1, 2, 1);
        assertArrayEquals(new int[][] {{60, 0}}, channel(right, 2));
        RgbImage outside = image.crop(100, -50, 2, 2);
        assertArrayEquals(new int[][] {{0, 0}, {0, 0}}, channel(outside, 1));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> image.crop(0, 0, 0, 1)).getMessage().contains("w"));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void cropInsideMatchesGet(long seed) {
        Random random = new Random(seed);
        RgbImage image = random(random, 1 + random.nextInt(40), 1 + random.nextInt(40));
        int x = random.nextInt(image.width());
        int y = random.nextInt(image.height());
        int w = 1 + random.nextInt(image.width() - x);
        int h = 1 + random.nextInt(image.height() - y);
        RgbImage crop = image.crop(x, y, w, h);
        for (int cy = 0; cy < h; cy++) {
            for (int cx = 0; cx < w; cx++) {
                for (int c = 0; c < 3; c++) {
                    assertEquals(image.get(x + cx, y + cy, c), crop.get(cx, cy, c));
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13, 14})
    void rgbBytesRoundTrip(long seed) {
        Random random = new Random(seed);
        RgbImage image = random(random, 1 + random.nextInt(50), 1 + random.nextInt(50));
        RgbImage copy = RgbImage.of(image.width(), image.height(), image.toRgbBytes());
        assertEquals(image, copy);
        assertNotSame(image.toRgbBytes(), image.toRgbBytes());
        assertEquals(image, RgbImage.fromBufferedImage(image.toBufferedImage()));
    }

    // ---- resizeArea: torch F.interpolate(mode="area") = adaptive_avg_pool2d ----

    @Test
    void resizeArea4x4To2x2AveragesBlocks() {
        RgbImage image = grey(new int[][] {
            {0, 2, 10, 20},
            {4, 6, 30, 41},
            {100, 100, 0, 0},
            {100, 101, 0, 1}});
        // (0+2+4+6)/4 = 3; (10+20+30+41)/4 = 25.25 -> 25; (100+100+100+101)/4 = 100.25 -> 100; (0+0+0+1)/4 -> 0
        assertArrayEquals(new int[][] {{3, 25}, {100, 0}}, channel(image.resizeArea(2, 2), 0));
    }

    @Test
    void resizeArea5x5To2x2UsesOverlappingWindows() {
        // v = 10y + x. Windows for 5 -> 2: [floor(0*5/2), ceil(1*5/2)) = [0, 3) and [floor(5/2), ceil(10/2)) = [2, 5);
        // the middle row and column count in both. Means: x in {0,1,2} -> 1, {2,3,4} -> 3; same for y.
        int[][] v = new int[5][5];
        for (int y = 0; y < 5; y++) {
            for (int x = 0; x < 5; x++) {
                v[y][x] = 10 * y + x;
            }
        }
        assertArrayEquals(new int[][] {{11, 13}, {31, 33}}, channel(grey(v).resizeArea(2, 2), 1));
    }

    @Test
    void resizeArea7x3To3x2NonIntegerRatio() {
        // v = x^2 + 20y. x windows for 7 -> 3: [0,3), [2,5), [4,7); y windows for 3 -> 2: [0,2), [1,3).
        // Sums over each 3x2 window: 70, 118, 214 / 190, 238, 334; divided by 6: 11.67, 19.67, 35.67 / 31.67, 39.67, 55.67.
        // (cv2.INTER_AREA would weight the shared column 2 by 1/3 instead and give different numbers.)
        int[][] v = new int[3][7];
        for (int y = 0; y < 3; y++) {
            for (int x = 0; x < 7; x++) {
                v[y][x] = x * x + 20 * y;
            }
        }
        RgbImage image = grey(v);
        assertArrayEquals(new int[][] {{12, 20, 36}, {32, 40, 56}}, channel(image.resizeArea(3, 2), 2));

        float[] floats = new float[3 * 2 * 3];
        image.writeAreaResizedNhwc(3, 2, floats, 0, 0f, 1f, false);
        float[] expected = {70f / 6, 118f / 6, 214f / 6, 190f / 6, 238f / 6, 334f / 6};
        for (int i = 0; i < 6; i++) {
            for (int c = 0; c < 3; c++) {
                assertEquals(expected[i], floats[i * 3 + c], 1e-5f, "pixel " + i + " channel " + c);
            }
        }
        // Transposed and normalised as MTCNN feeds PNet: (v - 127.5) / 128, tensor W x H x 3.
        float[] transposed = new float[18];
        image.writeAreaResizedNhwc(3, 2, transposed, 0, 127.5f, 128f, true);
        // output (x=2, y=1) lands at (x * H + y) * 3 = (2 * 2 + 1) * 3 = 15
        assertEquals((334f / 6 - 127.5f) / 128f, transposed[15], 1e-6f);
        assertEquals((118f / 6 - 127.5f) / 128f, transposed[(1 * 2 + 0) * 3 + 1], 1e-6f);
    }

    @Test
    void resizeAreaRoundsHalfUp() {
        assertEquals(1, grey(new int[][] {{0, 1}}).resizeArea(1, 1).get(0, 0, 0));
        assertEquals(128, grey(new int[][] {{255, 0}}).resizeArea(1, 1).get(0, 0, 0));
    }

    @ParameterizedTest
    @ValueSource(longs = {21, 22, 23, 24, 25, 26})
    void resizeAreaMatchesDefinition(long seed) {
        Random random = new Random(seed);
        RgbImage image = random(random, 1 + random.nextInt(60), 1 + random.nextInt(60));
        int nw = 1 + random.nextInt(image.width() + 5);
        int nh = 1 + random.nextInt(image.height() + 5);
        RgbImage resized = image.resizeArea(nw, nh);
        float[] floats = new float[nw * nh * 3];
        image.writeAreaResizedNhwc(nw, nh, floats, 0, 0f, 1f, false);
        for (int oy = 0; oy < nh; oy++) {
            int y0 = (int) Math.floor((double) oy * image.height() / nh);
            int y1 = (int) Math.ceil((double) (oy + 1) * image.height() / nh);
            for (int ox = 0; ox < nw; ox++) {
                int x0 = (int) Math.floor((double) ox * image.width() / nw);
                int x1 = (int) Math.ceil((double) (ox + 1) * image.width() / nw);
                for (int c = 0; c < 3; c++) {
                    double sum = 0;
                    for (int y = y0; y < y1; y++) {
                        for (int x = x0; x < x1; x++) {
                            sum += image.get(x, y, c);
                        }
                    }
                    double mean = sum / ((y1 - y0) * (x1 - x0));
                    assertEquals((int) Math.floor(mean + 0.5), resized.get(ox, oy, c), "at " + ox + "," + oy + "," + c);
                    assertEquals(mean, floats[(oy * nw + ox) * 3 + c], 1e-4);
                }
            }
        }
    }

    @Test
    void resizeAreaToSameSizeIsIdentity() {
        RgbImage image = random(new Random(3), 17, 9);
        assertEquals(image, image.resizeArea(17, 9));
    }

    // ---- resizeBilinear: cv2.INTER_LINEAR half-pixel centres ----

    @Test
    void resizeBilinearUsesHalfPixelCentres() {
        // 2 -> 4: source x = (i + 0.5) / 2 - 0.5 = -0.25 (clamped to 0), 0.25, 0.75, 1.25 (clamped to 1).
        // cv2.resize(np.uint8([[0, 100]]), (4, 1)) gives [0, 25, 75, 100].
        assertArrayEquals(new int[][] {{0, 25, 75, 100}}, channel(grey(new int[][] {{0, 100}}).resizeBilinear(4, 1), 0));
        // 4 -> 2: source 0.5 and 2.5, the mean of each 2x2 block for v = 10y + x: 5.5 -> 6, 7.5 -> 8, 25.5 -> 26, 27.5 -> 28
        int[][] v = new int[4][4];
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 4; x++) {
                v[y][x] = 10 * y + x;
            }
        }
        assertArrayEquals(new int[][] {{6, 8}, {26, 28}}, channel(grey(v).resizeBilinear(2, 2), 1));
        // 3 -> 2 horizontally: source x = 0.25 and 1.75 -> 0 + 0.25*(40-0) = 10; 40 + 0.75*(80-40) = 70
        assertArrayEquals(new int[][] {{10, 70}}, channel(grey(new int[][] {{0, 40, 80}}).resizeBilinear(2, 1), 2));
    }

    // ---- writeNhwc ----

    @Test
    void writeNhwcNormalisesAndTransposes() {
        // 3x2 image; R = 10y + x, G = 255, B = 0
        byte[] rgb = new byte[3 * 2 * 3];
        for (int y = 0; y < 2; y++) {
            for (int x = 0; x < 3; x++) {
                rgb[(y * 3 + x) * 3] = (byte) (10 * y + x);
                rgb[(y * 3 + x) * 3 + 1] = (byte) 255;
            }
        }
        RgbImage image = RgbImage.of(3, 2, rgb);
        float[] plain = new float[2 + 18];
        image.writeNhwc(plain, 2, 127.5f, 128f, false);
        assertEquals(0f, plain[0]);
        assertEquals((0 - 127.5f) / 128f, plain[2]);
        assertEquals(0.99609375f, plain[3]); // (255 - 127.5) / 128
        assertEquals(-0.99609375f, plain[4]);
        assertEquals((12 - 127.5f) / 128f, plain[2 + (1 * 3 + 2) * 3]);

        float[] t = new float[18];
        image.writeNhwc(t, 0, 0f, 1f, true);
        // W x H x 3: element (x, y) at (x * H + y) * 3
        for (int y = 0; y < 2; y++) {
            for (int x = 0; x < 3; x++) {
                assertEquals(10 * y + x, t[(x * 2 + y) * 3], "x=" + x + " y=" + y);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> image.writeNhwc(new float[17], 0, 0f, 1f, false));
        assertThrows(IllegalArgumentException.class, () -> image.writeNhwc(new float[18], 1, 0f, 1f, false));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> image.writeNhwc(new float[18], 0, 0f, 0f, false))
                .getMessage().contains("std"));
    }

    @ParameterizedTest
    @ValueSource(longs = {31, 32, 33})
    void transposedTensorEqualsTransposedImage(long seed) {
        Random random = new Random(seed);
        RgbImage image = random(random, 1 + random.nextInt(30), 1 + random.nextInt(30));
        float[] a = new float[image.width() * image.height() * 3];
        float[] b = new float[a.length];
        image.writeNhwc(a, 0, 127.5f, 128f, true);
        image.orient(5).writeNhwc(b, 0, 127.5f, 128f, false);
        assertArrayEquals(b, a);
    }

    // ---- orientation ----

    @ParameterizedTest
    @ValueSource(longs = {41, 42, 43})
    void orientInverses(long seed) {
        Random random = new Random(seed);
        RgbImage image = random(random, 1 + random.nextInt(20), 1 + random.nextInt(20));
        assertEquals(image, image.orient(6).orient(8));
        assertEquals(image, image.orient(3).orient(3));
        assertEquals(image, image.orient(2).orient(2));
        assertEquals(image, image.orient(4).orient(4));
        assertEquals(image, image.orient(5).orient(5));
        assertEquals(image, image.orient(7).orient(7));
        assertEquals(image.orient(3), image.orient(6).orient(6));
        assertEquals(image.orient(8).height(), image.width());
    }

    // ---- fromBufferedImage ----

    @Test
    void fromBufferedImageGivesIdenticalBytesForCommonTypes() {
        RgbImage image = random(new Random(7), 13, 11);
        byte[] expected = image.toRgbBytes();
        int[] types = {BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_BGR, BufferedImage.TYPE_INT_ARGB,
            BufferedImage.TYPE_INT_ARGB_PRE, BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_4BYTE_ABGR,
            BufferedImage.TYPE_4BYTE_ABGR_PRE};
        for (int type : types) {
            BufferedImage b = new BufferedImage(13, 11, type);
            for (int y = 0; y < 11; y++) {
                for (int x = 0; x < 13; x++) {
                    b.setRGB(x, y, 0xFF000000 | image.get(x, y, 0) << 16 | image.get(x, y, 1) << 8 | image.get(x, y, 2));
                }
            }
            assertArrayEquals(expected, RgbImage.fromBufferedImage(b).toRgbBytes(), "type " + type);
        }
        // A custom RGB (not BGR) byte raster, and a sub-image whose raster starts inside a larger buffer.
        ComponentColorModel cm = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), false, false,
                Transparency.OPAQUE, DataBuffer.TYPE_BYTE);
        WritableRaster raster = cm.createCompatibleWritableRaster(13, 11);
        for (int y = 0; y < 11; y++) {
            for (int x = 0; x < 13; x++) {
                raster.setPixel(x, y, new int[] {image.get(x, y, 0), image.get(x, y, 1), image.get(x, y, 2)});
            }
        }
        assertArrayEquals(expected, RgbImage.fromBufferedImage(new BufferedImage(cm, raster, false, null)).toRgbBytes());

        BufferedImage big = random(new Random(8), 30, 30).toBufferedImage();
        big.getRaster().setRect(5, 7, image.toBufferedImage().getRaster());
        assertArrayEquals(expected, RgbImage.fromBufferedImage(big.getSubimage(5, 7, 13, 11)).toRgbBytes());
        BufferedImage bigInt = new BufferedImage(30, 30, BufferedImage.TYPE_INT_RGB);
        bigInt.getGraphics().drawImage(big, 0, 0, null);
        assertArrayEquals(expected, RgbImage.fromBufferedImage(bigInt.getSubimage(5, 7, 13, 11)).toRgbBytes());
    }

    @Test
    void fromBufferedImageCompositesAlphaOnBlack() {
        BufferedImage argb = new BufferedImage(2, 1, BufferedImage.TYPE_INT_ARGB);
        argb.setRGB(0, 0, 0x80C86432); // a=128: 200*128/255 = 100.4 -> 100; 100 -> 50.2 -> 50; 50 -> 25.1 -> 25
        argb.setRGB(1, 0, 0x00FFFFFF); // fully transparent white -> black
        assertArrayEquals(new byte[] {100, 50, 25, 0, 0, 0}, RgbImage.fromBufferedImage(argb).toRgbBytes());

        BufferedImage abgr = new BufferedImage(2, 1, BufferedImage.TYPE_4BYTE_ABGR);
        abgr.getRaster().setPixel(0, 0, new int[] {200, 100, 50, 128});
        abgr.getRaster().setPixel(1, 0, new int[] {255, 255, 255, 0});
        assertArrayEquals(new byte[] {100, 50, 25, 0, 0, 0}, RgbImage.fromBufferedImage(abgr).toRgbBytes());

        // premultiplied data is already composited on black: taken as stored
        BufferedImage pre = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB_PRE);
        ((DataBufferInt) pre.getRaster().getDataBuffer()).getData()[0] = 0x80643219;
        assertArrayEquals(new byte[] {100, 50, 25}, RgbImage.fromBufferedImage(pre).toRgbBytes());
    }

    @Test
    void fromBufferedImageGreyKeepsRawValues() {
        BufferedImage grey = new BufferedImage(3, 1, BufferedImage.TYPE_BYTE_GRAY);
        grey.getRaster().setPixels(0, 0, 3, 1, new int[] {0, 128, 255});
        // getRGB would brighten 128 (linear grey -> sRGB); the raw value is what PIL and OpenCV give.
        assertArrayEquals(new byte[] {0, 0, 0, (byte) 128, (byte) 128, (byte) 128, -1, -1, -1},
                RgbImage.fromBufferedImage(grey).toRgbBytes());

        BufferedImage grey16 = new BufferedImage(3, 1, BufferedImage.TYPE_USHORT_GRAY);
        grey16.getRaster().setPixels(0, 0, 3, 1, new int[] {0, 128 * 257, 65535});
        assertArrayEquals(new byte[] {0, 0, 0, (byte) 128, (byte) 128, (byte) 128, -1, -1, -1},
                RgbImage.fromBufferedImage(grey16).toRgbBytes());
    }

    @Test
    void fromBufferedImageReadsPalettes() {
        byte[] r = {0, (byte) 255, 10};
        byte[] g = {0, 0, 20};
        byte[] b = {0, 0, 30};
        byte[] a = {(byte) 255, (byte) 255, 0};
        IndexColorModel palette = new IndexColorModel(2, 3, r, g, b, a);
        BufferedImage indexed = new BufferedImage(3, 1, BufferedImage.TYPE_BYTE_BINARY, palette);
        indexed.getRaster().setPixels(0, 0, 3, 1, new int[] {1, 0, 2});
        assertArrayEquals(new byte[] {-1, 0, 0, 0, 0, 0, 0, 0, 0}, RgbImage.fromBufferedImage(indexed).toRgbBytes());

        BufferedImage binary = new BufferedImage(9, 1, BufferedImage.TYPE_BYTE_BINARY);
        binary.getRaster().setPixels(0, 0, 9, 1, new int[] {1, 0, 0, 0, 0, 0, 0, 0, 1});
        RgbImage image = RgbImage.fromBufferedImage(binary);
        assertEquals(255, image.get(0, 0, 0));
        assertEquals(0, image.get(1, 0, 1));
        assertEquals(255, image.get(8, 0, 2));
    }

    @Test
    void fromBufferedImageFallsBackForExoticTypes() {
        BufferedImage rgb565 = new BufferedImage(1, 1, BufferedImage.TYPE_USHORT_565_RGB);
        rgb565.setRGB(0, 0, 0xFFFFFFFF);
        assertArrayEquals(new byte[] {-1, -1, -1}, RgbImage.fromBufferedImage(rgb565).toRgbBytes());
    }

    @Test
    void toBufferedImageIsBgr() {
        BufferedImage b = RgbImage.of(1, 1, new byte[] {1, 2, 3}).toBufferedImage();
        assertEquals(BufferedImage.TYPE_3BYTE_BGR, b.getType());
        assertEquals(0x010203, b.getRGB(0, 0) & 0xFFFFFF);
    }
}
