package io.face4j.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A labelled set of live and attack images for liveness evaluation. Two layouts are read:
 * <ul>
 * <li>a folder with {@code live/} and {@code spoof/} subfolders (names matched case-insensitively; images directly in
 * them or in subfolders, a subfolder naming the subject);</li>
 * <li>the NUAA Photograph Imposter Database layout: {@code ClientRaw/} (live) and {@code ImposterRaw/} (printed-photo
 * attacks) with the official index lists {@code client_<split>_raw.txt} and {@code imposter_<split>_raw.txt}, whose
 * lines are paths relative to those folders (backslashes and CRLF allowed). Only listed files that exist are used:
 * {@link #listed()} says how many were listed.</li>
 * </ul>
 * Immutable; thread-safe.
 *
 * @param samples the images, live ones first
 * @param listed  how many images the index lists name (equal to samples.size() for the folder layout)
 */
public record LivenessDataset(List<Sample> samples, int listed) {
    private static final Set<String> IMAGE_EXTENSIONS = Set.of("jpg", "jpeg", "png", "bmp", "gif", "pgm", "ppm");

    /**
     * One image. {@code subject} groups the images of one person (the first folder below live/spoof, or NUAA's id);
     * {@code session} the images of one capture session (NUAA: the session field of ID_glasses_pos_session_picNo.jpg;
     * the folder layout has none, so it is the subject).
     */
    public record Sample(Path file, boolean live, String subject, String session) {
    }

    public LivenessDataset {
        samples = List.copyOf(samples);
    }

    public long liveCount() {
        return samples.stream().filter(Sample::live).count();
    }

    public long attackCount() {
        return samples.size() - liveCount();
    }

    /** True when {@code dir} has NUAA's ClientRaw/ImposterRaw folders and index lists. */
    public static boolean isNuaa(Path dir) {
        return child(dir, "ClientRaw").isPresent() && child(dir, "ImposterRaw").isPresent()
                && child(dir, "client_train_raw.txt").isPresent();
    }

    /** The NUAA split {@code split} ("train" or "test"). */
    public static LivenessDataset nuaa(Path dir, String split) {
        if (!"train".equals(split) && !"test".equals(split)) {
            throw new IllegalArgumentException("split must be train or test, got " + split);
        }
        Path client = child(dir, "ClientRaw").orElseThrow(() -> new IllegalArgumentException(dir + " has no ClientRaw folder"));
        Path imposter = child(dir, "ImposterRaw").orElseThrow(() -> new IllegalArgumentException(dir + " has no ImposterRaw folder"));
        List<Sample> samples = new ArrayList<>();
        int listed = readList(dir, "client_" + split + "_raw.txt", client, true, samples);
        listed += readList(dir, "imposter_" + split + "_raw.txt", imposter, false, samples);
        return new LivenessDataset(samples, listed);
    }

    private static int readList(Path dir, String listName, Path base, boolean live, List<Sample> out) {
        Path list = child(dir, listName).orElseThrow(() -> new IllegalArgumentException(dir + " has no index list " + listName));
        List<String> lines;
        try {
            lines = Files.readAllLines(list, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + list + ": " + e.getMessage(), e);
        }
        int listed = 0;
        for (String line : lines) {
            String relative = line.strip().replace('\\', '/');
            if (relative.isEmpty()) {
                continue;
            }
            listed++;
            Path file = base.resolve(relative);
            if (Files.isRegularFile(file)) {
                int slash = relative.indexOf('/');
                String subject = slash > 0 ? relative.substring(0, slash) : relative;
                String[] fields = file.getFileName().toString().split("_");
                out.add(new Sample(file, live, subject, fields.length == 5 ? fields[3] : subject));
            }
        }
        return listed;
    }

    /** A folder with live/ and spoof/ subfolders. */
    public static LivenessDataset folders(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("no such folder: " + dir);
        }
        Path liveDir = child(dir, "live").filter(Files::isDirectory)
                .orElseThrow(() -> new IllegalArgumentException(dir + " has no live/ subfolder (expected live/ and spoof/, or the NUAA layout)"));
        Path spoofDir = child(dir, "spoof").filter(Files::isDirectory)
                .orElseThrow(() -> new IllegalArgumentException(dir + " has no spoof/ subfolder (expected live/ and spoof/, or the NUAA layout)"));
        List<Sample> samples = new ArrayList<>();
        images(liveDir, true, samples);
        images(spoofDir, false, samples);
        if (samples.stream().noneMatch(Sample::live)) {
            throw new IllegalArgumentException(liveDir + " holds no images");
        }
        if (samples.stream().allMatch(Sample::live)) {
            throw new IllegalArgumentException(spoofDir + " holds no images");
        }
        return new LivenessDataset(samples, samples.size());
    }

    private static void images(Path dir, boolean live, List<Sample> out) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(Files::isRegularFile).filter(LivenessDataset::isImage).sorted().forEach(file -> {
                Path relative = dir.relativize(file);
                String subject = relative.getNameCount() > 1 ? relative.getName(0).toString() : relative.toString();
                out.add(new Sample(file, live, subject, subject));
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    private static boolean isImage(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && IMAGE_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** The entry of {@code dir} whose name equals {@code name} ignoring case. */
    private static Optional<Path> child(Path dir, String name) {
        Path exact = dir.resolve(name);
        if (Files.exists(exact)) {
            return Optional.of(exact);
        }
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> p.getFileName().toString().equalsIgnoreCase(name)).sorted().findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
