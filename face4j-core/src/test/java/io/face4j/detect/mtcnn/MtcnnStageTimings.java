package io.face4j.detect.mtcnn;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.face4j.detect.Detection;
import io.face4j.image.RgbImage;
import io.face4j.onnx.FloatTensor;
import io.face4j.onnx.OnnxOptions;
import io.face4j.testing.Datasets;

/**
 * Per-stage time of the MTCNN cascade on bench frames, a main, not a test. Each stage is timed by calling the same
 * package-private pieces {@link MtcnnDetector#detect} calls: the pyramid levels written as PNet input, the PNet runs,
 * then {@link ProposalStage#run} in full (pyramid + PNet + decode and NMS), the RNet crops ({@link FaceCrops#batch})
 * and run, {@link RefineStage#run} in full (crops + run + NMS), likewise for ONet. A stage's own decode and NMS time
 * is its full time minus its parts, as far as the noise of separate runs allows. With one intra-op thread ONNX
 * Runtime runs on the calling thread, so thread CPU time counts the inference too and shrugs off other processes'
 * load; the table shows minimums over the runs (CPU time for 1 thread, wall time otherwise).
 * <p>
 * Usage: {@code MtcnnStageTimings [runs] [frame ...]}, datasets as in {@link Datasets}.
 */
public final class MtcnnStageTimings {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final String[] STAGES = {"pyramid", "pnet run", "proposal", "rnet crops", "rnet run", "refine",
            "onet crops", "onet run", "output", "detect()"};

    private MtcnnStageTimings() {
    }

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        List<String> frames = args.length > 1 ? Arrays.asList(args).subList(1, args.length)
                : List.of("lady_640x480.png", "bbt2_640x480.png");
        System.out.printf(Locale.ROOT, "load average %.2f, %d runs, min ms per stage%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), runs);
        System.out.printf(Locale.ROOT, "%-18s %3s %3s", "frame", "min", "thr");
        for (String s : STAGES) {
            System.out.printf(Locale.ROOT, " %10s", s);
        }
        System.out.printf(Locale.ROOT, " %6s %6s %5s%n", "pnet->", "rnet->", "faces");
        for (String frame : frames) {
            RgbImage image = TestImages.read(Datasets.root().resolve(Path.of("bench-frames-640x480", frame)));
            for (int threads : new int[] {1, 2}) {
                for (int minFace : new int[] {40, 20}) {
                    MtcnnOptions options = MtcnnOptions.defaults().withMinFaceSize(minFace);
                    try (MtcnnDetector detector = MtcnnDetector.create(options,
                            OnnxOptions.defaults().withIntraOpThreads(threads))) {
                        row(frame, minFace, threads, detector, image, runs);
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "load average at the end %.2f%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static void row(String frame, int minFace, int threads, MtcnnDetector detector, RgbImage image, int runs) {
        MtcnnOptions options = detector.options();
        double[] best = new double[STAGES.length];
        Arrays.fill(best, Double.MAX_VALUE);
        int proposed = 0;
        int refined = 0;
        int faces = 0;
        boolean cpu = threads == 1;
        for (int run = -10; run < runs; run++) {
            double[] t = new double[STAGES.length];
            long start = now(cpu);
            ImagePyramid pyramid = ImagePyramid.of(image, options.minFaceSize(), options.pyramidFactor());
            List<float[]> levels = new ArrayList<>();
            for (ImagePyramid.Level level : pyramid.levels()) {
                float[] input = new float[level.scaledWidth() * level.scaledHeight() * 3];
                pyramid.writeLevel(level, input);
                levels.add(input);
            }
            t[0] = since(start, cpu);
            start = now(cpu);
            for (int i = 0; i < levels.size(); i++) {
                ImagePyramid.Level level = pyramid.levels().get(i);
                detector.pnet().run(FloatTensor.of(levels.get(i), 1, level.scaledWidth(), level.scaledHeight(), 3));
            }
            t[1] = since(start, cpu);
            start = now(cpu);
            List<Candidate> candidates = detector.proposal().run(pyramid);
            t[2] = since(start, cpu);
            proposed = candidates.size();

            start = now(cpu);
            FloatTensor crops = crops(detector, image, pyramid, candidates, RefineStage.SIDE);
            t[3] = since(start, cpu);
            start = now(cpu);
            if (!candidates.isEmpty()) {
                detector.rnet().run(crops);
            }
            t[4] = since(start, cpu);
            start = now(cpu);
            List<Candidate> afterRefine = detector.refine().run(pyramid.table(), candidates);
            t[5] = since(start, cpu);
            refined = afterRefine.size();

            start = now(cpu);
            crops = crops(detector, image, pyramid, afterRefine, OutputStage.SIDE);
            t[6] = since(start, cpu);
            start = now(cpu);
            if (!afterRefine.isEmpty()) {
                detector.onet().run(crops);
            }
            t[7] = since(start, cpu);
            start = now(cpu);
            List<Detection> out = detector.output().run(pyramid.table(), afterRefine);
            t[8] = since(start, cpu);

            start = now(cpu);
            faces = detector.detect(image).size();
            t[9] = since(start, cpu);
            if (run >= 0) {
                for (int i = 0; i < t.length; i++) {
                    best[i] = Math.min(best[i], t[i]);
                }
            }
            if (out.size() != faces) {
                throw new AssertionError("stage-by-stage run found " + out.size() + " faces, detect() " + faces);
            }
        }
        System.out.printf(Locale.ROOT, "%-18s %3d %3d", frame.replace("_640x480.png", ""), minFace, threads);
        for (double b : best) {
            System.out.printf(Locale.ROOT, " %10.2f", b);
        }
        System.out.printf(Locale.ROOT, " %6d %6d %5d%n", proposed, refined, faces);
    }

    private static FloatTensor crops(MtcnnDetector detector, RgbImage image, ImagePyramid pyramid,
            List<Candidate> candidates, int side) {
        if (candidates.isEmpty()) {
            return null;
        }
        return FaceCrops.batch(pyramid.table(), candidates, side, detector.options().cropEdges());
    }

    private static long now(boolean cpu) {
        return cpu ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    }

    private static double since(long start, boolean cpu) {
        return (now(cpu) - start) / 1e6;
    }
}
