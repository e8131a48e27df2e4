package io.face4j.cli;

import io.face4j.FaceFinder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

import io.face4j.Face;
import io.face4j.gallery.Enrolment;
import io.face4j.gallery.Gallery;
import io.face4j.gallery.Identity;
import io.face4j.gallery.IdentityNames;
import io.face4j.gallery.NewTemplate;
import io.face4j.gallery.SkippedTemplate;
import io.face4j.image.ImageException;
import io.face4j.image.Images;
import io.face4j.image.RgbImage;
import io.face4j.quality.QualityAssessment;
import io.face4j.quality.QualityBar;

/**
 * Enrols people from photos: one face per photo (several faces: skipped, or the largest with {@code largest}),
 * quality-gated, then stored in one gallery transaction per person (which skips near-duplicates). An existing person
 * of the same name gets the new templates added. Not thread-safe.
 */
final class Enroller {
    /** One person and their photos. */
    record Person(String name, List<Path> files) {
    }

    /** A photo that gave no template, and why. {@code category} groups reasons in the summary. */
    record Skip(Path file, String category, String reason) {
    }

    private final FaceFinder finder;
    private final Gallery gallery;
    private final String modelId;
    private final QualityBar bar;
    private final boolean largest;
    private final List<Skip> skips = new ArrayList<>();
    private int templates;
    private int people;
    private int unreadable;

    Enroller(FaceFinder finder, Gallery gallery, String modelId, QualityBar bar, boolean largest) {
        this.finder = finder;
        this.gallery = gallery;
        this.modelId = modelId;
        this.bar = bar;
        this.largest = largest;
    }

    /** The persons of a folder laid out as DIR/NAME/*.jpg, in name order; the folder name is the person's name. */
    static List<Person> fromFolders(Path dir) {
        List<Person> persons = new ArrayList<>();
        for (Path sub : InputFiles.subfolders(dir)) {
            persons.add(new Person(sub.getFileName().toString(), InputFiles.expand(List.of(sub), true)));
        }
        return persons;
    }

    /** Enrols one person; {@code onSkip} hears each skipped photo as it happens, {@code onFile} each photo done. */
    void enrol(Person person, Consumer<Skip> onSkip, Runnable onFile) {
        String name;
        try {
            name = IdentityNames.normalise(person.name());
        } catch (IllegalArgumentException e) {
            unreadable += Math.max(1, person.files().size());
            for (Path file : person.files()) {
                skip(new Skip(file, "bad name", "the name \"" + printable(person.name()) + "\" is not allowed: " + e.getMessage()), onSkip);
                onFile.run();
            }
            return;
        }
        List<NewTemplate> pending = new ArrayList<>();
        List<Path> sources = new ArrayList<>();
        for (Path file : person.files()) {
            templateOf(file).ifPresentOrElse(t -> {
                pending.add(t);
                sources.add(file);
            }, () -> onSkip.accept(skips.get(skips.size() - 1)));
            onFile.run();
        }
        if (pending.isEmpty()) {
            return;
        }
        Optional<Identity> existing = gallery.findByName(name);
        Enrolment enrolment = existing.isPresent()
                ? gallery.addTemplates(existing.get().id(), pending)
                : gallery.enrol(name, pending);
        for (SkippedTemplate s : enrolment.skipped()) {
            String of = s.duplicateOf() < 0 ? "another photo of this enrolment" : "stored template " + s.duplicateOf();
            skip(new Skip(sources.get(s.index()), "near-duplicate",
                    String.format(Locale.ROOT, "near-duplicate of %s (similarity %.3f)", of, s.similarity())), onSkip);
        }
        if (!enrolment.addedTemplateIds().isEmpty()) {
            templates += enrolment.addedTemplateIds().size();
            people++;
        }
    }

    private Optional<NewTemplate> templateOf(Path file) {
        RgbImage image;
        try {
            image = Images.read(file);
        } catch (ImageException e) {
            unreadable++;
            skips.add(new Skip(file, "unreadable", e.getMessage()));
            return Optional.empty();
        }
        List<Face> faces = finder.find(image);
        if (faces.isEmpty()) {
            skips.add(new Skip(file, "no face", "no face found"));
            return Optional.empty();
        }
        if (faces.size() > 1 && !largest) {
            skips.add(new Skip(file, "several faces", faces.size() + " faces found (pass --largest to enrol the largest)"));
            return Optional.empty();
        }
        Face face = faces.size() == 1 ? faces.get(0) : FaceFinder.largest(faces);
        QualityAssessment quality = bar.assess(face.quality());
        if (!quality.usable()) {
            // the summary counts by the first reason; the message lists them all
            skips.add(new Skip(file, quality.reasons().get(0).text(), quality.describe()));
            return Optional.empty();
        }
        // Template quality: the inter-ocular distance in pixels, the figure recognition accuracy depends on most.
        return Optional.of(new NewTemplate(face.embedding().values(), modelId, face.quality().interOcularPx(), file.toString()));
    }

    private void skip(Skip s, Consumer<Skip> onSkip) {
        skips.add(s);
        onSkip.accept(s);
    }

    int templates() {
        return templates;
    }

    int people() {
        return people;
    }

    /** Photos that could not be used at all: unreadable files, folders with a name that is not allowed. */
    int failures() {
        return unreadable;
    }

    List<Skip> skips() {
        return List.copyOf(skips);
    }

    /** "enrolled 12 templates for 3 people; skipped 2: 1 no face, 1 near-duplicate". */
    String summary() {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "enrolled %d template%s for %d %s", templates,
                templates == 1 ? "" : "s", people, people == 1 ? "person" : "people"));
        if (skips.isEmpty()) {
            return s.append("; skipped 0").toString();
        }
        Map<String, Integer> byCategory = new TreeMap<>();
        skips.forEach(k -> byCategory.merge(k.category(), 1, Integer::sum));
        s.append("; skipped ").append(skips.size()).append(':');
        String sep = " ";
        for (Map.Entry<String, Integer> e : byCategory.entrySet()) {
            s.append(sep).append(e.getValue()).append(' ').append(e.getKey());
            sep = ", ";
        }
        return s.toString();
    }

    /** The name with control characters shown as \\uXXXX so an error message cannot break the terminal. */
    static String printable(String name) {
        StringBuilder out = new StringBuilder();
        name.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT) {
                out.append(String.format(Locale.ROOT, "\\u%04X", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        String s = out.toString();
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }
}
