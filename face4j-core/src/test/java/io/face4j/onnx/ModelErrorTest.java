package io.face4j.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.face4j.onnx.tflite.TfliteImporter;

/** The importer's and the model wrapper's failures name what is wrong. */
class ModelErrorTest {

    @Test
    void unsupportedOperatorIsNamedWithItsIndex() {
        byte[] bytes = TfliteEquivalenceTest.resource(ShippedModel.RNET).clone();
        // Patch the OperatorCode of EXP (47) into SIN (66): the op table is found by walking the flatbuffer by hand
        // (root -> Model field 1 operator_codes -> each OperatorCode's builtin code fields 0 and 3).
        int patched = patchBuiltin(bytes, 47, 66);
        assertTrue(patched > 0, "rnet.tflite has an EXP operator code");
        ModelException e = assertThrows(ModelException.class, () -> TfliteImporter.convert(bytes, "rnet-patched.tflite"));
        assertTrue(e.getMessage().contains("rnet-patched.tflite"), e.getMessage());
        assertTrue(e.getMessage().contains("SIN"), e.getMessage());
        assertTrue(e.getMessage().contains("builtin code 66"), e.getMessage());
        assertTrue(e.getMessage().matches("(?s).*operator \\d+ .*"), e.getMessage());
    }

    @Test
    void truncatedFileFailsWithTheOffset() {
        byte[] full = TfliteEquivalenceTest.resource(ShippedModel.PNET);
        for (int length : new int[] {0, 7, 100, full.length / 2, full.length - 1000}) {
            byte[] cut = Arrays.copyOf(full, length);
            ModelException e = assertThrows(ModelException.class, () -> TfliteImporter.convert(cut, "pnet-cut.tflite"),
                    "truncated to " + length + " bytes");
            assertTrue(e.getMessage().startsWith("pnet-cut.tflite: "), e.getMessage());
            if (length >= 8) {
                assertTrue(e.getMessage().contains("offset"), e.getMessage());
            }
        }
    }

    @Test
    void corruptOffsetsFailCleanly() {
        byte[] bytes = TfliteEquivalenceTest.resource(ShippedModel.ONET).clone();
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(0, 0x7fff0000); // root offset past the end
        ModelException e = assertThrows(ModelException.class, () -> TfliteImporter.convert(bytes, "onet-bad.tflite"));
        assertTrue(e.getMessage().contains("offset"), e.getMessage());
    }

    @Test
    void notATfliteFile() {
        byte[] bytes = "this is definitely not a model".getBytes();
        ModelException e = assertThrows(ModelException.class, () -> TfliteImporter.convert(bytes, "notes.txt"));
        assertTrue(e.getMessage().contains("TFL3"), e.getMessage());
    }

    @Test
    void wrongSignatureNamesBothShapesAndTheModel() {
        try (OnnxModel model = OnnxModel.load(ShippedModel.MOBILEFACENET, OnnxOptions.defaults())) {
            model.requireInput(0, -1, 112, 112, 3); // fits
            model.requireInput(0, 8, 112, 112, 3); // a fixed batch fits the symbolic one
            ModelException e = assertThrows(ModelException.class, () -> model.requireInput(0, -1, 160, 160, 3));
            assertTrue(e.getMessage().contains("MobileFaceNet.tflite"), e.getMessage());
            assertTrue(e.getMessage().contains("[-1, 112, 112, 3]"), e.getMessage());
            assertTrue(e.getMessage().contains("[-1, 160, 160, 3]"), e.getMessage());
            assertThrows(ModelException.class, () -> model.requireInput(0, -1, 112, 112));
            assertThrows(ModelException.class, () -> model.requireInput(1, -1, 112, 112, 3));
            assertThrows(ModelException.class, () -> model.requireOutput(0, -1, 128));
            assertThrows(IllegalArgumentException.class, () -> model.run(FloatTensor.of(new float[3], 3), FloatTensor.of(new float[3], 3)));
            ModelException run = assertThrows(ModelException.class, () -> model.run(FloatTensor.of(new float[3], 1, 1, 1, 3)));
            assertTrue(run.getMessage().contains("[1, 1, 1, 3]"), run.getMessage());
        }
    }

