package io.face4j.gallery;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The child process of {@link CrashSafetyTest}: enrols "person-N" with {@link #templateCount(int)} templates for
 * N = first, first + 1, ... until killed, printing "done id N count" after each committed enrolment.
 */
public final class CrashEnroller {
    private CrashEnroller() {
    }

    /** 2 to 6 templates: enough for a kill to land between two template inserts of one enrolment. */
    static int templateCount(int n) {
        return 2 + n % 5;
    }

    static List<NewTemplate> templates(int n) {
        Random random = new Random(n);
        List<NewTemplate> templates = new ArrayList<>();
        for (int i = 0; i < templateCount(n); i++) {
            // independent random directions: never near-duplicates, so every template is stored
            templates.add(new NewTemplate(TestVectors.unit(random, 128), "crash-128", 1, "n" + n + "-" + i));
        }
        return templates;
    }

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        int first = Integer.parseInt(args[1]);
        try (Gallery gallery = Gallery.open(file)) {
            for (int n = first; ; n++) {
                Enrolment enrolment = gallery.enrol("person-" + n, templates(n));
                System.out.println("done " + enrolment.identity().id() + " " + n + " "
                        + enrolment.addedTemplateIds().size());
                System.out.flush();
            }
        }
    }
}
