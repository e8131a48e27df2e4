package io.face4j.bench;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Random;

import io.face4j.onnx.FloatTensor;
import io.face4j.onnx.OnnxModel;
import io.face4j.onnx.OnnxOptions;
import io.face4j.onnx.ShippedModel;
import io.face4j.onnx.tflite.TfliteImporter;

/**
 * Prints, per shipped model, the TFLite-to-ONNX conversion time (cold and warm) and the ONNX Runtime run time (median
 * over 50 runs after 10 warm-up runs) at typical shapes. A main, not a test: run it by hand on an idle machine.
 * Usage: {@code ModelTimings [intraOpThreads]} (0 = ONNX Runtime's choice).
 */
public final class ModelTimings {
    private static final int WARMUP = 10;
    private static final int RUNS = 50;

    private ModelTimings() {
    }

    public static void main(String[] args) throws IOException {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        OnnxOptions options = OnnxOptions.defaults().withIntraOpThreads(threads);
        System.out.printf("ONNX Runtime intra-op threads: %s, %d cores%n", threads == 0 ? "default" : threads,
                Runtime.getRuntime().availableProcessors());

        System.out.println("\nconversion (TfliteImporter.convert, ms)");
        System.out.printf("%-26s %8s %8s %10s%n", "model", "cold", "warm", "onnx bytes");
        for (ShippedModel m : ShippedModel.values()) {
            byte[] tflite = resource(m);
            long t0 = System.nanoTime();
            byte[] onnx = TfliteImporter.convert(tflite, m.fileName());
            double cold = (System.nanoTime() - t0) / 1e6;
            double[] warm = new double[10];
            for (int i = 0; i < 5; i++) {
                TfliteImporter.convert(tflite, m.fileName());
            }
            for (int i = 0; i < warm.length; i++) {
                long s = System.nanoTime();
                TfliteImporter.convert(tflite, m.fileName());
                warm[i] = (System.nanoTime() - s) / 1e6;
            }
            System.out.printf("%-26s %8.1f %8.1f %10d%n", m.fileName(), cold, median(warm), onnx.length);
        }

        System.out.println("\nONNX Runtime run (ms, median of " + RUNS + " after " + WARMUP + " warm-up runs)");
        System.out.printf("%-26s %-20s %8s %8s %10s%n", "model", "input", "median", "min", "per item");
        try (OnnxModel pnet = OnnxModel.load(ShippedModel.PNET, options)) {
            // pyramid of a 640x480 frame, min face 20 px: scale_k = 12/20 * 0.709^k while the short side >= 12
            double total = 0;
            double scale = 12.0 / 20;
            while (Math.min(640, 480) * scale >= 12) {
                int w = (int) Math.ceil(640 * scale);
                int h = (int) Math.ceil(480 * scale);
                total += time(pnet, "PNet", 1, w, h); // MTCNN input is transposed: [1, width, height, 3]
                scale *= 0.709;
            }
            System.out.printf("%-26s %-20s %8.2f%n", "PNet whole pyramid", "640x480 minface 20", total);
        }
        try (OnnxModel rnet = OnnxModel.load(ShippedModel.RNET, options)) {
            time(rnet, "RNet", 32, 24, 24);
        }
        try (OnnxModel onet = OnnxModel.load(ShippedModel.ONET, options)) {
            time(onet, "ONet", 8, 48, 48);
        }
        try (OnnxModel mfn = OnnxModel.load(ShippedModel.MOBILEFACENET, options)) {
            time(mfn, "MobileFaceNet", 1, 112, 112);
            time(mfn, "MobileFaceNet", 8, 112, 112);
        }
        try (OnnxModel spoof = OnnxModel.load(ShippedModel.ANTI_SPOOFING, options)) {
            time(spoof, "FaceAntiSpoofing", 1, 256, 256);
        }
    }

    private static double time(OnnxModel model, String label, int batch, int d1, int d2) {
        FloatTensor input = random(batch, d1, d2, 3);
        for (int i = 0; i < WARMUP; i++) {
            model.run(input);
        }
        double[] t = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long s = System.nanoTime();
            model.run(input);
            t[i] = (System.nanoTime() - s) / 1e6;
        }
        double median = median(t);
        System.out.printf("%-26s %-20s %8.2f %8.2f %10.2f%n", label, Arrays.toString(input.shape()).replace(" ", ""), median,
                Arrays.stream(t).min().orElse(0), median / batch);
        return median;
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

    private static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
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
