package io.face4j.liveness.temporal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.Stream;

import io.face4j.Face;
import io.face4j.FaceAnalyzer;
import io.face4j.image.ImageException;
import io.face4j.image.Images;
import io.face4j.image.RgbImage;

/**
 * Runs the temporal check on planar clips ({@link PlanarClips}) of real photos with the real detector: 2 s clips
 * seen at 10 frames a second (a video analyzer detecting on every 3rd frame of 30 fps), the largest face of each
 * frame fed to a {@link TemporalLiveness}. Shared by the acceptance test and the threshold calibration.
 */
public final class PlanarClipEvaluation {
    /** 2 s at 30 fps, every 3rd frame detected. */
    public static final int FRAMES = 60;
    public static final int STEP = 3;

    private PlanarClipEvaluation() {
    }

    /**
     * One clip's outcome.
     *
     * @param maxResidual highest planar residual of any decided window (NaN when none was decided): the clip would
     *                    be accepted as live at any threshold up to this
     */
    public record Outcome(Path photo, long seed, int detections, boolean everLive, LivenessState finalState,
                          double maxResidual, double finalResidual) {
        public String line() {
            return String.format(Locale.ROOT, "%-40s seed %d: %2d faces, final %-9s residual max %.3f final %.3f%s",
                    photo.getFileName(), seed, detections, finalState, maxResidual, finalResidual, everLive ? "  ACCEPTED" : "");
        }
    }

    /** The readable image files under {@code dir} (sorted) that {@code keep} accepts. */
    public static List<Path> photos(Path dir, Predicate<Path> keep) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).matches(".*\\.(jpe?g|png)$"))
                    .filter(keep).filter(PlanarClipEvaluation::readable).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** False for files the reader refuses (deepface-tests has a WebP named .jpg). */
    private static boolean readable(Path p) {
        try {
            Images.read(p);
            return true;
        } catch (ImageException e) {
            System.out.println("skipping " + p + ": " + e.getMessage());
            return false;
        }
    }

    /** {@code count} clips, photo {@code i * photos.size() / count} with seed {@code seed0 + i}. */
    public static List<Outcome> run(FaceAnalyzer analyzer, List<Path> photos, int count, long seed0, TemporalOptions options) {
        List<Outcome> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Path photo = photos.get((int) ((long) i * photos.size() / count));
            out.add(clip(analyzer, photo, seed0 + i, options));
        }
        return out;
    }

    public static Outcome clip(FaceAnalyzer analyzer, Path photoPath, long seed, TemporalOptions options) {
        RgbImage photo = Images.read(photoPath);
        Face inPhoto = analyzer.detect(photo).stream().max(Comparator.comparingDouble(x -> x.box().area())).orElse(null);
        if (inPhoto == null) {
            return new Outcome(photoPath, seed, 0, false, LivenessState.UNDECIDED, Double.NaN, Double.NaN);
        }
        TemporalLiveness check = new TemporalLiveness(options);
        int detections = 0;
        boolean everLive = false;
        double maxResidual = Double.NaN;
        TemporalResult last = null;
        for (PlanarClips.Frame f : PlanarClips.render(photo, inPhoto.landmarks(), seed, FRAMES, STEP)) {
            Face face = analyzer.detect(f.image()).stream().max(Comparator.comparingDouble(x -> x.box().width())).orElse(null);
            if (face == null) {
                continue;
            }
            detections++;
            check.add(f.micros(), face.landmarks());
            last = check.result();
            everLive |= last.live();
            double r = last.value(TemporalLiveness.RESIDUAL);
            if (!Double.isNaN(r)) {
                maxResidual = Double.isNaN(maxResidual) ? r : Math.max(maxResidual, r);
            }
        }
        return new Outcome(photoPath, seed, detections, everLive, last == null ? LivenessState.UNDECIDED : last.state(),
                maxResidual, last == null ? Double.NaN : last.value(TemporalLiveness.RESIDUAL));
    }
}
