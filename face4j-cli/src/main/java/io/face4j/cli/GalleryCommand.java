package io.face4j.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import io.face4j.gallery.Gallery;
import io.face4j.gallery.Identity;
import io.face4j.gallery.ImportMode;
import io.face4j.gallery.ImportReport;
import io.face4j.gallery.Template;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code face4j gallery list|show|rename|remove|export|import}: look after the people in the gallery. */
@Command(name = "gallery", mixinStandardHelpOptions = true, description = "List, inspect, rename, remove, export and import enrolled people.",
        subcommands = {GalleryCommand.ListCommand.class, GalleryCommand.ShowCommand.class, GalleryCommand.RenameCommand.class,
                GalleryCommand.RemoveCommand.class, GalleryCommand.ExportCommand.class, GalleryCommand.ImportCommand.class})
final class GalleryCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "give a gallery command: list, show, rename, remove, export or import");
    }

    /** The identity named {@code nameOrId} (ignoring case), else the one with that id. */
    static Identity resolve(Gallery gallery, String nameOrId) {
        try {
            var byName = gallery.findByName(nameOrId);
            if (byName.isPresent()) {
                return byName.get();
            }
        } catch (IllegalArgumentException e) {
            // not a valid name: it may still be an id
        }
        return gallery.identity(nameOrId).orElseThrow(() -> new InputException(
                "no person named or with id \"" + Enroller.printable(nameOrId) + "\" in " + gallery.options().path()));
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "One line per person: name, id, number of templates.")
    static final class ListCommand implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Mixin GalleryMixin gallery;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (Gallery g = gallery.open()) {
                List<Identity> identities = g.identities();
                int width = Math.max(4, identities.stream().mapToInt(i -> i.name().codePointCount(0, i.name().length())).max().orElse(0));
                out.printf(Locale.ROOT, "%-" + width + "s  %-12s  %s%n", "NAME", "ID", "TEMPLATES");
                for (Identity i : identities) {
                    out.printf(Locale.ROOT, "%-" + width + "s  %-12s  %d%n", i.name(), i.id(), i.templateCount());
                }
                return ExitCodes.OK;
            }
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "A person's templates: id, quality (eye distance in px), time, source.")
    static final class ShowCommand implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Mixin GalleryMixin gallery;
        @Parameters(paramLabel = "NAME_OR_ID") String who;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());
            try (Gallery g = gallery.open()) {
                Identity identity = resolve(g, who);
                out.printf(Locale.ROOT, "%s (id %s, %d templates, enrolled %s)%n", identity.name(), identity.id(),
                        identity.templateCount(), time.format(identity.createdAt()));
                for (Template t : g.templates(identity.id())) {
                    out.printf(Locale.ROOT, "  #%-6d %-18s quality %6.1f  %s  %s%n", t.id(), t.modelId(), t.quality(),
                            time.format(t.createdAt()), t.source());
                }
                return ExitCodes.OK;
            }
        }
    }

    @Command(name = "rename", mixinStandardHelpOptions = true, description = "Give a person a new name (id and templates stay).")
    static final class RenameCommand implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Mixin GalleryMixin gallery;
        @Parameters(index = "0", paramLabel = "NAME_OR_ID") String who;
        @Parameters(index = "1", paramLabel = "NEW_NAME") String newName;

        @Override
        public Integer call() {
            try (Gallery g = gallery.open()) {
                Identity identity = resolve(g, who);
                Identity renamed;
                try {
                    renamed = g.rename(identity.id(), newName);
                } catch (IllegalArgumentException e) {
                    throw new InputException("the name \"" + Enroller.printable(newName) + "\" is not allowed: " + e.getMessage());
                }
                spec.commandLine().getOut().printf("renamed %s to %s (id %s)%n", identity.name(), renamed.name(), renamed.id());
                return ExitCodes.OK;
            }
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a person and all their templates.")
    static final class RemoveCommand implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Mixin GalleryMixin gallery;
        @Parameters(paramLabel = "NAME_OR_ID") String who;

        @Override
        public Integer call() {
            try (Gallery g = gallery.open()) {
                Identity identity = resolve(g, who);
                g.removeIdentity(identity.id());
                spec.commandLine().getOut().printf("removed %s (id %s, %d templates)%n", identity.name(), identity.id(), identity.templateCount());
                return ExitCodes.OK;
            }
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true, description = "Write every person, template and setting to a JSON file.")
    static final class ExportCommand implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Mixin GalleryMixin gallery;
        @Parameters(paramLabel = "FILE") Path file;
        @Option(names = "--force", description = "overwrite FILE if it exists") boolean force;

        @Override
        public Integer call() {
            if (Files.exists(file) && !force) {
                throw new InputException(file + " exists; pass --force to overwrite it");
            }
            try (Gallery g = gallery.open()) {
                g.exportTo(file);
                var stats = g.stats();
                spec.commandLine().getOut().printf("exported %d people, %d templates to %s%n", stats.identities(), stats.templates(), file);
                return ExitCodes.OK;
            }
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Add the people of an exported file; people already present (same id or name) get the new templates.")
    static final class ImportCommand implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Mixin GalleryMixin gallery;
        @Parameters(paramLabel = "FILE") Path file;
        @Option(names = "--refuse-conflicts", description = "import nothing when a person of the file is already in the gallery")
        boolean refuseConflicts;

        @Override
        public Integer call() {
            if (!Files.isRegularFile(file)) {
                throw new InputException("no such file: " + file);
            }
            try (Gallery g = gallery.open()) {
                ImportReport r = g.importFrom(file, refuseConflicts ? ImportMode.REFUSE_CONFLICTS : ImportMode.MERGE);
                spec.commandLine().getOut().printf("imported %d new people, merged %d; %d templates added, %d skipped as duplicates; %d settings%n",
                        r.identitiesCreated(), r.identitiesMerged(), r.templatesAdded(), r.templatesSkipped(), r.settingsImported());
                return ExitCodes.OK;
            }
        }
    }
}
