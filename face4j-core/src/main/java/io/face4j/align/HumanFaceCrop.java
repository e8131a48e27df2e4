package io.face4j.align;

import java.util.List;

import io.face4j.geometry.Box;
import io.face4j.image.RgbImage;
import io.face4j.onnx.FloatTensor;

/**
 * The face crop the Human library (vladmandic/human 3.0.x) feeds its antispoof (128x128) and liveness (32x32) models,
 * reproduced from its sources (see MODELS.md, "Human antispoof and liveness"):
 * <ol>
 * <li>the detector's face box is enlarged 1.4 times about its centre ({@code faceBoxScaleFactor} in
 * {@code src/face/blazeface.ts}) and made square on its longer side with integer corners ({@code squarifyBox});</li>
 * <li>that square is cut from the RGB image and resized to the face-mesh input, 192x192, by
 * {@code tf.image.cropAndResize} (bilinear, corner-aligned, 0 outside the image), then divided by 255
 * ({@code cutAndResize} in {@code src/face/facemeshutil.ts});</li>
 * <li>that 192x192 face is resized to the model's input by {@code tf.image.resizeBilinear} without align-corners or
 * half-pixel centres ({@code src/face/antispoof.ts}, {@code liveness.ts}).</li>
 * </ol>
 * Channels stay R,G,B; values are in [0, 1]. Human's box comes from BlazeFace; with another detector (MTCNN) the box
 * is comparable but not identical. Stateless and thread-safe.
 */
public final class HumanFaceCrop {
    /** {@code faceBoxScaleFactor} in Human's src/face/blazeface.ts. */
    public static final double ENLARGE = 1.4;
    /** The face-mesh model's input size (Human's models/facemesh.json signature), the intermediate crop size. */
    public static final int MESH_SIZE = 192;
    /** Input size of Human's antispoof model (models/antispoof.json signature). */
    public static final int ANTISPOOF_SIZE = 128;
    /** Input size of Human's liveness model (models/liveness.json signature). */
    public static final int LIVENESS_SIZE = 32;

    private HumanFaceCrop() {
    }

    /** The square Human cuts for a face box: 1.4 times the box about its centre, square on the longer side, corners rounded. */
    public static Box cropBox(Box face) {
        if (face == null) {
            throw new IllegalArgumentException("face must not be null");
        }
        double cx = (face.x1() + face.x2()) / 2;
        double cy = (face.y1() + face.y2()) / 2;
        double half = Math.max(face.width(), face.height()) * ENLARGE / 2;
        // squarifyBox: Math.round of each corner (JS Math.round rounds .5 up, as Math.floor(v + 0.5))
        return new Box(Math.floor(cx - half + 0.5), Math.floor(cy - half + 0.5), Math.floor(cx + half + 0.5),
                Math.floor(cy + half + 0.5));
    }

    /** The antispoof model's input for these faces: [N, 128, 128, 3], RGB in [0, 1]. */
    public static FloatTensor antispoofInput(RgbImage image, List<Box> faces) {
        return input(image, faces, ANTISPOOF_SIZE);
    }

    /** The liveness model's input for these faces: [N, 32, 32, 3], RGB in [0, 1]. */
    public static FloatTensor livenessInput(RgbImage image, List<Box> faces) {
        return input(image, faces, LIVENESS_SIZE);
    }

    /** Human's two-step crop for each face box (detector boxes, not yet enlarged), resized to {@code size}. */
    public static FloatTensor input(RgbImage image, List<Box> faces, int size) {
        if (image == null) {
            throw new IllegalArgumentException("image must not be null");
        }
        if (faces == null || faces.isEmpty()) {
            throw new IllegalArgumentException("faces must hold at least one box");
        }
        if (size < 1) {
            throw new IllegalArgumentException("size must be >= 1, got " + size);
        }
        int item = size * size * 3;
        float[] out = new float[faces.size() * item];
        for (int i = 0; i < faces.size(); i++) {
            float[] mesh = cropAndResize(image, cropBox(faces.get(i)), MESH_SIZE);
            resizeBilinearLegacy(mesh, MESH_SIZE, size, out, i * item);
        }
        return FloatTensor.of(out, faces.size(), size, size, 3);
    }

