package io.face4j.liveness.temporal;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.face4j.geometry.Landmarks;
import io.face4j.geometry.Point;

/**
 * Five facial landmarks in 3-D (millimetres; x to the image's right, y down, z towards the camera) seen by a pinhole
 * camera, for unit tests of the temporal check without a detector. Rough adult proportions: eyes 64 mm apart, nose tip
 * 25 mm in front of them, mouth corners 50 mm apart and 70 mm below the eyes; the head turns about a point 90 mm behind
 * the eyes. Stateless; thread-safe.
 */
public final class HeadModel {
    static final double[][] POINTS = {{-32, 0, 0}, {32, 0, 0}, {0, 38, 25}, {-25, 70, -3}, {25, 70, -3}};
    private static final double FOCAL = 600;
    private static final double DISTANCE = 500;

    private HeadModel() {
    }

    /** The landmarks with the head turned (yaw), nodded (pitch) and rolled by the given radians, then shifted. */
    public static Landmarks head(double yaw, double pitch, double roll, double dx, double dy, Random noise, double sigma) {
        List<Point> out = new ArrayList<>(5);
        for (double[] p : POINTS) {
            double[] q = rotate(new double[] {p[0], p[1] - 35, p[2] + 90}, yaw, pitch, roll);
            out.add(project(q[0] + dx, q[1] + 35 + dy, q[2] - 90, noise, sigma));
        }
        return new Landmarks(out);
    }

    /** The frontal landmarks printed on a flat card, the card tilted by the given radians about its centre, then shifted. */
    public static Landmarks photo(double yaw, double pitch, double roll, double dx, double dy, Random noise, double sigma) {
        List<Point> out = new ArrayList<>(5);
        for (double[] p : POINTS) {
            // the card carries the frontal image: the points' x and y at depth 0
            double[] q = rotate(new double[] {p[0], p[1] - 35, 0}, yaw, pitch, roll);
            out.add(project(q[0] + dx, q[1] + 35 + dy, q[2], noise, sigma));
        }
        return new Landmarks(out);
    }

    private static Point project(double x, double y, double z, Random noise, double sigma) {
        double depth = DISTANCE - z;
        return new Point(320 + FOCAL * x / depth + sigma * noise.nextGaussian(), 240 + FOCAL * y / depth + sigma * noise.nextGaussian());
    }

    /** R = Rz(roll) Ry(yaw) Rx(pitch) applied to p. */
    private static double[] rotate(double[] p, double yaw, double pitch, double roll) {
        double y1 = p[1] * Math.cos(pitch) - p[2] * Math.sin(pitch);
        double z1 = p[1] * Math.sin(pitch) + p[2] * Math.cos(pitch);
        double x2 = p[0] * Math.cos(yaw) + z1 * Math.sin(yaw);
        double z2 = -p[0] * Math.sin(yaw) + z1 * Math.cos(yaw);
        double x3 = x2 * Math.cos(roll) - y1 * Math.sin(roll);
        double y3 = x2 * Math.sin(roll) + y1 * Math.cos(roll);
        return new double[] {x3, y3, z2};
    }
}
