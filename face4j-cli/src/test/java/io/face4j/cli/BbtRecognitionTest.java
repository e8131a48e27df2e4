package io.face4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.face4j.testing.Datasets;

/**
 * faceapi-bbt: one tight 150x150 crop per character enrolled (MTCNN needs the padding fallback of FaceFinder for
 * most of them), then the five group scenes recognised. Annotated scenes go to target/bbt-annotated for a look.
 */
@Tag("golden")
class BbtRecognitionTest {
    static final List<String> CHARACTERS = List.of("amy", "bernadette", "howard", "leonard", "penny", "raj", "sheldon", "stuart");

    @TempDir
    Path tmp;

    @Test
    void namesTheCharactersInTheGroupScenes() {
        Path images = Datasets.require("faceapi-bbt/examples/images");
        Path gallery = tmp.resolve("bbt.db");
        for (String name : CHARACTERS) {
            Cli.Run run = Cli.run("enroll", "--gallery", gallery, "--name", name, images.resolve(name + "/" + name + "1.png"));
            assertEquals(0, run.code(), run::toString);
            assertTrue(run.out().startsWith("enrolled 1 template"), name + ": " + run);
        }
        Path annotated = Path.of("target/bbt-annotated");
        Object[] args = {"recognize", "--gallery", gallery, "--annotate", annotated,
                images.resolve("bbt1.jpg"), images.resolve("bbt2.jpg"), images.resolve("bbt3.jpg"), images.resolve("bbt4.jpg"), images.resolve("bbt5.jpg")};
        Cli.Run run = Cli.run(args);
        assertEquals(0, run.code(), run::toString);
        System.out.println(run.out());
        Map<String, Set<String>> found = new TreeMap<>();
        for (String line : run.lines()) {
            String[] f = line.split(",");
            found.computeIfAbsent(Path.of(f[0]).getFileName().toString(), k -> new TreeSet<>()).add(f[1]);
        }
        System.out.println("bbt names found: " + found);
        // who is in each scene, checked by eye on the annotated images (clearly visible faces only; in bbt2 the face cut
        // by the left edge is left out; bbt1 was not checked by eye, so it is printed but not asserted)
        Map<String, Set<String>> expected = Map.of(
                "bbt2.jpg", Set.of("leonard", "sheldon"),
                "bbt3.jpg", Set.of("sheldon", "howard", "penny", "raj", "leonard"),
                "bbt4.jpg", Set.of("amy", "raj", "bernadette", "leonard", "penny", "sheldon"),
                "bbt5.jpg", Set.of("raj", "penny", "sheldon", "leonard", "howard"));
        expected.forEach((file, names) -> assertTrue(found.getOrDefault(file, Set.of()).containsAll(names),
                file + ": expected " + names + ", found " + found.get(file)));
        assertTrue(Files.exists(annotated.resolve("bbt1.jpg")));
    }
}
