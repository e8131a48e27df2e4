package io.face4j.detect.mtcnn;

import java.util.Objects;

import io.face4j.detect.FaceSelection;

/**
 * MTCNN settings. The defaults are facenet-pytorch's, which are those of the MTCNN paper's reference code
 * (Zhang et al. 2016, "Joint Face Detection and Alignment using Multi-task Cascaded Convolutional Networks").
 * Immutable; thread-safe. Change a value with a wither: {@code MtcnnOptions.defaults().withMinFaceSize(40)}.
 *
 * @param minFaceSize       smallest face side searched for, in source pixels (>= 12: PNet's window)
 * @param pyramidFactor     ratio between successive pyramid scales, in (0, 1)
 * @param proposalThreshold PNet face probability to keep a window (>=)
 * @param refineThreshold   RNet face probability to keep a candidate (>)
 * @param outputThreshold   ONet face probability to keep a face (>)
 * @param proposalScaleNms  IoU above which PNet windows of one scale are merged
 * @param proposalNms       IoU above which PNet windows of all scales are merged
 * @param refineNms         IoU above which RNet candidates are merged
 * @param outputNms         overlap (intersection over the smaller box) above which ONet faces are merged
 * @param cropEdges         how RNet/ONet crops treat box parts outside the image
 * @param selection         which faces {@code detect} returns
 */
public record MtcnnOptions(int minFaceSize, double pyramidFactor,
                           double proposalThreshold, double refineThreshold, double outputThreshold,
                           double proposalScaleNms, double proposalNms, double refineNms, double outputNms,
                           CropEdges cropEdges, FaceSelection selection) {

    public MtcnnOptions {
        if (minFaceSize < 12) {
            throw new IllegalArgumentException("minFaceSize must be >= 12 (PNet's 12-pixel window), got " + minFaceSize);
        }
        if (!(pyramidFactor > 0 && pyramidFactor < 1)) {
            throw new IllegalArgumentException("pyramidFactor must be in (0, 1), got " + pyramidFactor);
        }
        checkUnit("proposalThreshold", proposalThreshold);
        checkUnit("refineThreshold", refineThreshold);
        checkUnit("outputThreshold", outputThreshold);
        checkUnit("proposalScaleNms", proposalScaleNms);
        checkUnit("proposalNms", proposalNms);
        checkUnit("refineNms", refineNms);
        checkUnit("outputNms", outputNms);
        Objects.requireNonNull(cropEdges, "cropEdges");
        Objects.requireNonNull(selection, "selection");
    }

    public static MtcnnOptions defaults() {
        return new MtcnnOptions(
                20,            // facenet-pytorch min_face_size
                0.709,         // pyramid factor from the MTCNN reference code (about 1/sqrt(2): area halves per level)
                0.6, 0.7, 0.7, // facenet-pytorch / MTCNN reference thresholds for PNet, RNet, ONet
                0.5, 0.7,      // PNet NMS within a scale, then across scales (detect_face.py)
                0.7,           // RNet NMS
                0.7,           // ONet NMS, "Min" overlap
                CropEdges.ZERO_PAD, // the reference code's padding (facenet-pytorch clips: CropEdges.CLIP)
                FaceSelection.ALL);
    }

    public MtcnnOptions withMinFaceSize(int value) {
        return new MtcnnOptions(value, pyramidFactor, proposalThreshold, refineThreshold, outputThreshold,
                proposalScaleNms, proposalNms, refineNms, outputNms, cropEdges, selection);
    }

    public MtcnnOptions withPyramidFactor(double value) {
        return new MtcnnOptions(minFaceSize, value, proposalThreshold, refineThreshold, outputThreshold,
                proposalScaleNms, proposalNms, refineNms, outputNms, cropEdges, selection);
    }

    /** The three stage thresholds (PNet, RNet, ONet) at once. */
    public MtcnnOptions withThresholds(double proposal, double refine, double output) {
        return new MtcnnOptions(minFaceSize, pyramidFactor, proposal, refine, output,
                proposalScaleNms, proposalNms, refineNms, outputNms, cropEdges, selection);
    }

    /** The four NMS thresholds (PNet per scale, PNet across scales, RNet, ONet) at once. */
    public MtcnnOptions withNmsThresholds(double proposalScale, double proposal, double refine, double output) {
        return new MtcnnOptions(minFaceSize, pyramidFactor, proposalThreshold, refineThreshold, outputThreshold,
                proposalScale, proposal, refine, output, cropEdges, selection);
    }

    public MtcnnOptions withSelection(FaceSelection value) {
        return new MtcnnOptions(minFaceSize, pyramidFactor, proposalThreshold, refineThreshold, outputThreshold,
                proposalScaleNms, proposalNms, refineNms, outputNms, cropEdges, value);
    }

    public MtcnnOptions withCropEdges(CropEdges value) {
        return new MtcnnOptions(minFaceSize, pyramidFactor, proposalThreshold, refineThreshold, outputThreshold,
                proposalScaleNms, proposalNms, refineNms, outputNms, value, selection);
    }

    private static void checkUnit(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1], got " + value);
        }
    }
}
