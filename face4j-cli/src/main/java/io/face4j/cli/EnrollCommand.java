package io.face4j.cli;

import io.face4j.FaceFinder;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import io.face4j.FaceAnalyzer;
import io.face4j.gallery.Gallery;
import io.face4j.gallery.IdentityNames;
import io.face4j.quality.QualityBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code face4j enroll DIR} (DIR/NAME/*.jpg) or {@code face4j enroll --name NAME IMAGE...}. */
@Command(name = "enroll", aliases = "enrol", mixinStandardHelpOptions = true,
        description = {"Add people to the gallery from photos with one face each.",
                "DIR: one subfolder per person, named after them (DIR/NAME/*.jpg). --name NAME: all IMAGES are NAME.",
                "Photos with no face, several faces, or a face too small, blurry, dark or bright are skipped with the reason;",
                "near-duplicates of stored templates are skipped by the gallery. A summary ends the output."})
final class EnrollCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    AnalyzerMixin analyzer;

    @Mixin
    GalleryMixin gallery;

    @Mixin
    QualityGate gate;

    @Option(names = "--name", paramLabel = "NAME", description = "enrol all IMAGES as this person (added to them if they exist)")
    String name;

    @Parameters(paramLabel = "DIR_OR_IMAGES", arity = "1..*", description = "a folder of per-person folders, or with --name, images")
    List<Path> inputs;

    @Option(names = "--largest", description = "with several faces in a photo, enrol the largest instead of skipping the photo")
    boolean largest;

    @Option(names = {"-q", "--quiet"}, description = "no progress bar, no per-photo notes, no summary")
    boolean quiet;

    @Override
    public Integer call() {
        return Failures.mapped(spec, () -> {
            QualityBar bar = gate.bar(QualityBar.enrolment());
            List<Enroller.Person> persons = persons();
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            int total = persons.stream().mapToInt(p -> p.files().size()).sum();
            try (FaceAnalyzer faceAnalyzer = analyzer.open(); Gallery g = gallery.open();
                 Progress progress = Progress.start("enrol", total, quiet)) {
                Enroller enroller = new Enroller(new FaceFinder(faceAnalyzer), g, faceAnalyzer.embedder().orElseThrow().modelId(), bar, largest);
                for (Enroller.Person person : persons) {
                    enroller.enrol(person, skip -> {
                        if (!quiet || skip.category().equals("unreadable")) {
                            err.println("face4j enroll: skipped " + skip.file() + ": " + skip.reason());
                        }
                    }, progress::step);
                }
                if (!quiet) {
                    out.println(enroller.summary() + " (gallery " + g.options().path() + ")");
                }
                return enroller.failures() > 0 || enroller.templates() == 0 ? ExitCodes.INPUT : ExitCodes.OK;
            }
        });
    }

    private List<Enroller.Person> persons() {
        if (name != null) {
            try {
                IdentityNames.normalise(name);
            } catch (IllegalArgumentException e) {
                throw new InputException("the name \"" + Enroller.printable(name) + "\" is not allowed: " + e.getMessage());
            }
            return List.of(new Enroller.Person(name, InputFiles.expand(inputs, false)));
        }
        if (inputs.size() != 1) {
            throw new UsageException("without --name, give exactly one folder (DIR/NAME/*.jpg); got " + inputs.size() + " arguments");
        }
        List<Enroller.Person> persons = Enroller.fromFolders(inputs.get(0));
        if (persons.isEmpty()) {
            throw new InputException(inputs.get(0) + " has no subfolders; expected DIR/NAME/*.jpg (or use --name NAME IMAGES...)");
        }
        return persons;
    }
}
