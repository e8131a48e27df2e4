package io.face4j.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Reads JPEG (baseline, progressive, CMYK/YCCK via TwelveMonkeys), PNG (palette, grey, alpha, 16-bit), BMP, GIF
 * (first frame), PNM (PBM/PGM/PPM/PAM) and TIFF into {@link RgbImage}, and writes PNG/JPEG/BMP. Thread-safe
 * (stateless; every call uses its own ImageIO reader).
 *
 * <p>Behaviour:
 * <ul>
 *   <li>The format is recognised by its leading bytes, never the file name (a PNG named .jpg reads as PNG).</li>
 *   <li>The EXIF orientation (JPEG APP1, PNG eXIf, TIFF) is applied, so the image is upright as viewers show it;
 *       width and height swap for orientations 5-8. Switch off with {@link ImageReadOptions#withApplyExifOrientation}.</li>
 *   <li>Alpha is composited on black and grey becomes three equal channels ({@link RgbImage#fromBufferedImage}).</li>
 *   <li>width*height is read from the header and checked against {@link ImageReadOptions#maxPixels()} before any
 *       pixel is decoded.</li>
 *   <li>A truncated file is an error, never a partly grey image: a JPEG must reach its EOI marker, and any decoder
 *       warning about premature end of data fails the read. Other decoder warnings (e.g. "no ICC profile") are
 *       ignored.</li>
 *   <li>Every failure (missing file, directory, empty, unknown format, corrupt, truncated, too large, out of memory)
 *       is an {@link ImageException} whose message names the source and the cause.</li>
 * </ul>
 */
public final class Images {
    /** Decoder warnings that mean the data ended early: the pixels after that point are filler, not image. */
    private static final Pattern TRUNCATION_WARNING =
            Pattern.compile("(?i).*(premature|truncat|missing eoi|end of (file|stream|data|input)|\\beof\\b).*");
    /** 0.95: JPEG quality high enough that tests and CLI output are visually lossless. */
    private static final float JPEG_QUALITY = 0.95f;

    static {
        // Picks up plugins (TwelveMonkeys) added to the class path after ImageIO first initialised, e.g. in app servers.
        ImageIO.scanForPlugins();
    }

    private Images() {
    }

    public static RgbImage read(Path path) {
        return read(path, ImageReadOptions.defaults());
    }

    public static RgbImage read(Path path, ImageReadOptions options) {
        if (path == null) {
            throw new IllegalArgumentException("path must not be null");
        }
        requireOptions(options);
        String source = path.toString();
        if (Files.isDirectory(path)) {
            throw new ImageException("cannot read image " + source + ": it is a directory");
        }
        byte[] data;
        try {
            long size = Files.size(path);
            if (size > Integer.MAX_VALUE - 8) {
                throw new ImageException("cannot read image " + source + ": file of " + size + " bytes is too large");
            }
            data = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new ImageException("cannot read image " + source + ": no such file", e);
        } catch (IOException e) {
            throw new ImageException("cannot read image " + source + ": " + e, e);
        }
        return decode(data, source, options);
    }

    public static RgbImage read(byte[] data) {
        return read(data, ImageReadOptions.defaults());
    }

    public static RgbImage read(byte[] data, ImageReadOptions options) {
        if (data == null) {
            throw new IllegalArgumentException("data must not be null");
        }
        requireOptions(options);
        return decode(data, "<byte array>", options);
    }

    /** Reads the stream to its end; the caller closes it. */
    public static RgbImage read(InputStream in) {
        return read(in, ImageReadOptions.defaults());
    }

    public static RgbImage read(InputStream in, ImageReadOptions options) {
        if (in == null) {
            throw new IllegalArgumentException("in must not be null");
        }
        requireOptions(options);
        byte[] data;
        try {
            data = in.readAllBytes();
        } catch (IOException e) {
            throw new ImageException("cannot read image <stream>: " + e, e);
        } catch (OutOfMemoryError e) {
            throw new ImageException("cannot read image <stream>: not enough memory to buffer the stream", e);
        }
        return decode(data, "<stream>", options);
    }

    /** Writes PNG, JPEG (quality 0.95) or BMP, chosen by the extension of {@code path} (.png, .jpg/.jpeg, .bmp). */
    public static void write(RgbImage image, Path path) {
        if (image == null) {
            throw new IllegalArgumentException("image must not be null");
        }
        if (path == null) {
            throw new IllegalArgumentException("path must not be null");
        }
        String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
        String format;
        if (name.endsWith(".png")) {
            format = "png";
        } else if (name.endsWith(".jpg") || name.endsWith(".jpeg")) {
            format = "jpeg";
        } else if (name.endsWith(".bmp")) {
            format = "bmp";
        } else {
            throw new IllegalArgumentException("path " + path + " has no .png, .jpg, .jpeg or .bmp extension");
        }
        try (OutputStream out = Files.newOutputStream(path)) {
            write(image, format, out);
        } catch (IOException e) {
            throw new ImageException("cannot write image " + path + ": " + e, e);
        }
    }

    private static void write(RgbImage image, String format, OutputStream out) throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName(format);
        if (!writers.hasNext()) {
            throw new IOException("no ImageIO writer for " + format);
        }
        ImageWriter writer = writers.next();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(ios);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (format.equals("jpeg")) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(JPEG_QUALITY);
            }
            writer.write(null, new IIOImage(image.toBufferedImage(), null, null), param);
        } finally {
            writer.dispose();
        }
    }

    private static RgbImage decode(byte[] data, String source, ImageReadOptions options) {
        if (data.length == 0) {
            throw new ImageException("cannot read image " + source + ": it is empty (0 bytes)");
        }
        ImageFormat format = ImageFormat.detect(data);
        if (format == null) {
            throw new ImageException("cannot read image " + source + ": unknown format (leading bytes " + hex(data, 8)
                    + "; reads JPEG, PNG, GIF, BMP, PNM and TIFF)");
        }
        String what = "cannot read " + format.imageIoName.toUpperCase(Locale.ROOT) + " image " + source + ": ";
        if (format == ImageFormat.JPEG && !Exif.jpegComplete(data)) {
            throw new ImageException(what + "truncated (no end-of-image marker after the image data)");
        }
        ImageReader reader = reader(format);
        if (reader == null) {
            throw new ImageException(what + "no ImageIO reader for " + format.imageIoName + " on the class path");
        }
        List<String> warnings = new ArrayList<>();
        BufferedImage decoded;
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(data))) {
            reader.setInput(in, true, true);
            reader.addIIOReadWarningListener((r, warning) -> warnings.add(warning));
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            if (width <= 0 || height <= 0) {
                throw new ImageException(what + "header gives an empty size " + width + "x" + height);
            }
            if ((long) width * height > options.maxPixels()) {
                throw new ImageException(what + "header gives " + width + "x" + height + " = " + (long) width * height
                        + " pixels, more than the limit of " + options.maxPixels() + " (ImageReadOptions.maxPixels)");
            }
            decoded = reader.read(0);
        } catch (ImageException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // RuntimeException: decoders throw IndexOutOfBounds, IllegalArgument, NegativeArraySize on malformed data.
            throw new ImageException(what + describe(e), e);
        } catch (OutOfMemoryError e) {
            throw new ImageException(what + "not enough memory to decode it (raise -Xmx or lower maxPixels)", e);
        } finally {
            reader.dispose();
        }
        for (String warning : warnings) {
            if (warning != null && TRUNCATION_WARNING.matcher(warning).matches()) {
                throw new ImageException(what + "truncated or corrupt (" + warning + ")");
            }
        }
        RgbImage image;
        try {
            image = RgbImage.fromBufferedImage(decoded);
        } catch (OutOfMemoryError e) {
            throw new ImageException(what + "not enough memory to convert it (raise -Xmx or lower maxPixels)", e);
        }
        return options.applyExifOrientation() ? image.orient(Exif.orientation(data, format)) : image;
    }

    /** Prefers TwelveMonkeys (CMYK/YCCK JPEG, broken ICC profiles) over the JDK reader when both are registered. */
    private static ImageReader reader(ImageFormat format) {
        ImageReader chosen = null;
        for (Iterator<ImageReader> it = ImageIO.getImageReadersByFormatName(format.imageIoName); it.hasNext(); ) {
            ImageReader candidate = it.next();
            if (chosen == null || candidate.getClass().getName().startsWith("com.twelvemonkeys.")
                    && !chosen.getClass().getName().startsWith("com.twelvemonkeys.")) {
                chosen = candidate;
            }
        }
        return chosen;
    }

    /** The exception and its causes in one line, e.g. "Error reading PNG image data (EOFException: Unexpected end)". */
    private static String describe(Throwable e) {
        StringBuilder text = new StringBuilder();
        Throwable t = e;
        for (int depth = 0; t != null && depth < 5; t = t.getCause(), depth++) {
            if (t instanceof EOFException) {
                text.append("truncated (unexpected end of data): ");
                break;
            }
        }
        text.append(message(e));
        int depth = 0;
        for (Throwable cause = e.getCause(); cause != null && depth < 4; cause = cause.getCause(), depth++) {
            text.append(" (").append(message(cause)).append(')');
        }
        return text.toString();
    }

    private static String message(Throwable e) {
        String name = e.getClass().getSimpleName();
        return e.getMessage() == null ? name : name + ": " + e.getMessage();
    }

    private static String hex(byte[] data, int n) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < Math.min(n, data.length); i++) {
            text.append(i == 0 ? "" : " ").append(String.format("%02x", data[i] & 0xFF));
        }
        return text.toString();
    }

    private static void requireOptions(ImageReadOptions options) {
        if (options == null) {
            throw new IllegalArgumentException("options must not be null");
        }
    }
}