    @Test
    void closedModelRefusesToRun() {
        OnnxModel model = OnnxModel.load(ShippedModel.RNET, OnnxOptions.defaults());
        model.close();
        model.close(); // idempotent
        assertThrows(IllegalStateException.class, () -> model.run(FloatTensor.of(new float[24 * 24 * 3], 1, 24, 24, 3)));
    }

    @Test
    void misuseThrowsIllegalArgument() {
        assertThrows(IllegalArgumentException.class, () -> OnnxModel.load((Path) null, OnnxOptions.defaults()));
        assertThrows(IllegalArgumentException.class, () -> OnnxModel.load(ShippedModel.PNET, null));
        assertThrows(IllegalArgumentException.class, () -> OnnxOptions.defaults().withIntraOpThreads(-1));
        assertThrows(IllegalArgumentException.class, () -> TfliteImporter.convert((byte[]) null, "x"));
    }

    @Test
    void loadsTfliteAndOnnxFilesByPath(@TempDir Path dir) throws Exception {
        Path tflite = dir.resolve("rnet.tflite");
        Files.write(tflite, TfliteEquivalenceTest.resource(ShippedModel.RNET));
        Path onnx = dir.resolve("rnet.onnx");
        TfliteImporter.convert(tflite, onnx);
        FloatTensor input = TfliteEquivalenceTest.random(new java.util.Random(3), 1f, 2, 24, 24, 3);
        try (OnnxModel a = OnnxModel.load(tflite, OnnxOptions.defaults()); OnnxModel b = OnnxModel.load(onnx, OnnxOptions.defaults())) {
            assertEquals("rnet.tflite", a.name());
            assertEquals("rnet.onnx", b.name());
            var x = a.run(input);
            var y = b.run(input);
            for (int i = 0; i < x.size(); i++) {
                assertEquals(0.0, TfliteEquivalenceTest.maxAbsDiff(x.get(i).data(), y.get(i).data()));
            }
        }
        Path garbage = dir.resolve("garbage.onnx");
        Files.write(garbage, new byte[] {1, 2, 3, 4, 5});
        ModelException e = assertThrows(ModelException.class, () -> OnnxModel.load(garbage, OnnxOptions.defaults()));
        assertTrue(e.getMessage().startsWith("garbage.onnx: "), e.getMessage());
    }

    /** Rewrites every OperatorCode whose builtin code is {@code from} into {@code to}; returns how many. */
    static int patchBuiltin(byte[] bytes, int from, int to) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int model = b.getInt(0);
        int codes = ref(b, model, 1);
        int n = b.getInt(codes);
        int count = 0;
        for (int i = 0; i < n; i++) {
            int at = codes + 4 + 4 * i;
            int code = at + b.getInt(at);
            int f0 = field(b, code, 0);
            int f3 = field(b, code, 3);
            boolean hit = (f0 >= 0 && b.get(f0) == from) || (f3 >= 0 && b.getInt(f3) == from);
            if (hit) {
                if (f0 >= 0) {
                    b.put(f0, (byte) to);
                }
                if (f3 >= 0) {
                    b.putInt(f3, to);
                }
                count++;
            }
        }
        return count;
    }

    private static int field(ByteBuffer b, int table, int id) {
        int vtable = table - b.getInt(table);
        int size = b.getShort(vtable);
        if (4 + 2 * id >= size) {
            return -1;
        }
        int rel = b.getShort(vtable + 4 + 2 * id);
        return rel == 0 ? -1 : table + rel;
    }

    private static int ref(ByteBuffer b, int table, int id) {
        int at = field(b, table, id);
        return at + b.getInt(at);
    }
}
