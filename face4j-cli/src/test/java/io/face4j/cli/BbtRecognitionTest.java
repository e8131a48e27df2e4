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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.face4j.testing.Datasets;

/**
 * faceapi-bbt: one tight 150x150 crop per character enrolled (MTCNN needs the padding fallback of FaceFinder for
 * most of them), then the five group scenes recognised. Annotated scenes go to target/bbt-annotated for a look.
 */
@Tag("golden")
class BbtRecognitionTest {
    static final List<String> CHARACTERS = List.of("amy", "bernadette", "howard", "leonard", "penny", "raj", "sheldon", "stuart");

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void namesTheCharactersInTheGroupScenes() throws Exception {
        Path images = Datasets.require("faceapi-bbt/examples/images");
        Path gallery = tmp.resolve("bbt.db");
        for (String name : CHARACTERS) {
            Cli.Run run = Cli.run("enroll", "--gallery", gallery, "--name", name, images.resolve(name + "/" + name + "1.png"));
            assertEquals(0, run.code(), run::toString);
            assertTrue(run.out().startsWith("enrolled 1 template"), name + ": " + run);
        }
        Path annotated = Path.of("target/bbt-annotated");
        Object[] args = {"recognize", "--gallery", gallery, "--json", "--annotate", annotated,
                images.resolve("bbt1.jpg"), images.resolve("bbt2.jpg"), images.resolve("bbt3.jpg"), images.resolve("bbt4.jpg"), images.resolve("bbt5.jpg")};
        Cli.Run run = Cli.run(args);
        assertEquals(0, run.code(), run::toString);
        // per scene: the best candidate of every face (rank-1), and the names accepted at the default threshold
        Map<String, Set<String>> best = new TreeMap<>();
        Map<String, Set<String>> accepted = new TreeMap<>();
        for (String line : run.lines()) {
            JsonNode face = JSON.readTree(line);
            String file = Path.of(face.get("file").asText()).getFileName().toString();
            best.computeIfAbsent(file, k -> new TreeSet<>()).add(face.get("candidates").get(0).get("name").asText());
            accepted.computeIfAbsent(file, k -> new TreeSet<>()).add(face.get("name").asText());
        }
        System.out.println("bbt best candidates: " + best);
        System.out.println("bbt names at the default threshold: " + accepted);
        // who is in each scene, checked by eye on the annotated images (clearly visible faces only; in bbt2 the face cut
        // by the left edge is left out; bbt1 was not checked by eye, so it is printed but not asserted)
        Map<String, Set<String>> expected = Map.of(
                "bbt2.jpg", Set.of("leonard", "sheldon"),
                "bbt3.jpg", Set.of("sheldon", "howard", "penny", "raj", "leonard"),
                "bbt4.jpg", Set.of("amy", "raj", "bernadette", "leonard", "penny", "sheldon"),
                "bbt5.jpg", Set.of("raj", "penny", "sheldon", "leonard", "howard"));
        int named = 0;
        int total = 0;
        for (Map.Entry<String, Set<String>> e : expected.entrySet()) {
            assertTrue(best.getOrDefault(e.getKey(), Set.of()).containsAll(e.getValue()),
                    e.getKey() + ": expected " + e.getValue() + " among the best candidates " + best.get(e.getKey()));
            // at the threshold, a face may become unknown (one enrolled crop per person is little) but never someone else
            Set<String> wrong = new TreeSet<>(accepted.get(e.getKey()));
            wrong.removeAll(e.getValue());
            wrong.remove("unknown");
            assertTrue(wrong.isEmpty(), e.getKey() + ": wrongly named " + wrong);
            Set<String> right = new TreeSet<>(accepted.get(e.getKey()));
            right.retainAll(e.getValue());
            named += right.size();
            total += e.getValue().size();
        }
        System.out.println("bbt: " + named + "/" + total + " expected characters named at the default threshold");
        assertTrue(named >= total * 3 / 4, named + "/" + total);
        assertTrue(Files.exists(annotated.resolve("bbt1.jpg")));
    }
}
