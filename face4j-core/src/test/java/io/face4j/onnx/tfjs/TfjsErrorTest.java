package io.face4j.onnx.tfjs;

import static io.face4j.onnx.tfjs.TinyTfjsGraph.ints;
import static io.face4j.onnx.tfjs.TinyTfjsGraph.str;
import static io.face4j.onnx.tfjs.TinyTfjsGraph.strs;
import static io.face4j.onnx.tfjs.TinyTfjsGraph.integer;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.face4j.onnx.ModelException;
import io.face4j.onnx.OnnxModel;
import io.face4j.onnx.OnnxOptions;
import io.face4j.onnx.ShippedModel;

/** Bad TFJS models fail with a ModelException naming the file, the node or weight, and the problem. */
class TfjsErrorTest {

    @Test
    void unsupportedOpNamesNodeAndOp() {
        TinyTfjsGraph t = new TinyTfjsGraph();
        t.input("x", -1, 4);
        t.op("gelu", "Erf", List.of("x"));
        ModelException e = assertThrows(ModelException.class, () -> TfjsImporter.convert(t.json("gelu"), t.shards(), "erf.json"));
        assertMessage(e, "erf.json: ", "node 'gelu'", "op 'Erf'", "not support");
    }

    @Test
    void unsupportedAttributesAreNamed() {
        ModelException nchw = assertThrows(ModelException.class, () -> convertConv(str("data_format", "NCHW"), str("padding", "SAME")));
        assertMessage(nchw, "conv.json: ", "node 'conv'", "data_format NCHW");
        ModelException pad = assertThrows(ModelException.class, () -> convertConv(str("padding", "REFLECT")));
        assertMessage(pad, "node 'conv'", "padding 'REFLECT'");
        ModelException elu = assertThrows(ModelException.class,
                () -> convertConv(str("padding", "SAME"), strs("fused_ops", "BiasAdd", "Elu"), integer("num_args", 1)));
        assertMessage(elu, "node 'conv'", "fused_ops [BiasAdd, Elu]");
        ModelException stride = assertThrows(ModelException.class,
                () -> convertConv(str("padding", "SAME"), ints("strides", 2, 1, 1, 1)));
        assertMessage(stride, "node 'conv'", "strides [2, 1, 1, 1]");
    }

    private static byte[] convertConv(String... attrs) {
        TinyTfjsGraph t = new TinyTfjsGraph();
        t.input("x", -1, 4, 4, 1);
        t.constant("f", new long[] {1, 1, 1, 1}, new float[] {1});
        t.constant("b", new long[] {1}, new float[] {0});
        List<String> in = Arrays.stream(attrs).anyMatch(a -> a.contains("num_args")) ? List.of("x", "f", "b") : List.of("x", "f");
        String[] all = Arrays.copyOf(attrs, attrs.length + 1);
        all[attrs.length] = Arrays.stream(attrs).anyMatch(a -> a.contains("\"strides\"")) ? "\"x\":{}" : ints("strides", 1, 1, 1, 1);
        t.op("conv", in.size() == 3 ? "_FusedConv2D" : "Conv2D", in, all);
        return TfjsImporter.convert(t.json("conv"), t.shards(), "conv.json");
    }

    @Test
    void unsupportedDtypesAreNamed() {
        byte[] json = shipped("antispoof.json");
        String text = new String(json, StandardCharsets.UTF_8);
        String boolWeight = text.replaceFirst("\"dtype\": ?\"int32\"", "\"dtype\": \"bool\"");
        ModelException w = assertThrows(ModelException.class, () -> TfjsImporter.convert(bytes(boolWeight), shippedShards(), "as.json"));
        assertMessage(w, "as.json: ", "weight 'StatefulPartitionedCall/sequential/flatten/Const'", "dtype 'bool'");
        String int8 = text.replaceFirst("\"dtype\": ?\"float16\"", "\"dtype\": \"int8\"");
        ModelException q = assertThrows(ModelException.class, () -> TfjsImporter.convert(bytes(int8), shippedShards(), "as.json"));
        assertMessage(q, "weight 'unknown'", "quantization dtype 'int8'");
        TinyTfjsGraph t = new TinyTfjsGraph();
        t.input("x", -1, 2);
        t.op("y", "Relu", List.of("x"));
        String ints = new String(t.json("y"), StandardCharsets.UTF_8).replace("{\"type\":\"DT_FLOAT\"},\"shape\"", "{\"type\":\"DT_INT32\"},\"shape\"");
        ModelException p = assertThrows(ModelException.class, () -> TfjsImporter.convert(bytes(ints), t.shards(), "int.json"));
        assertMessage(p, "int.json: ", "node 'x'", "DT_INT32");
    }

