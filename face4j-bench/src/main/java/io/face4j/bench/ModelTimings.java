package io.face4j.bench;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import io.face4j.onnx.FloatTensor;
import io.face4j.onnx.OnnxModel;
import io.face4j.onnx.OnnxOptions;
import io.face4j.onnx.ShippedModel;
import io.face4j.onnx.tflite.TfliteImporter;
import io.face4j.onnx.tflite.TfliteImporter.PreluForm;

/**
 * Prints the TFLite-to-ONNX conversion time per shipped model, then one table row per model, input shape and intra-op
 * thread count: wall-clock min and median over the runs after warm-up, the min per batch item, and with one thread the
 * min thread CPU time (ONNX Runtime then runs on the calling thread, so this is the inference's own CPU time and is
 * much less disturbed by other processes than wall time). A main, not a test. On a shared machine compare the min
 * columns, and runs of variants interleaved; the load average is printed before and after.
 * <p>
 * Usage: {@code ModelTimings [--threads 1,2] [--runs 30] [--warmup 10] [--prelu DEPTHWISE_CONV|PRELU|both]}
 */
public final class ModelTimings {
    /** A 640x480 frame, as in the MTCNN speed bars. */
    private static final int FRAME_WIDTH = 640;
    private static final int FRAME_HEIGHT = 480;
    /** Pyramid factor from the MTCNN paper. */
    private static final double PYRAMID_FACTOR = 0.709;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final int runs;
    private final int warmup;

    private ModelTimings(int runs, int warmup) {
        this.runs = runs;
        this.warmup = warmup;
    }

