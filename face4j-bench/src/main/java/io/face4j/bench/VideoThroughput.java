package io.face4j.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.face4j.AnalyzerOptions;
import io.face4j.Face;
import io.face4j.FaceAnalyzer;
import io.face4j.gallery.Gallery;
import io.face4j.gallery.NewTemplate;
import io.face4j.image.Images;
import io.face4j.image.RgbImage;
import io.face4j.video.VideoAnalyzer;
import io.face4j.video.VideoOptions;
import io.face4j.video.VideoRunner;
import io.face4j.video.source.FrameSource;
import io.face4j.video.source.FrameSources;
import io.face4j.video.source.SourceOptions;
import io.face4j.video.source.SourceSpec;

/**
 * Headless video throughput: decoding (on its own thread), detection every N frames, tracking and recognition against
 * a gallery with one enrolled face, no drawing or encoding. Prints the median fps of several runs after a warm-up run,
 * and the load average. A main, not a test. Usage:
 * {@code VideoThroughput VIDEO ENROL_PHOTO EVERY DETECT_SIZE MIN_FACE THREADS RUNS}.
 */
public final class VideoThroughput {
    private VideoThroughput() {
    }

    public static void main(String[] args) throws Exception {
        Path video = Path.of(args[0]);
        Path photo = Path.of(args[1]);
        int every = Integer.parseInt(args[2]);
        int detectSize = Integer.parseInt(args[3]);
        int minFace = Integer.parseInt(args[4]);
        int threads = Integer.parseInt(args[5]);
        int runs = Integer.parseInt(args[6]);
        Path dir = Files.createTempDirectory("face4j-bench");
        VideoOptions options = VideoOptions.defaults().withDetectEvery(every).withDetectMaxSide(detectSize);
        try (FaceAnalyzer analyzer = FaceAnalyzer.create(AnalyzerOptions.defaults().withMinFaceSize(minFace).withThreads(threads));
             Gallery gallery = Gallery.open(dir.resolve("gallery.db"))) {
            RgbImage image = Images.read(photo);
            Face face = FaceAnalyzer.primaryFace(analyzer.analyze(image), image.width(), image.height()).orElseThrow();
            gallery.enrol("enrolled", List.of(NewTemplate.of(face.embedding().values(), face.embedding().modelId())));
            double[] fps = new double[runs];
            long frames = 0;
            var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            long cpuStart = 0;
            for (int r = -1; r < runs; r++) {
                if (r == 0) {
                    cpuStart = os.getProcessCpuTime();
                }
                try (FrameSource source = FrameSources.openForProcessing(SourceSpec.file(video), SourceOptions.defaults())) {
                    VideoRunner.Stats stats = VideoRunner.run(source, new VideoAnalyzer(analyzer, gallery, options), result -> { }, () -> false);
                    if (r >= 0) {
                        fps[r] = stats.fps();
                        frames = stats.frames();
                    }
                }
            }
            // CPU time per frame does not depend on how busy the machine is: 1000 / it is the fps one idle core gives
            double cpuMsPerFrame = (os.getProcessCpuTime() - cpuStart) / 1e6 / (frames * runs);
            Arrays.sort(fps);
            double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            System.out.printf(Locale.ROOT, "%s: %d frames, every %d, detect size %d, min face %d, threads %d: median %.1f fps "
                            + "(min %.1f, max %.1f, %d runs), %.1f ms CPU per frame, load average %.1f on %d cores%n", video.getFileName(), frames,
                    every, detectSize, minFace, threads, fps[runs / 2], fps[0], fps[runs - 1], runs, cpuMsPerFrame, load,
                    Runtime.getRuntime().availableProcessors());
        }
    }
}