    @Test
    void truncatedMissingAndOversizedShards() {
        byte[] json = shipped("antispoof.json");
        byte[] bin = shipped("antispoof.bin");
        for (int length : new int[] {0, 1000, bin.length / 2, bin.length - 1}) {
            byte[] cut = Arrays.copyOf(bin, length);
            ModelException e = assertThrows(ModelException.class,
                    () -> TfjsImporter.convert(json, p -> p.equals("antispoof.bin") ? cut : null, "antispoof.json"), "cut to " + length);
            assertMessage(e, "antispoof.json: ", "shard antispoof.bin is truncated", "weight '");
        }
        ModelException missing = assertThrows(ModelException.class, () -> TfjsImporter.convert(json, p -> null, "antispoof.json"));
        assertMessage(missing, "antispoof.json: ", "weight shard 'antispoof.bin'", "missing");
        byte[] longer = Arrays.copyOf(bin, bin.length + 4);
        ModelException extra = assertThrows(ModelException.class,
                () -> TfjsImporter.convert(json, p -> longer, "antispoof.json"));
        assertMessage(extra, "antispoof.bin", (bin.length + 4) + " bytes", "describes " + bin.length);
    }

    @Test
    void malformedJsonGivesLineAndColumn() {
        byte[] json = shipped("liveness.json");
        byte[] cut = Arrays.copyOf(json, json.length / 2);
        ModelException e = assertThrows(ModelException.class, () -> TfjsImporter.convert(cut, p -> null, "liveness.json"));
        assertMessage(e, "liveness.json: malformed JSON", "line ", "column ");
        ModelException notJson = assertThrows(ModelException.class,
                () -> TfjsImporter.convert(bytes("{\"format\": \"graph-model\",}"), p -> null, "x.json"));
        assertMessage(notJson, "x.json: malformed JSON", "line 1, column 26");
        ModelException binary = assertThrows(ModelException.class,
                () -> TfjsImporter.convert(new byte[] {'{', (byte) 0xff, '}'}, p -> null, "b.json"));
        assertMessage(binary, "b.json: ", "not UTF-8");
        ModelException layers = assertThrows(ModelException.class,
                () -> TfjsImporter.convert(bytes("{\"format\":\"layers-model\",\"modelTopology\":{}}"), p -> null, "l.json"));
        assertMessage(layers, "l.json: ", "layers-model", "only TFJS graph models");
        ModelException noNodes = assertThrows(ModelException.class,
                () -> TfjsImporter.convert(bytes("{\"modelTopology\":{\"node\":{}},\"weightsManifest\":[]}"), p -> null, "n.json"));
        assertMessage(noNodes, "n.json: ", "modelTopology.node should be a JSON array");
    }

    @Test
    void danglingInputsAndCyclesAreNamed() {
        TinyTfjsGraph t = new TinyTfjsGraph();
        t.input("x", -1, 2);
        t.op("y", "Relu", List.of("nowhere"));
        ModelException e = assertThrows(ModelException.class, () -> TfjsImporter.convert(t.json("y"), t.shards(), "d.json"));
        assertMessage(e, "d.json: ", "node 'y'", "'nowhere'");
        TinyTfjsGraph c = new TinyTfjsGraph();
        c.input("x", -1, 2);
        c.op("a", "Add", List.of("x", "b"));
        c.op("b", "Relu", List.of("a"));
        ModelException cycle = assertThrows(ModelException.class, () -> TfjsImporter.convert(c.json("b"), c.shards(), "c.json"));
        assertMessage(cycle, "c.json: ", "cycle");
    }

    @Test
    void shardPathsCannotLeaveTheModelDirectory(@TempDir Path dir) throws IOException {
        Path sub = Files.createDirectories(dir.resolve("model"));
        Files.write(dir.resolve("secret.bin"), new byte[8]);
        String json = new String(shipped("liveness.json"), StandardCharsets.UTF_8).replace("\"liveness.bin\"", "\"../secret.bin\"");
        Files.writeString(sub.resolve("model.json"), json);
        ModelException e = assertThrows(ModelException.class, () -> TfjsImporter.convert(sub.resolve("model.json")));
        assertMessage(e, "model.json: ", "'../secret.bin'", "leaves the model's directory");
    }

    @Test
    void onnxModelLoadsAModelJsonByPath(@TempDir Path dir) throws IOException {
        Files.write(dir.resolve("liveness.json"), shipped("liveness.json"));
        Files.write(dir.resolve("liveness.bin"), shipped("liveness.bin"));
        try (OnnxModel model = OnnxModel.load(dir.resolve("liveness.json"), OnnxOptions.defaults())) {
            assertArrayEquals(new long[] {-1, 32, 32, 3}, model.inputs().get(0).shape());
        }
        Files.delete(dir.resolve("liveness.bin"));
        ModelException e = assertThrows(ModelException.class, () -> OnnxModel.load(dir.resolve("liveness.json"), OnnxOptions.defaults()));
        assertMessage(e, "liveness.json: ", "weight shard 'liveness.bin'", "missing");
    }

    static byte[] shipped(String file) {
        String resource = ShippedModel.HUMAN_ANTISPOOF.resource().replace("antispoof.json", file);
        try (InputStream in = TfjsErrorTest.class.getResourceAsStream(resource)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static TfjsImporter.ShardReader shippedShards() {
        return TfjsImporter.resourceShards(TfjsErrorTest.class, ShippedModel.HUMAN_ANTISPOOF.resource());
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static void assertMessage(Exception e, String... parts) {
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), "expected '" + p + "' in: " + e.getMessage());
        }
    }
}
