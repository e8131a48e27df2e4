package io.face4j.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.junit.jupiter.api.Assumptions;

/**
 * Locates the shared face datasets for tests. The root is, in order: the system property {@code face4j.datasets},
 * the environment variable {@code FACE4J_DATASETS}, or {@code ../shared/datasets} above the project root.
 * A test that needs a folder calls {@link #require(String)}, which skips the test with a message naming the folder
 * when it is absent. Thread-safe (stateless).
 */
public final class Datasets {
    private Datasets() {
    }

    /** The datasets root (it may not exist). */
    public static Path root() {
        String property = System.getProperty("face4j.datasets");
        if (property != null && !property.isBlank()) {
            return Paths.get(property).toAbsolutePath().normalize();
        }
        String env = System.getenv("FACE4J_DATASETS");
        if (env != null && !env.isBlank()) {
            return Paths.get(env).toAbsolutePath().normalize();
        }
        // Surefire runs each module from its own folder: walk up to the folder holding the parent pom.
        Path dir = Paths.get("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("face4j-core"))) {
            dir = dir.getParent();
        }
        Path projectRoot = dir != null ? dir : Paths.get("").toAbsolutePath();
        return projectRoot.resolve("../shared/datasets").normalize();
    }

    /** The named folder or file under the datasets root; skips the calling test when it is absent. */
    public static Path require(String relative) {
        Path path = root().resolve(relative);
        Assumptions.assumeTrue(Files.exists(path),
                "dataset folder '" + relative + "' not found under " + root() + " (set -Dface4j.datasets or FACE4J_DATASETS); skipping");
        return path;
    }
}
