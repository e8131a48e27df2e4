package io.face4j.liveness.temporal;

import java.util.List;

import io.face4j.geometry.Homography;
import io.face4j.geometry.Landmarks;
import io.face4j.geometry.Point;

/**
 * The two numbers compared between two frames of one face. The five landmarks of a flat picture (a print moved,
 * tilted or slightly bent; a screen) are images of one plane, so a homography maps one frame's landmarks onto the
 * other's up to detector error. On a real head the nose tip sits 2-3 cm in front of the eye-mouth plane: when the head
 * turns or nods it moves off the position the plane predicts, and the residual grows with the rotation.
 * Stateless; thread-safe.
 */
public final class MotionParallax {
    private MotionParallax() {
    }

    /**
     * @param residual RMS distance, over the 5 landmarks, between {@code to} and {@code from} mapped by the best
     *                 homography (normalised DLT), in {@code to}'s inter-ocular distances; NaN if degenerate
     * @param motion   RMS landmark displacement after removing translation, in the same unit: rotation, scale and
     *                 deformation between the frames, the motion that exposes parallax when there is depth
     */
    public record Pair(double residual, double motion) {
    }

    public static Pair measure(Landmarks from, Landmarks to) {
        if (from == null || to == null) {
            throw new IllegalArgumentException("from and to must not be null");
        }
        double iod = to.interocularDistance();
        if (!(iod > 1e-6)) {
            return new Pair(Double.NaN, Double.NaN);
        }
        List<Point> a = from.points();
        List<Point> b = to.points();
        double residual;
        try {
            residual = Homography.fit(a, b).rmsError(a, b) / iod;
        } catch (IllegalArgumentException | IllegalStateException degenerate) {
            residual = Double.NaN;
        }
        return new Pair(residual, centredDisplacement(a, b) / iod);
    }

    private static double centredDisplacement(List<Point> a, List<Point> b) {
        double ax = 0, ay = 0, bx = 0, by = 0;
        for (int i = 0; i < a.size(); i++) {
            ax += a.get(i).x();
            ay += a.get(i).y();
            bx += b.get(i).x();
            by += b.get(i).y();
        }
        int n = a.size();
        ax /= n;
        ay /= n;
        bx /= n;
        by /= n;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double dx = (b.get(i).x() - bx) - (a.get(i).x() - ax);
            double dy = (b.get(i).y() - by) - (a.get(i).y() - ay);
            sum += dx * dx + dy * dy;
        }
        return Math.sqrt(sum / n);
    }
}
