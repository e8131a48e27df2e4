package io.face4j;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.face4j.geometry.Box;
import io.face4j.image.RgbImage;
import io.face4j.quality.FaceQuality;
import io.face4j.quality.QualityEstimator;

/**
 * Finds faces with a fallback for tight crops: when MTCNN finds no face, the image is padded with black by a quarter
 * of its longer side on every side and searched again (a face that fills the frame leaves MTCNN's proposal network no
 * context; the faceapi-bbt 150x150 crops and glint's 112x112 crops need it). Boxes and landmarks of faces found that
 * way are moved back into the original image's coordinates. The analyzer's lighting handling applies to both
 * searches, with darkness judged on the unpadded image (the black border would make every padded image look dark).
 * Thread-safe when the analyzer is.
 */
public final class FaceFinder {
    /** 1/4 of the longer side: the padding the dev-lfw pipeline test measured to recover the tight BBT crops. */
    public static final double PAD_FRACTION = 0.25;

    private final FaceAnalyzer analyzer;

    public FaceFinder(FaceAnalyzer analyzer) {
        this.analyzer = analyzer;
    }

    /** Every face (with embedding), most confident first; empty only when the padded image has none either. */
    public List<Face> find(RgbImage image) {
        List<Face> faces = analyzer.analyze(image, 0, true);
        if (!faces.isEmpty()) {
            return faces;
        }
        int pad = (int) Math.round(Math.max(image.width(), image.height()) * PAD_FRACTION);
        List<Face> shifted = new ArrayList<>();
        for (Face f : analyzer.analyze(image, pad, true)) {
            Box box = f.box().translate(-pad, -pad);
            // the padded copy holds the whole box; what counts for a partial face is the original image's border
            FaceQuality q = f.quality();
            FaceQuality quality = new FaceQuality(q.interOcularPx(), q.boxSidePx(), q.sharpness(), q.brightness(),
                    q.contrast(), q.yawDegrees(), q.rollDegrees(), QualityEstimator.visibleFraction(box, image.width(), image.height()));
            shifted.add(new Face(box, f.score(), f.landmarks().translate(-pad, -pad), f.aligned(), f.embedding(), quality));
        }
        return List.copyOf(shifted);
    }

    /** The face a single-subject photo is about ({@link FaceAnalyzer#primaryFace}). */
    public Optional<Face> primary(RgbImage image) {
        return FaceAnalyzer.primaryFace(find(image), image.width(), image.height());
    }

    /** The largest face by box area; {@code faces} must not be empty. */
    public static Face largest(List<Face> faces) {
        Face best = faces.get(0);
        for (Face f : faces) {
            if (f.box().area() > best.box().area()) {
                best = f;
            }
        }
        return best;
    }
}
