package io.face4j.onnx.tflite;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.TreeMap;

/** Prints a TFLite model's operators (a development aid, run by hand). */
public final class DumpModel {
    public static void main(String[] args) throws Exception {
        for (String a : args) {
            byte[] bytes = Files.readAllBytes(Path.of(a));
            long t0 = System.nanoTime();
            TfliteModel m = TfliteModel.read(bytes, a);
            System.out.printf("== %s read in %.1f ms: %d tensors, %d ops, inputs %s outputs %s%n", a, (System.nanoTime() - t0) / 1e6,
                    m.tensors.size(), m.operators.size(), Arrays.toString(m.inputs), Arrays.toString(m.outputs));
            for (int i : m.inputs) System.out.println("  in  " + m.tensor(i).describe() + " type " + m.tensor(i).type());
            for (int i : m.outputs) System.out.println("  out " + m.tensor(i).describe());
            TreeMap<String, Integer> counts = new TreeMap<>();
            for (TfliteModel.Operator op : m.operators) {
                counts.merge(BuiltinNames.of(op.builtin()), 1, Integer::sum);
                if (args.length == 1 || System.getProperty("verbose") != null) {
                    StringBuilder sb = new StringBuilder("  " + op.index() + " " + BuiltinNames.of(op.builtin()) + " in:");
                    for (int t : op.inputs()) {
                        if (t < 0) { sb.append(" -"); continue; }
                        TfliteModel.Tensor x = m.tensor(t);
                        sb.append(" ").append(t).append(Arrays.toString(x.shape())).append(x.isConstant() ? "c" + x.type() : "");
                        if (x.isConstant() && x.data().length <= 64 && x.type() == TfliteModel.INT32) sb.append("=").append(Arrays.toString(TfliteModel.ints(x)));
                        if (x.isConstant() && x.data().length <= 16 && x.type() == TfliteModel.FLOAT32) sb.append("=").append(Arrays.toString(TfliteModel.floats(x)));
                    }
                    sb.append(" out:");
                    for (int t : op.outputs()) sb.append(" ").append(t).append(Arrays.toString(m.tensor(t).shape())).append(m.tensor(t).type() != 0 ? "t" + m.tensor(t).type() : "");
                    System.out.println(sb);
                }
            }
            System.out.println("  ops: " + counts);
        }
    }
}