    /**
     * tf.image.cropAndResize of one box given in pixels, as Human passes it (corners divided by the image size):
     * sample y = y1/H * (H-1) + i * (y2-y1)/H * (H-1) / (size-1), bilinear between the neighbouring pixels, 0 outside
     * [0, H-1]; likewise x. Returns size x size x 3 floats, pixel / 255.
     */
    static float[] cropAndResize(RgbImage image, Box box, int size) {
        int w = image.width();
        int h = image.height();
        byte[] rgb = image.toRgbBytes();
        float[] out = new float[size * size * 3];
        double y1 = box.y1() / h;
        double y2 = box.y2() / h;
        double x1 = box.x1() / w;
        double x2 = box.x2() / w;
        double yScale = size > 1 ? (y2 - y1) * (h - 1) / (size - 1) : 0;
        double xScale = size > 1 ? (x2 - x1) * (w - 1) / (size - 1) : 0;
        for (int i = 0; i < size; i++) {
            double inY = size > 1 ? y1 * (h - 1) + i * yScale : 0.5 * (y1 + y2) * (h - 1);
            if (inY < 0 || inY > h - 1) {
                continue; // extrapolation value 0
            }
            int top = (int) Math.floor(inY);
            int bottom = (int) Math.ceil(inY);
            double dy = inY - top;
            for (int j = 0; j < size; j++) {
                double inX = size > 1 ? x1 * (w - 1) + j * xScale : 0.5 * (x1 + x2) * (w - 1);
                if (inX < 0 || inX > w - 1) {
                    continue;
                }
                int left = (int) Math.floor(inX);
                int right = (int) Math.ceil(inX);
                double dx = inX - left;
                for (int c = 0; c < 3; c++) {
                    double tl = rgb[(top * w + left) * 3 + c] & 0xFF;
                    double tr = rgb[(top * w + right) * 3 + c] & 0xFF;
                    double bl = rgb[(bottom * w + left) * 3 + c] & 0xFF;
                    double br = rgb[(bottom * w + right) * 3 + c] & 0xFF;
                    double t = tl + (tr - tl) * dx;
                    double b = bl + (br - bl) * dx;
                    out[(i * size + j) * 3 + c] = (float) ((t + (b - t) * dy) / 255.0);
                }
            }
        }
        return out;
    }

    /**
     * tf.image.resizeBilinear(alignCorners = false, halfPixelCenters = false) of a square float image: source
     * coordinate = destination * in / out, bilinear with the next pixel clamped to the edge.
     */
    static void resizeBilinearLegacy(float[] src, int in, int size, float[] dst, int offset) {
        double scale = (double) in / size;
        for (int y = 0; y < size; y++) {
            double sy = y * scale;
            int y0 = (int) Math.floor(sy);
            int y1 = Math.min(y0 + 1, in - 1);
            double dy = sy - y0;
            for (int x = 0; x < size; x++) {
                double sx = x * scale;
                int x0 = (int) Math.floor(sx);
                int x1 = Math.min(x0 + 1, in - 1);
                double dx = sx - x0;
                for (int c = 0; c < 3; c++) {
                    double tl = src[(y0 * in + x0) * 3 + c];
                    double tr = src[(y0 * in + x1) * 3 + c];
                    double bl = src[(y1 * in + x0) * 3 + c];
                    double br = src[(y1 * in + x1) * 3 + c];
                    double t = tl + (tr - tl) * dx;
                    double b = bl + (br - bl) * dx;
                    dst[offset + (y * size + x) * 3 + c] = (float) (t + (b - t) * dy);
                }
            }
        }
    }
}
