package io.face4j.onnx.tfjs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import io.face4j.testing.Datasets;

/**
 * Not a test: writes the real-face inputs for {@code src/test/node/tfjs-reference.mjs} when run with
 * {@code -Dface4j.tfjsInputs=DIR} (see src/test/node/README.md). Skipped otherwise.
 */
class TfjsReferenceInputsWriter {

    @Test
    @EnabledIfSystemProperty(named = "face4j.tfjsInputs", matches = ".+")
    void writeFaceInputs() throws IOException {
        Path out = Path.of(System.getProperty("face4j.tfjsInputs"));
        Files.createDirectories(out);
        Path faces = Datasets.require(TfjsReference.FACES_DATASET);
        for (String model : new String[] {"antispoof", "liveness"}) {
            float[] data = TfjsReference.faces(faces, model);
            Files.write(out.resolve("faces-" + model + ".f32"), TfjsReference.littleEndian(data));
            System.out.println("wrote " + out.resolve("faces-" + model + ".f32") + " sha256 " + TfjsReference.sha256(data));
        }
    }
}
