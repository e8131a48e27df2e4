package io.face4j.liveness.temporal;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.face4j.geometry.Homography;
import io.face4j.geometry.Landmarks;
import io.face4j.geometry.Point;
import io.face4j.image.RgbImage;

/**
 * Synthetic presentation attacks: a single photo printed and waved in front of a camera. The photo is a plane in 3-D
 * that translates, rolls, tilts about both image axes and moves nearer and further along a seeded random smooth path
 * (a sum of two sinusoids per parameter); a pinhole camera renders each frame by perspective warp onto a textured
 * grey background, with mild Gaussian noise and, on some frames, a 3x3 blur (camera defocus and motion). The only
 * motion is planar, so a homography explains the face's landmarks in every frame up to detector error.
 * Stateless; thread-safe.
 */
public final class PlanarClips {
    /** Frame size of the rendered clips (VGA, like a webcam). */
    public static final int WIDTH = 640;
    public static final int HEIGHT = 480;
    /** 30 fps, as most webcams. */
    public static final long FRAME_MICROS = 33_333;

    private PlanarClips() {
    }

    /** One rendered frame and the photo-to-frame homography that made it. */
    public record Frame(RgbImage image, Homography photoToFrame, long micros) {
    }

    /**
     * {@code frames} consecutive 30 fps frames of {@code photo} moving as a plane, the face (its landmarks in the photo)
     * held near the frame's centre; the same seed gives the same clip.
     */
    public static List<Frame> render(RgbImage photo, Landmarks face, long seed, int frames) {
        return render(photo, face, seed, frames, 1);
    }

    /**
     * Every {@code step}-th of {@code frames} 30 fps frames (as a video analyzer that detects on every 3rd frame sees
     * them, with step 3). When facing the camera the face has 35..75 px between the eyes (a print held at a webcam
     * at 30-60 cm; the Hamilton stage shots have 30-40 px).
     */
    public static List<Frame> render(RgbImage photo, Landmarks face, long seed, int frames, int step) {
        if (photo == null || face == null || frames < 1 || step < 1) {
            throw new IllegalArgumentException("photo and face must not be null, frames and step must be >= 1");
        }
        Random random = new Random(seed);
        // focal length about the frame width: a 53 degree horizontal field of view, a common webcam
        double focal = WIDTH;
        double magnification = (35 + 40 * random.nextDouble()) / Math.max(face.interocularDistance(), 1);
        double distance = focal / magnification;
        Point centre = face.bounds().centre();
        Path yaw = Path.random(random, Math.toRadians(12 + 23 * random.nextDouble()));
        Path pitch = Path.random(random, Math.toRadians(8 + 17 * random.nextDouble()));
        Path roll = Path.random(random, Math.toRadians(5 + 10 * random.nextDouble()));
        Path dx = Path.random(random, 0.1 * distance);
        Path dy = Path.random(random, 0.07 * distance);
        Path dz = Path.random(random, 0.15 * distance);
        RgbImage background = background(random);
        double noise = 1.5 + 2.5 * random.nextDouble();
        List<Frame> out = new ArrayList<>(frames);
        for (int i = 0; i < frames; i += step) {
            double t = i * FRAME_MICROS / 1e6;
            Homography h = photoToFrame(centre, focal, distance + dz.at(t), dx.at(t), dy.at(t), yaw.at(t), pitch.at(t), roll.at(t));
            RgbImage frame = warp(photo, h, background, noise, random.nextDouble() < 0.3, random);
            out.add(new Frame(frame, h, i * FRAME_MICROS));
        }
        return out;
    }

    /** A smooth random function of time: two sinusoids of 0.2..1.2 Hz with random phases, peak about {@code amplitude}. */
    private record Path(double a1, double f1, double p1, double a2, double f2, double p2) {
        static Path random(Random r, double amplitude) {
            double share = 0.5 + 0.4 * r.nextDouble();
            return new Path(amplitude * share, 0.2 + 0.6 * r.nextDouble(), 2 * Math.PI * r.nextDouble(),
                    amplitude * (1 - share), 0.5 + 0.7 * r.nextDouble(), 2 * Math.PI * r.nextDouble());
        }

        double at(double t) {
            return a1 * Math.sin(2 * Math.PI * f1 * t + p1) + a2 * Math.sin(2 * Math.PI * f2 * t + p2);
        }
    }

    /**
     * The photo's pixel (u, v) lies at R * (u - cu, v - cv, 0) + (tx, ty, z) in camera space, R = Rz(roll) Ry(yaw)
     * Rx(pitch); the camera projects (X, Y, Z) to (f X / Z + W/2, f Y / Z + H/2). So H = K [r1 r2 t] C with C the
     * shift to the centre (cu, cv) of the face.
     */
    static Homography photoToFrame(Point centre, double focal, double z, double tx, double ty,
                                   double yaw, double pitch, double roll) {
        double[] r = multiply(rz(roll), multiply(ry(yaw), rx(pitch)));
        double cu = centre.x();
        double cv = centre.y();
        double[] plane = {r[0], r[1], tx, r[3], r[4], ty, r[6], r[7], z};
        double[] k = {focal, 0, WIDTH / 2.0, 0, focal, HEIGHT / 2.0, 0, 0, 1};
        double[] c = {1, 0, -cu, 0, 1, -cv, 0, 0, 1};
        return new Homography(multiply(k, multiply(plane, c)));
    }

