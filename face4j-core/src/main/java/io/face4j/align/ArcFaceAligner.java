package io.face4j.align;

import java.util.Objects;

import io.face4j.detect.Detection;
import io.face4j.geometry.AffineTransform;
import io.face4j.geometry.AffineWarp;
import io.face4j.geometry.Landmarks;
import io.face4j.geometry.Point;
import io.face4j.image.RgbImage;

/**
 * Warps a face so that its five landmarks land on the ArcFace template: the least-squares similarity transform
 * (Umeyama) from the detected landmarks to the template, then a bilinear warp with a black border. For other output
 * sizes the 112x112 template is scaled by size / 112. Immutable; thread-safe.
 */
public final class ArcFaceAligner implements FaceAligner {
    /** The size the template is defined for. */
    public static final int TEMPLATE_SIZE = 112;

    /**
     * The standard ArcFace 112x112 template (insightface {@code arcface_dst}, from the InsightFace recognition
     * training data alignment): left eye, right eye, nose, left and right mouth corners.
     */
    public static final Landmarks TEMPLATE_112 = Landmarks.of(
            new Point(38.2946, 51.6963),
            new Point(73.5318, 51.5014),
            new Point(56.0252, 71.7366),
            new Point(41.5493, 92.3655),
            new Point(70.7299, 92.2041));

    private final int size;
    private final Landmarks template;

    /** The usual 112x112 aligner. */
    public ArcFaceAligner() {
        this(TEMPLATE_SIZE);
    }

    public ArcFaceAligner(int size) {
        if (size <= 0) {
            throw new IllegalArgumentException("size must be > 0, got " + size);
        }
        this.size = size;
        this.template = TEMPLATE_112.scale(size / (double) TEMPLATE_SIZE);
    }

    @Override
    public int size() {
        return size;
    }

    /** The template at this aligner's size. */
    public Landmarks template() {
        return template;
    }

    /** The map from source-image pixels to output pixels for these landmarks. */
    public AffineTransform transform(Landmarks landmarks) {
        Objects.requireNonNull(landmarks, "landmarks");
        return AffineTransform.similarity(landmarks.points(), template.points());
    }

    @Override
    public RgbImage align(RgbImage image, Detection detection) {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(detection, "detection");
        if (detection.landmarks() == null) {
            throw new IllegalArgumentException("detection has no landmarks; ArcFaceAligner needs the five points");
        }
        return align(image, detection.landmarks());
    }

    /** The aligned crop for these landmarks. */
    public RgbImage align(RgbImage image, Landmarks landmarks) {
        Objects.requireNonNull(image, "image");
        return AffineWarp.warp(image, transform(landmarks), size);
    }

    @Override
    public String toString() {
        return "ArcFaceAligner[size=" + size + "]";
    }
}
