package io.face4j.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.face4j.onnx.OnnxModel;
import io.face4j.onnx.OnnxOptions;
import io.face4j.onnx.tfjs.TfjsImporter;
import io.face4j.onnx.tflite.TfliteImporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code face4j import-model IN OUT.onnx}: writes the ONNX model face4j builds in memory from a TFLite file or a
 * TensorFlow.js graph model (model.json with its .bin shards next to it).
 */
@Command(name = "import-model", mixinStandardHelpOptions = true,
        description = "Convert a TFLite model or a TFJS graph model (model.json + .bin shards beside it) to ONNX with "
                + "face4j's importers and write it to a file.")
final class ImportModelCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "IN", description = "TFLite model (.tflite) or TFJS graph model (model.json) to convert")
    Path input;

    @Parameters(index = "1", paramLabel = "OUT.onnx", description = "where to write the ONNX model")
    Path output;

    @Option(names = "--force", description = "overwrite OUT.onnx if it exists")
    boolean force;

    @Override
    public Integer call() {
        if (!Files.isRegularFile(input)) {
            throw new InputException("no such model file: " + input);
        }
        if (Files.exists(output) && !force) {
            throw new InputException(output + " exists; pass --force to overwrite it");
        }
        long start = System.nanoTime();
        if (isTfjs(input)) {
            TfjsImporter.convert(input, output);
        } else {
            TfliteImporter.convert(input, output);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        // Load the result once so a graph ONNX Runtime rejects is reported here, not by the user's program later.
        try (OnnxModel model = OnnxModel.load(output, OnnxOptions.defaults())) {
            var out = spec.commandLine().getOut();
            out.printf("wrote %s (%d ms)%n", output, millis);
            model.inputs().forEach(t -> out.printf("  input  %s %s%n", t.name(), java.util.Arrays.toString(t.shape())));
            model.outputs().forEach(t -> out.printf("  output %s %s%n", t.name(), java.util.Arrays.toString(t.shape())));
        }
        return ExitCodes.OK;
    }

    /** A .json file, or a file whose first non-blank byte is '{' (a TFLite flatbuffer starts with a 4-byte offset). */
    private static boolean isTfjs(Path file) {
        if (file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".json")) {
            return true;
        }
        try (var in = Files.newInputStream(file)) {
            int b;
            do {
                b = in.read();
            } while (b == ' ' || b == '\t' || b == '\n' || b == '\r');
            return b == '{';
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + file, e);
        }
    }
}