    /** Inverse-maps every frame pixel into the photo (bilinear); pixels off the photo show the background. */
    static RgbImage warp(RgbImage photo, Homography photoToFrame, RgbImage background, double noise, boolean blur, Random random) {
        double[] inv = photoToFrame.invert().h();
        byte[] src = photo.toRgbBytes();
        byte[] dst = background.toRgbBytes();
        int pw = photo.width();
        int ph = photo.height();
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                double w = inv[6] * x + inv[7] * y + inv[8];
                double u = (inv[0] * x + inv[1] * y + inv[2]) / w;
                double v = (inv[3] * x + inv[4] * y + inv[5]) / w;
                if (!(u >= 0 && v >= 0 && u <= pw - 1 && v <= ph - 1)) {
                    continue;
                }
                int u0 = Math.min((int) u, pw - 2);
                int v0 = Math.min((int) v, ph - 2);
                double fu = u - u0;
                double fv = v - v0;
                int o = (y * WIDTH + x) * 3;
                for (int ch = 0; ch < 3; ch++) {
                    double a = src[(v0 * pw + u0) * 3 + ch] & 0xFF;
                    double b = src[(v0 * pw + u0 + 1) * 3 + ch] & 0xFF;
                    double c = src[((v0 + 1) * pw + u0) * 3 + ch] & 0xFF;
                    double d = src[((v0 + 1) * pw + u0 + 1) * 3 + ch] & 0xFF;
                    double value = (a * (1 - fu) + b * fu) * (1 - fv) + (c * (1 - fu) + d * fu) * fv;
                    dst[o + ch] = (byte) Math.round(value);
                }
            }
        }
        if (blur) {
            dst = boxBlur(dst);
        }
        for (int i = 0; i < dst.length; i++) {
            double value = (dst[i] & 0xFF) + noise * random.nextGaussian();
            dst[i] = (byte) Math.max(0, Math.min(255, Math.round(value)));
        }
        return RgbImage.of(WIDTH, HEIGHT, dst);
    }

    /** A grey wall with soft random blobs, so the background is neither flat nor face-like. */
    private static RgbImage background(Random random) {
        byte[] rgb = new byte[WIDTH * HEIGHT * 3];
        double[][] blobs = new double[6][];
        for (int i = 0; i < blobs.length; i++) {
            blobs[i] = new double[] {random.nextDouble() * WIDTH, random.nextDouble() * HEIGHT, 60 + 120 * random.nextDouble(),
                    -40 + 80 * random.nextDouble()};
        }
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                double value = 128;
                for (double[] b : blobs) {
                    double d2 = ((x - b[0]) * (x - b[0]) + (y - b[1]) * (y - b[1])) / (b[2] * b[2]);
                    value += b[3] * Math.exp(-d2);
                }
                int o = (y * WIDTH + x) * 3;
                rgb[o] = (byte) Math.round(value);
                rgb[o + 1] = (byte) Math.round(value * 0.97);
                rgb[o + 2] = (byte) Math.round(value * 0.92);
            }
        }
        return RgbImage.of(WIDTH, HEIGHT, rgb);
    }

    private static byte[] boxBlur(byte[] src) {
        byte[] dst = src.clone();
        for (int y = 1; y < HEIGHT - 1; y++) {
            for (int x = 1; x < WIDTH - 1; x++) {
                for (int ch = 0; ch < 3; ch++) {
                    int sum = 0;
                    for (int dy = -1; dy <= 1; dy++) {
                        for (int dx = -1; dx <= 1; dx++) {
                            sum += src[((y + dy) * WIDTH + x + dx) * 3 + ch] & 0xFF;
                        }
                    }
                    dst[(y * WIDTH + x) * 3 + ch] = (byte) ((sum + 4) / 9);
                }
            }
        }
        return dst;
    }

    private static double[] rx(double a) {
        return new double[] {1, 0, 0, 0, Math.cos(a), -Math.sin(a), 0, Math.sin(a), Math.cos(a)};
    }

    private static double[] ry(double a) {
        return new double[] {Math.cos(a), 0, Math.sin(a), 0, 1, 0, -Math.sin(a), 0, Math.cos(a)};
    }

    private static double[] rz(double a) {
        return new double[] {Math.cos(a), -Math.sin(a), 0, Math.sin(a), Math.cos(a), 0, 0, 0, 1};
    }

    private static double[] multiply(double[] a, double[] b) {
        double[] c = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                c[i * 3 + j] = a[i * 3] * b[j] + a[i * 3 + 1] * b[3 + j] + a[i * 3 + 2] * b[6 + j];
            }
        }
        return c;
    }
}
