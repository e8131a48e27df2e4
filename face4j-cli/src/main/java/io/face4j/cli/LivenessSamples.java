package io.face4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.face4j.Face;
import io.face4j.FaceAnalyzer;
import io.face4j.eval.LivenessDataset;
import io.face4j.image.ImageException;
import io.face4j.image.Images;
import io.face4j.image.RgbImage;
import io.face4j.liveness.LivenessCombiner;
import io.face4j.liveness.LivenessCue;
import io.face4j.liveness.LivenessDetector;

/**
 * The cue values of every image of a {@link LivenessDataset}: the largest face found by MTCNN, measured with every
 * {@link LivenessCue}. An image without a face (or that cannot be read) has no values; it counts as rejected: score 0
 * for the combination, the lowest value of the set for a single cue. Immutable after construction.
 */
final class LivenessSamples {
    /** One image and its cue values (null when no face was found). */
    record Measured(LivenessDataset.Sample sample, Map<LivenessCue, Double> values) {
        boolean hasFace() {
            return values != null;
        }
    }

    final String description;
    final LivenessDataset dataset;
    final List<Measured> measured;

    private LivenessSamples(String description, LivenessDataset dataset, List<Measured> measured) {
        this.description = description;
        this.dataset = dataset;
        this.measured = List.copyOf(measured);
    }

    static LivenessSamples measure(String description, LivenessDataset dataset, FaceAnalyzer analyzer, LivenessDetector detector,
            PrintWriter err, Progress progress) {
        List<Measured> out = new ArrayList<>();
        for (LivenessDataset.Sample sample : dataset.samples()) {
            Map<LivenessCue, Double> values = null;
            try {
                RgbImage image = Images.read(sample.file());
                Face largest = analyzer.detect(image).stream().max(Comparator.comparingDouble(f -> f.box().area())).orElse(null);
                if (largest != null) {
                    values = detector.measure(image, largest.box());
                }
            } catch (ImageException e) {
                err.println("face4j eval-liveness: skipped " + sample.file() + ": " + e.getMessage() + " (counted as rejected)");
            }
            out.add(new Measured(sample, values));
            progress.step();
        }
        return new LivenessSamples(description, dataset, out);
    }

    boolean[] live() {
        boolean[] live = new boolean[measured.size()];
        for (int i = 0; i < live.length; i++) {
            live[i] = measured.get(i).sample().live();
        }
        return live;
    }

    long noFace(boolean live) {
        return measured.stream().filter(m -> !m.hasFace() && m.sample().live() == live).count();
    }

    /** Combined scores; no face = 0 (rejected). */
    double[] scores(LivenessCombiner combiner) {
        double[] scores = new double[measured.size()];
        for (int i = 0; i < scores.length; i++) {
            Measured m = measured.get(i);
            if (m.hasFace()) {
                double[] x = new double[combiner.cues().size()];
                for (int j = 0; j < x.length; j++) {
                    x[j] = m.values().get(combiner.cues().get(j));
                }
                scores[i] = combiner.score(x);
            }
        }
        return scores;
    }

    /** One cue's values times {@code sign} (so that higher = live); no face = below every measured value. */
    double[] cue(LivenessCue cue, double sign) {
        double[] out = new double[measured.size()];
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < out.length; i++) {
            Measured m = measured.get(i);
            out[i] = m.hasFace() ? sign * m.values().get(cue) : Double.NaN;
            if (m.hasFace()) {
                min = Math.min(min, out[i]);
            }
        }
        double floor = Double.isFinite(min) ? min - 1 - Math.abs(min) : 0;
        for (int i = 0; i < out.length; i++) {
            if (Double.isNaN(out[i])) {
                out[i] = floor;
            }
        }
        return out;
    }

    /** Writes set,file,live,subject,cue values... of each sample set as CSV (empty values when no face). */
    static void writeCsv(Path file, List<LivenessSamples> sets) {
        List<String> lines = new ArrayList<>();
        StringBuilder header = new StringBuilder("set,file,live,subject");
        for (LivenessCue cue : LivenessCue.values()) {
            header.append(',').append(cue.id());
        }
        lines.add(header.toString());
        for (LivenessSamples set : sets) {
            set.appendCsv(lines);
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.write(file, lines);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private void appendCsv(List<String> lines) {
        String set = description.substring(0, description.indexOf(':')).replace(',', ' ');
        for (Measured m : measured) {
            StringBuilder line = new StringBuilder().append(set).append(',').append(m.sample().file()).append(',').append(m.sample().live() ? 1 : 0)
                    .append(',').append(m.sample().subject());
            for (LivenessCue cue : LivenessCue.values()) {
                Double v = m.hasFace() ? m.values().get(cue) : null;
                line.append(',').append(v == null ? "" : String.format(Locale.ROOT, "%.6g", v));
            }
            lines.add(line.toString());
        }
    }
}
