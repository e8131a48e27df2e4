package io.face4j.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImagesTest {
    private static final int[] RED = {255, 0, 0};
    private static final int[] GREEN = {0, 255, 0};
    private static final int[] BLUE = {0, 0, 255};
    private static final int[] YELLOW = {255, 255, 0};

    @TempDir
    Path dir;

    /** 48x32, four solid quadrants: red top-left, green top-right, blue bottom-left, yellow bottom-right. */
    static BufferedImage quadrants() {
        BufferedImage image = new BufferedImage(48, 32, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 48; x++) {
                int[] c = y < 16 ? (x < 24 ? RED : GREEN) : (x < 24 ? BLUE : YELLOW);
                image.setRGB(x, y, c[0] << 16 | c[1] << 8 | c[2]);
            }
        }
        return image;
    }

    /** A smooth gradient, which survives JPEG compression within a few levels. */
    static BufferedImage gradient(int w, int h) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                image.setRGB(x, y, (x * 255 / w) << 16 | (y * 255 / h) << 8 | 128);
            }
        }
        return image;
    }

    static byte[] encode(BufferedImage image, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertTrue(ImageIO.write(image, format, out), "no writer for " + format);
        return out.toByteArray();
    }

    static byte[] encodeJpeg(Object imageOrRaster, boolean progressive) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(ios);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.95f);
            if (progressive) {
                param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            }
            IIOImage iio = imageOrRaster instanceof Raster r ? new IIOImage(r, null, null)
                    : new IIOImage((BufferedImage) imageOrRaster, null, null);
            writer.write(null, iio, param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    static byte[] insertAfterSoi(byte[] jpeg, byte[] segment) {
        byte[] out = new byte[jpeg.length + segment.length];
        System.arraycopy(jpeg, 0, out, 0, 2);
        System.arraycopy(segment, 0, out, 2, segment.length);
        System.arraycopy(jpeg, 2, out, 2 + segment.length, jpeg.length - 2);
        return out;
    }

    /** A TIFF block with one IFD holding only the orientation tag (274, SHORT, count 1). */
    static byte[] tiffWithOrientation(int orientation, boolean littleEndian) {
        ByteArrayOutputStream t = new ByteArrayOutputStream();
        t.writeBytes(littleEndian ? new byte[] {'I', 'I'} : new byte[] {'M', 'M'});
        writeU16(t, 42, littleEndian);           // TIFF magic
        writeU32(t, 8, littleEndian);          // IFD0 right after the header
        writeU16(t, 1, littleEndian);          // one entry
        writeU16(t, 0x0112, littleEndian);     // Orientation
        writeU16(t, 3, littleEndian);          // SHORT
        writeU32(t, 1, littleEndian);          // count
        writeU16(t, orientation, littleEndian); // value, left-justified
        writeU16(t, 0, littleEndian);
        writeU32(t, 0, littleEndian);          // no next IFD
        return t.toByteArray();
    }

    static byte[] exifApp1(int orientation, boolean littleEndian) {
        byte[] tiff = tiffWithOrientation(orientation, littleEndian);
        ByteArrayOutputStream s = new ByteArrayOutputStream();
        int length = 2 + 6 + tiff.length;
        s.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xE1, (byte) (length >> 8), (byte) length});
        s.writeBytes(new byte[] {'E', 'x', 'i', 'f', 0, 0});
        s.writeBytes(tiff);
        return s.toByteArray();
    }

    static byte[] pngChunk(String type, byte[] data) {
        ByteArrayOutputStream c = new ByteArrayOutputStream();
        writeU32(c, data.length, false);
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        c.writeBytes(typeBytes);
        c.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        writeU32(c, (int) crc.getValue(), false);
        return c.toByteArray();
    }

    static void writeU16(ByteArrayOutputStream out, int v, boolean little) {
        if (little) {
            out.write(v);
            out.write(v >> 8);
        } else {
            out.write(v >> 8);
            out.write(v);
        }
    }

    static void writeU32(ByteArrayOutputStream out, int v, boolean little) {
        if (little) {
            writeU16(out, v & 0xFFFF, true);
            writeU16(out, v >>> 16, true);
        } else {
            writeU16(out, v >>> 16, false);
            writeU16(out, v & 0xFFFF, false);
        }
    }

    static void assertColour(int[] expected, RgbImage image, int x, int y) {
        for (int c = 0; c < 3; c++) {
            int actual = image.get(x, y, c);
            assertTrue(Math.abs(actual - expected[c]) <= 40,
                    "at (" + x + "," + y + ") channel " + c + ": expected ~" + expected[c] + " but was " + actual);
        }
    }

    static double meanAbsDiff(RgbImage a, BufferedImage b) {
        RgbImage expected = RgbImage.fromBufferedImage(b);
        byte[] x = a.toRgbBytes();
        byte[] y = expected.toRgbBytes();
        assertEquals(x.length, y.length);
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum += Math.abs((x[i] & 0xFF) - (y[i] & 0xFF));
        }
        return sum / x.length;
    }

    // ---- formats ----

    @Test
    void readsBaselineAndProgressiveJpeg() throws IOException {
        BufferedImage source = gradient(64, 40);
        byte[] baseline = encodeJpeg(source, false);
        byte[] progressive = encodeJpeg(source, true);
        assertTrue(containsMarker(progressive, 0xC2), "the progressive file has an SOF2 marker");
        for (byte[] jpeg : new byte[][] {baseline, progressive}) {
            RgbImage image = Images.read(jpeg);
            assertEquals(64, image.width());
            assertEquals(40, image.height());
            assertTrue(meanAbsDiff(image, source) < 3, "decoded close to the source");
        }
    }

    static boolean containsMarker(byte[] data, int marker) {
        for (int i = 0; i + 1 < data.length; i++) {
            if ((data[i] & 0xFF) == 0xFF && (data[i + 1] & 0xFF) == marker) {
                return true;
            }
        }
        return false;
    }

    @Test
    void readsAdobeCmykJpeg() throws IOException {
        // A 4-channel raster written as is, then an Adobe APP14 segment (transform 0 = CMYK) spliced in. Adobe CMYK
        // stores inverted values, so C=0 M=1 Y=1 K=0 (red) is stored as 255, 0, 0, 255 and white (all 0) as all 255.
        WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, 16, 16, 4, null);
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 16; x++) {
                raster.setPixel(x, y, x < 8 ? new int[] {255, 0, 0, 255} : new int[] {255, 255, 255, 255});
            }
        }
        byte[] adobe = {(byte) 0xFF, (byte) 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, 0};
        byte[] cmyk = insertAfterSoi(encodeJpeg(raster, false), adobe);
        RgbImage image = Images.read(cmyk);
        assertEquals(16, image.width());
        assertColour(RED, image, 2, 8);
        assertColour(new int[] {255, 255, 255}, image, 13, 8);
    }

    @Test
    void readsPngWithAlphaCompositedOnBlack() throws IOException {
        BufferedImage argb = new BufferedImage(2, 1, BufferedImage.TYPE_INT_ARGB);
        argb.setRGB(0, 0, 0x80C86432);
        argb.setRGB(1, 0, 0xFF0A141E);
        RgbImage image = Images.read(encode(argb, "png"));
        // 200*128/255 = 100.4 -> 100, 100*128/255 -> 50, 50*128/255 -> 25; opaque pixel unchanged
        assertArrayEquals(new byte[] {100, 50, 25, 10, 20, 30}, image.toRgbBytes());
    }

    @Test
    void reads16BitPngs() throws IOException {
        ComponentColorModel cm = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), false, false,
                Transparency.OPAQUE, DataBuffer.TYPE_USHORT);
        WritableRaster raster = cm.createCompatibleWritableRaster(2, 1);
        raster.setPixel(0, 0, new int[] {0x80FF, 0x0100, 0xFFFF});
        raster.setPixel(1, 0, new int[] {0, 0x1234, 0x7F00});
        byte[] png = encode(new BufferedImage(cm, raster, false, null), "png");
        assertEquals(16, png[24], "IHDR bit depth");
        assertArrayEquals(new byte[] {(byte) 0x80, 0x01, (byte) 0xFF, 0, 0x12, 0x7F}, Images.read(png).toRgbBytes());

        BufferedImage grey16 = new BufferedImage(2, 1, BufferedImage.TYPE_USHORT_GRAY);
        grey16.getRaster().setPixels(0, 0, 2, 1, new int[] {0xC8C8, 0x0A0A});
        assertArrayEquals(new byte[] {(byte) 200, (byte) 200, (byte) 200, 10, 10, 10},
                Images.read(encode(grey16, "png")).toRgbBytes());
    }

    @Test
    void readsGreyPngAsThreeEqualChannels() throws IOException {
        BufferedImage grey = new BufferedImage(3, 1, BufferedImage.TYPE_BYTE_GRAY);
        grey.getRaster().setPixels(0, 0, 3, 1, new int[] {0, 77, 200});
        assertArrayEquals(new byte[] {0, 0, 0, 77, 77, 77, (byte) 200, (byte) 200, (byte) 200},
                Images.read(encode(grey, "png")).toRgbBytes());
    }

    @Test
    void readsLosslessFormatsExactly() throws IOException {
        BufferedImage source = gradient(20, 12);
        RgbImage expected = RgbImage.fromBufferedImage(source);
        for (String format : new String[] {"png", "bmp", "tiff"}) {
            assertEquals(expected, Images.read(encode(source, format)), format);
        }
    }

    @Test
    void readsFirstGifFrameWithItsPalette() throws IOException {
        byte[] r = {(byte) 255, 0, 0, 10};
        byte[] g = {0, (byte) 255, 0, 20};
        byte[] b = {0, 0, (byte) 255, 30};
        IndexColorModel palette = new IndexColorModel(2, 4, r, g, b);
        BufferedImage first = new BufferedImage(4, 2, BufferedImage.TYPE_BYTE_INDEXED, palette);
        first.getRaster().setPixels(0, 0, 4, 2, new int[] {0, 1, 2, 3, 3, 2, 1, 0});
        BufferedImage second = new BufferedImage(4, 2, BufferedImage.TYPE_BYTE_INDEXED, palette);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(ios);
            writer.prepareWriteSequence(null);
            writer.writeToSequence(new IIOImage(first, null, null), null);
            writer.writeToSequence(new IIOImage(second, null, null), null);
            writer.endWriteSequence();
        }
        RgbImage image = Images.read(out.toByteArray());
        assertArrayEquals(new byte[] {-1, 0, 0, 0, -1, 0, 0, 0, -1, 10, 20, 30},
                Arrays.copyOf(image.toRgbBytes(), 12));
        assertColour(RED, image, 3, 1);
    }

    @Test
    void readsHandWrittenNetpbm() {
        byte[] pgm = netpbm("P5\n# a comment\n3 2\n255\n", new byte[] {0, 10, 20, 30, 40, (byte) 250});
        assertArrayEquals(new byte[] {0, 0, 0, 10, 10, 10, 20, 20, 20, 30, 30, 30, 40, 40, 40, (byte) 250, (byte) 250, (byte) 250},
                Images.read(pgm).toRgbBytes());
        byte[] ppm = netpbm("P6 2 1 255\n", new byte[] {1, 2, 3, 4, 5, 6});
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5, 6}, Images.read(ppm).toRgbBytes());
        byte[] asciiPpm = "P3\n2 1\n255\n1 2 3  4 5 6\n".getBytes(StandardCharsets.US_ASCII);
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5, 6}, Images.read(asciiPpm).toRgbBytes());
        byte[] asciiPgm = "P2\n2 1\n255\n7 9\n".getBytes(StandardCharsets.US_ASCII);
        assertArrayEquals(new byte[] {7, 7, 7, 9, 9, 9}, Images.read(asciiPgm).toRgbBytes());
    }

    static byte[] netpbm(String header, byte[] pixels) {
        byte[] h = header.getBytes(StandardCharsets.US_ASCII);
        byte[] out = Arrays.copyOf(h, h.length + pixels.length);
        System.arraycopy(pixels, 0, out, h.length, pixels.length);
        return out;
    }

    @Test
    void recognisesFormatByContentNotName() throws IOException {
        Path misnamed = dir.resolve("really-a-png.jpg");
        Files.write(misnamed, encode(gradient(5, 4), "png"));
        assertEquals(RgbImage.fromBufferedImage(gradient(5, 4)), Images.read(misnamed));
    }

    @Test
    void readsFromStreamAndPath() throws IOException {
        byte[] png = encode(gradient(7, 3), "png");
        Path file = dir.resolve("g.png");
        Files.write(file, png);
        RgbImage expected = RgbImage.fromBufferedImage(gradient(7, 3));
        assertEquals(expected, Images.read(file));
        assertEquals(expected, Images.read(new ByteArrayInputStream(png)));
    }

    // ---- EXIF orientation ----

    /**
     * For each orientation: where the stored top-left (red) and top-right (green) corners must appear. From the EXIF
     * definition: 1 row 0 is the visual top, column 0 the left; 2 top/right; 3 bottom/right; 4 bottom/left;
     * 5 row 0 is the visual left side, column 0 the top; 6 right/top; 7 right/bottom; 8 left/bottom.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void appliesExifOrientationInJpeg(int orientation) throws IOException {
        byte[] jpeg = insertAfterSoi(encodeJpeg(quadrants(), false), exifApp1(orientation, orientation % 2 == 0));
        RgbImage image = Images.read(jpeg);
        assertOriented(orientation, image);
        RgbImage raw = Images.read(jpeg, ImageReadOptions.defaults().withApplyExifOrientation(false));
        assertEquals(48, raw.width());
        assertColour(RED, raw, 1, 1);
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 6, 8})
    void appliesExifOrientationInPng(int orientation) throws IOException {
        byte[] png = encode(quadrants(), "png");
        // eXIf goes after IHDR: 8-byte signature + 25-byte IHDR chunk
        byte[] chunk = pngChunk("eXIf", tiffWithOrientation(orientation, true));
        byte[] spliced = new byte[png.length + chunk.length];
        System.arraycopy(png, 0, spliced, 0, 33);
        System.arraycopy(chunk, 0, spliced, 33, chunk.length);
        System.arraycopy(png, 33, spliced, 33 + chunk.length, png.length - 33);
        assertOriented(orientation, Images.read(spliced));
    }

    static void assertOriented(int orientation, RgbImage image) {
        boolean swapped = orientation >= 5;
        assertEquals(swapped ? 32 : 48, image.width(), "width");
        assertEquals(swapped ? 48 : 32, image.height(), "height");
        int r = image.width() - 2;
        int b = image.height() - 2;
        int[][] redAt = {null, {1, 1}, {r, 1}, {r, b}, {1, b}, {1, 1}, {r, 1}, {r, b}, {1, b}};
        int[][] greenAt = {null, {r, 1}, {1, 1}, {1, b}, {r, b}, {1, b}, {r, b}, {r, 1}, {1, 1}};
        assertColour(RED, image, redAt[orientation][0], redAt[orientation][1]);
        assertColour(GREEN, image, greenAt[orientation][0], greenAt[orientation][1]);
    }

    @Test
    void ignoresMalformedExif() throws IOException {
        byte[] jpeg = encodeJpeg(quadrants(), false);
        byte[] app1 = exifApp1(6, false);
        app1[10] = 'X'; // break the "MM" byte order mark
        RgbImage image = Images.read(insertAfterSoi(jpeg, app1));
        assertEquals(48, image.width());
        byte[] badValue = exifApp1(9, true);
        assertEquals(48, Images.read(insertAfterSoi(jpeg, badValue)).width());
    }

    // ---- failures ----

    @ParameterizedTest
    @ValueSource(doubles = {0.1, 0.5, 0.9, 0.99})
    void truncatedJpegIsAnError(double fraction) throws IOException {
        for (boolean progressive : new boolean[] {false, true}) {
            byte[] jpeg = encodeJpeg(gradient(96, 64), progressive);
            byte[] cut = Arrays.copyOf(jpeg, (int) (jpeg.length * fraction));
            ImageException e = assertThrows(ImageException.class, () -> Images.read(cut));
            assertTrue(e.getMessage().contains("JPEG") && e.getMessage().contains("truncated"), e.getMessage());
        }
        byte[] jpeg = encodeJpeg(gradient(96, 64), false);
        byte[] noEoi = Arrays.copyOf(jpeg, jpeg.length - 2);
        assertThrows(ImageException.class, () -> Images.read(noEoi));
    }

    @ParameterizedTest
    @ValueSource(strings = {"png", "gif", "bmp", "tiff"})
    void truncatedFilesAreErrors(String format) throws IOException {
        BufferedImage source = gradient(96, 64);
        if (format.equals("gif")) {
            BufferedImage indexed = new BufferedImage(96, 64, BufferedImage.TYPE_BYTE_INDEXED);
            indexed.getGraphics().drawImage(source, 0, 0, null);
            source = indexed;
        }
        byte[] data = encode(source, format);
        for (double fraction : new double[] {0.3, 0.6, 0.9}) {
            byte[] cut = Arrays.copyOf(data, (int) (data.length * fraction));
            ImageException e = assertThrows(ImageException.class, () -> Images.read(cut), format + " cut at " + fraction);
            assertTrue(e.getMessage().toLowerCase().contains(format), e.getMessage());
        }
    }

    @Test
    void emptyTextAndGarbageAreErrors(@TempDir Path tmp) throws IOException {
        Path empty = Files.write(tmp.resolve("empty.jpg"), new byte[0]);
        ImageException e = assertThrows(ImageException.class, () -> Images.read(empty));
        assertTrue(e.getMessage().contains(empty.toString()) && e.getMessage().contains("empty"), e.getMessage());

        Path text = Files.writeString(tmp.resolve("notes.png"), "hello, not an image\n");
        e = assertThrows(ImageException.class, () -> Images.read(text));
        assertTrue(e.getMessage().contains("notes.png") && e.getMessage().contains("unknown format"), e.getMessage());

        byte[] garbage = new byte[2000];
        new java.util.Random(5).nextBytes(garbage);
        garbage[0] = (byte) 0xFF;
        garbage[1] = (byte) 0xD8;
        garbage[2] = (byte) 0xFF;
        assertThrows(ImageException.class, () -> Images.read(garbage));
        byte[] png = encode(gradient(8, 8), "png");
        byte[] corrupt = png.clone();
        for (int i = 40; i < corrupt.length - 20; i++) {
            corrupt[i] ^= 0x5A;
        }
        assertThrows(ImageException.class, () -> Images.read(corrupt));
    }

    @Test
    void missingFileAndDirectoryAreErrors(@TempDir Path tmp) {
        Path missing = tmp.resolve("nope.jpg");
        ImageException e = assertThrows(ImageException.class, () -> Images.read(missing));
        assertTrue(e.getMessage().contains("nope.jpg") && e.getMessage().contains("no such file"), e.getMessage());
        e = assertThrows(ImageException.class, () -> Images.read(tmp));
        assertTrue(e.getMessage().contains("directory"), e.getMessage());
    }

    @Test
    void hugeHeaderIsRefusedBeforeDecoding() {
        // A PNG signature and an IHDR claiming 20000 x 20000 RGB, no image data: 1.2 GB if it were allocated.
        ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
        writeU32(ihdr, 20000, false);
        writeU32(ihdr, 20000, false);
        ihdr.writeBytes(new byte[] {8, 2, 0, 0, 0}); // bit depth 8, colour type 2 (RGB), deflate, no filter, no interlace
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        png.writeBytes(pngChunk("IHDR", ihdr.toByteArray()));
        png.writeBytes(pngChunk("IEND", new byte[0]));
        ImageException e = assertThrows(ImageException.class, () -> Images.read(png.toByteArray()));
        assertTrue(e.getMessage().contains("20000x20000") && e.getMessage().contains("maxPixels"), e.getMessage());
    }

    @Test
    void pixelLimitIsConfigurable() throws IOException {
        byte[] jpeg = encodeJpeg(gradient(64, 40), false);
        ImageReadOptions small = ImageReadOptions.defaults().withMaxPixels(64 * 40 - 1);
        assertThrows(ImageException.class, () -> Images.read(jpeg, small));
        assertEquals(64, Images.read(jpeg, small.withMaxPixels(64 * 40)).width());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ImageReadOptions.defaults().withMaxPixels(0))
                .getMessage().contains("maxPixels"));
        assertEquals(100_000_000L, ImageReadOptions.defaults().maxPixels());
    }

    // ---- writing ----

    @Test
    void writesByExtension() {
        RgbImage image = RgbImage.fromBufferedImage(gradient(30, 20));
        Path png = dir.resolve("out.png");
        Images.write(image, png);
        assertEquals(image, Images.read(png));
        Path jpg = dir.resolve("out.JPG");
        Images.write(image, jpg);
        assertTrue(meanAbsDiff(Images.read(jpg), gradient(30, 20)) < 3);
        Path bmp = dir.resolve("out.bmp");
        Images.write(image, bmp);
        assertEquals(image, Images.read(bmp));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Images.write(image, dir.resolve("out.webp")))
                .getMessage().contains("out.webp"));
        assertThrows(ImageException.class, () -> Images.write(image, dir.resolve("no/such/dir/out.png")));
    }
}
