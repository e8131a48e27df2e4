package io.face4j.detect.mtcnn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.face4j.detect.FaceSelection;
import io.face4j.image.RgbImage;
import io.face4j.onnx.ModelException;
import io.face4j.onnx.OnnxModel;
import io.face4j.onnx.OnnxOptions;
import io.face4j.onnx.ShippedModel;
import io.face4j.testing.Datasets;

class MtcnnDetectorTest {

    @Test
    void imageSmallerThanTheMinimumFaceGivesNoFaces() {
        try (var detector = MtcnnDetector.create(MtcnnOptions.defaults().withMinFaceSize(40))) {
            assertEquals(List.of(), detector.detect(RgbImage.of(30, 50, new byte[30 * 50 * 3])));
            assertEquals(List.of(), detector.detect(RgbImage.of(1, 1, new byte[3])));
        }
    }

    @Test
    void wrongModelsAreRejectedWithTheirShapes() {
        OnnxModel rnet = OnnxModel.load(ShippedModel.RNET, OnnxOptions.defaults());
        OnnxModel rnet2 = OnnxModel.load(ShippedModel.RNET, OnnxOptions.defaults());
        OnnxModel onet = OnnxModel.load(ShippedModel.ONET, OnnxOptions.defaults());
        try (rnet; rnet2; onet) {
            // RNet where ONet belongs: 24x24 input and no landmark output
            var e = assertThrows(ModelException.class, () -> new MtcnnDetector(rnet, rnet2, rnet, MtcnnOptions.defaults()));
            assertTrue(e.getMessage().contains("24"), e.getMessage());
        }
    }

    @Test
    void selectionKeepsOneFace() {
        Path folder = Datasets.require("bench-frames-640x480");
        RgbImage frame = TestImages.read(folder.resolve("group_1_640x480.png"));
        try (var all = MtcnnDetector.create();
             var largest = MtcnnDetector.create(MtcnnOptions.defaults().withSelection(FaceSelection.LARGEST));
             var confident = MtcnnDetector.create(MtcnnOptions.defaults().withSelection(FaceSelection.MOST_CONFIDENT))) {
            var faces = all.detect(frame);
            assertTrue(faces.size() > 1, "group photo should have several faces");
            for (int i = 1; i < faces.size(); i++) {
                assertTrue(faces.get(i - 1).score() >= faces.get(i).score(), "ALL is most confident first");
            }
            var biggest = faces.stream().max(java.util.Comparator.comparingDouble(d -> d.box().area())).orElseThrow();
            assertEquals(List.of(biggest), largest.detect(frame));
            assertEquals(List.of(faces.get(0)), confident.detect(frame));
        }
    }

    @Test
    void optionsValidateAndWithersChangeOneValue() {
        MtcnnOptions d = MtcnnOptions.defaults();
        assertEquals(20, d.minFaceSize());
        assertEquals(0.709, d.pyramidFactor());
        assertEquals(40, d.withMinFaceSize(40).minFaceSize());
        assertEquals(d.refineThreshold(), d.withMinFaceSize(40).refineThreshold());
        assertEquals(0.8, d.withThresholds(0.6, 0.8, 0.9).refineThreshold());
        assertEquals(CropEdges.CLIP, d.withCropEdges(CropEdges.CLIP).cropEdges());
        var e = assertThrows(IllegalArgumentException.class, () -> d.withMinFaceSize(5));
        assertTrue(e.getMessage().contains("minFaceSize"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> d.withPyramidFactor(1.2));
        assertTrue(e.getMessage().contains("pyramidFactor"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> d.withThresholds(0.6, 1.7, 0.7));
        assertTrue(e.getMessage().contains("refineThreshold"), e.getMessage());
    }
}