    public static void main(String[] args) throws IOException {
        int[] threads = {1, 2};
        int runs = 30;
        int warmup = 10;
        List<PreluForm> forms = List.of(PreluForm.DEPTHWISE_CONV);
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : "";
            switch (args[i]) {
                case "--threads" -> threads = Arrays.stream(value.split(",")).mapToInt(Integer::parseInt).toArray();
                case "--runs" -> runs = Integer.parseInt(value);
                case "--warmup" -> warmup = Integer.parseInt(value);
                case "--prelu" -> forms = value.equals("both") ? List.of(PreluForm.values()) : List.of(PreluForm.valueOf(value));
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + "; usage: ModelTimings [--threads 1,2] [--runs 30] [--warmup 10] [--prelu DEPTHWISE_CONV|PRELU|both]");
            }
            i++;
        }
        if (runs < 1 || warmup < 0) {
            throw new IllegalArgumentException("--runs must be >= 1 and --warmup >= 0");
        }
        System.out.printf(Locale.ROOT, "%d cores, load average %s, %d runs after %d warm-up runs%n",
                Runtime.getRuntime().availableProcessors(), loadAverage(), runs, warmup);
        conversionTable();
        new ModelTimings(runs, warmup).runTable(threads, forms);
        System.out.printf(Locale.ROOT, "%nload average at the end: %s%n", loadAverage());
    }

    private static void conversionTable() throws IOException {
        System.out.printf(Locale.ROOT, "%nconversion (TfliteImporter.convert / OnnxModel.toOnnx for TFJS, ms)%n%-24s %8s %8s %10s%n", "model", "cold", "warm min",
                "onnx bytes");
        for (ShippedModel m : ShippedModel.values()) {
            // TFLite: conversion of bytes already in memory; TFJS: including reading model.json and shards from the classpath
            byte[] tflite = m.format() == ShippedModel.Format.TFLITE ? resource(m) : null;
            long t0 = System.nanoTime();
            byte[] onnx = tflite != null ? TfliteImporter.convert(tflite, m.fileName()) : OnnxModel.toOnnx(m);
            double cold = (System.nanoTime() - t0) / 1e6;
            double warm = Double.MAX_VALUE;
            for (int i = 0; i < 15; i++) {
                long s = System.nanoTime();
                if (tflite != null) {
                    TfliteImporter.convert(tflite, m.fileName());
                } else {
                    OnnxModel.toOnnx(m);
                }
                warm = Math.min(warm, (System.nanoTime() - s) / 1e6);
            }
            System.out.printf(Locale.ROOT, "%-24s %8.1f %8.1f %10d%n", m.fileName(), cold, warm, onnx.length);
        }
    }

    private void runTable(int[] threadCounts, List<PreluForm> forms) throws IOException {
        System.out.printf(Locale.ROOT, "%nONNX Runtime run, ms (cpu: thread CPU time, 1 thread only)%n");
        String header = String.format(Locale.ROOT, "%-30s %-16s %-7s %3s %8s %8s %9s %8s", "model", "input", "prelu", "thr", "min",
                "median", "min/item", "cpu min");
        System.out.println(header);
        System.out.println("-".repeat(header.length()));
        for (PreluForm form : forms) {
            for (int threads : threadCounts) {
                OnnxOptions options = OnnxOptions.defaults().withIntraOpThreads(threads);
                try (OnnxModel pnet = load(ShippedModel.PNET, form, options)) {
                    for (int minFace : new int[] {40, 20}) {
                        Stats total = Stats.ZERO;
                        for (int[] level : pyramid(minFace)) {
                            // MTCNN models take the image transposed: [1, width, height, 3]
                            total = total.plus(time(pnet, 1, level[0], level[1]));
                        }
                        print("PNet pyramid minface " + minFace, FRAME_WIDTH + "x" + FRAME_HEIGHT, form, threads, total, 1);
                    }
                    int[] largest = pyramid(20).get(0);
                    print("PNet largest level", shape(1, largest[0], largest[1], 3), form, threads, time(pnet, 1, largest[0], largest[1]), 1);
                }
                fixed(ShippedModel.RNET, "RNet", 24, new int[] {32}, form, options, threads);
                fixed(ShippedModel.ONET, "ONet", 48, new int[] {8}, form, options, threads);
                fixed(ShippedModel.MOBILEFACENET, "MobileFaceNet", 112, new int[] {1, 8}, form, options, threads);
                fixed(ShippedModel.ANTI_SPOOFING, "FaceAntiSpoofing", 256, new int[] {1}, form, options, threads);
            }
        }
    }

    private void fixed(ShippedModel which, String label, int size, int[] batches, PreluForm form, OnnxOptions options, int threads)
            throws IOException {
        try (OnnxModel model = load(which, form, options)) {
            for (int batch : batches) {
                print(label, shape(batch, size, size, 3), form, threads, time(model, batch, size, size), batch);
            }
        }
    }

    private static OnnxModel load(ShippedModel which, PreluForm form, OnnxOptions options) throws IOException {
        return OnnxModel.fromOnnx(TfliteImporter.convert(resource(which), which.fileName(), form), which.fileName(), options);
    }

    /** PNet input sizes of a 640x480 frame's pyramid, as ImagePyramid sizes them: int(side * scale + 1). */
    private static List<int[]> pyramid(int minFace) {
        List<int[]> levels = new ArrayList<>();
        double scale = 12.0 / minFace;
        while (Math.min(FRAME_WIDTH, FRAME_HEIGHT) * scale >= 12) {
            levels.add(new int[] {(int) (FRAME_WIDTH * scale + 1), (int) (FRAME_HEIGHT * scale + 1)});
            scale *= PYRAMID_FACTOR;
        }
        return levels;
    }

    /** Wall-clock min and median and thread-CPU min, milliseconds. */
    private record Stats(double min, double median, double cpuMin) {
        static final Stats ZERO = new Stats(0, 0, 0);

        static Stats of(double[] wall, double[] cpu) {
            double[] s = wall.clone();
            Arrays.sort(s);
            double median = s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
            return new Stats(s[0], median, Arrays.stream(cpu).min().orElse(0));
        }

        /** Field-wise sum, for PNet's pyramid: an estimate of one pass over all levels, not a measured call. */
        Stats plus(Stats other) {
            return new Stats(min + other.min, median + other.median, cpuMin + other.cpuMin);
        }
    }

    private Stats time(OnnxModel model, int batch, int d1, int d2) {
        FloatTensor input = random(batch, d1, d2, 3);
        for (int i = 0; i < warmup; i++) {
            model.run(input);
        }
        double[] wall = new double[runs];
        double[] cpu = new double[runs];
        for (int i = 0; i < runs; i++) {
            long c = THREADS.getCurrentThreadCpuTime();
            long s = System.nanoTime();
            model.run(input);
            wall[i] = (System.nanoTime() - s) / 1e6;
            cpu[i] = (THREADS.getCurrentThreadCpuTime() - c) / 1e6;
        }
        return Stats.of(wall, cpu);
    }

    private static void print(String label, String input, PreluForm form, int threads, Stats stats, int batch) {
        String cpu = threads == 1 ? String.format(Locale.ROOT, "%8.2f", stats.cpuMin()) : String.format("%8s", "-");
        System.out.printf(Locale.ROOT, "%-30s %-16s %-7s %3d %8.2f %8.2f %9.2f %s%n", label, input,
                form == PreluForm.PRELU ? "PRelu" : "dwconv", threads, stats.min(), stats.median(), stats.min() / batch, cpu);
    }

    private static String shape(long... dims) {
        return Arrays.toString(dims).replace(" ", "");
    }

    private static FloatTensor random(long... shape) {
        int n = 1;
        for (long d : shape) {
            n *= (int) d;
        }
        Random r = new Random(1);
        float[] data = new float[n];
        for (int i = 0; i < n; i++) {
            data[i] = r.nextFloat() * 2 - 1;
        }
        return FloatTensor.of(data, shape);
    }

    private static String loadAverage() {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return load < 0 ? "unknown" : String.format(Locale.ROOT, "%.2f", load);
    }

    private static byte[] resource(ShippedModel m) throws IOException {
        try (InputStream in = ModelTimings.class.getResourceAsStream(m.resource())) {
            if (in == null) {
                throw new IOException("missing classpath resource " + m.resource());
            }
            return in.readAllBytes();
        }
    }
}
