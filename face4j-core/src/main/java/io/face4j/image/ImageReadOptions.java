package io.face4j.image;

/**
 * Options for {@link Images#read}. Immutable; thread-safe.
 *
 * @param maxPixels images whose header claims more than width*height pixels are refused before decoding
 * @param applyExifOrientation rotate/flip by the EXIF orientation tag (JPEG APP1, PNG eXIf, TIFF) so the image is
 *     upright as viewers show it
 */
public record ImageReadOptions(long maxPixels, boolean applyExifOrientation) {
    /** 100 megapixels: above any camera in common use, and its 300 MB of RGB still fits a default-sized heap. */
    public static final long DEFAULT_MAX_PIXELS = 100_000_000L;

    public ImageReadOptions {
        if (maxPixels <= 0) {
            throw new IllegalArgumentException("maxPixels must be positive, got " + maxPixels);
        }
    }

    /** maxPixels 100 MP, EXIF orientation applied. */
    public static ImageReadOptions defaults() {
        return new ImageReadOptions(DEFAULT_MAX_PIXELS, true);
    }

    public ImageReadOptions withMaxPixels(long maxPixels) {
        return new ImageReadOptions(maxPixels, applyExifOrientation);
    }

    public ImageReadOptions withApplyExifOrientation(boolean applyExifOrientation) {
        return new ImageReadOptions(maxPixels, applyExifOrientation);
    }
}
