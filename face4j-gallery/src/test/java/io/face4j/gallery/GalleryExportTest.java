package io.face4j.gallery;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GalleryExportTest {
    @TempDir
    Path dir;

    private Path exportSample(Random random) {
        Path file = dir.resolve("export/gallery.json");
        try (Gallery gallery = Gallery.open(dir.resolve("source.db"))) {
            gallery.enrol("Anna Berg", TestVectors.person(random, 3, 0.05));
            gallery.enrol("王小明", TestVectors.person(random, 2, 0.05));
            gallery.enrol("No Templates Yet", List.of());
            gallery.putThreshold(TestVectors.MODEL, DecisionPolicy.centroid(), 0.41);
            gallery.exportTo(file);
        }
        return file;
    }

    @Test
    void exportThenImportRecreatesTheGallery() {
        Path file = exportSample(new Random(21));
        try (Gallery source = Gallery.open(dir.resolve("source.db"));
             Gallery target = Gallery.open(dir.resolve("target.db"))) {
            ImportReport report = target.importFrom(file, ImportMode.REFUSE_CONFLICTS);
            assertEquals(new ImportReport(3, 0, 5, 0, 1), report);
            assertEquals(source.identities(), target.identities());
            for (Identity identity : source.identities()) {
                List<Template> expected = source.templates(identity.id());
                List<Template> actual = target.templates(identity.id());
                assertEquals(expected.size(), actual.size());
                for (int i = 0; i < expected.size(); i++) {
                    assertArrayEquals(expected.get(i).embedding(), actual.get(i).embedding(), 0f);
                    assertEquals(expected.get(i).source(), actual.get(i).source());
                    assertEquals(expected.get(i).quality(), actual.get(i).quality());
                    assertEquals(expected.get(i).createdAt(), actual.get(i).createdAt());
                }
            }
            assertEquals(0.41, target.threshold(TestVectors.MODEL, DecisionPolicy.centroid()).orElseThrow());
        }
    }

    @Test
    void fileFollowsTheDocumentedFormat() throws Exception {
        Path file = exportSample(new Random(22));
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        assertEquals("face4j-gallery", root.get("format").asText());
        assertEquals(1, root.get("formatVersion").asInt());
        assertEquals("float32-le-base64", root.get("embeddingEncoding").asText());
        assertEquals(TestVectors.MODEL, root.get("models").get(0).get("id").asText());
        assertEquals(TestVectors.DIM, root.get("models").get(0).get("dimension").asInt());
        JsonNode anna = root.get("identities").get(0);
        assertEquals("Anna Berg", anna.get("name").asText());
        byte[] bytes = Base64.getDecoder().decode(anna.get("templates").get(0).get("embedding").asText());
        assertEquals(TestVectors.DIM * 4, bytes.length);
        try (Gallery source = Gallery.open(dir.resolve("source.db"))) {
            float[] stored = source.templates(anna.get("id").asText()).get(0).embedding();
            assertEquals(stored[0], ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getFloat(0));
        }
        assertTrue(Files.list(file.getParent()).allMatch(p -> p.equals(file)), "no temporary file left behind");
    }

    @Test
    void importingTwiceWithMergeAddsNothing() {
        Path file = exportSample(new Random(23));
        try (Gallery target = Gallery.open(dir.resolve("target.db"))) {
            target.importFrom(file, ImportMode.MERGE);
            ImportReport again = target.importFrom(file, ImportMode.MERGE);
            assertEquals(new ImportReport(0, 3, 0, 5, 0), again);
            assertEquals(5, target.stats().templates());
        }
    }

    @Test
    void mergeJoinsSameNamedIdentitiesAndRefusesAReusedId() {
        Random random = new Random(24);
        Path file = exportSample(random);
        try (Gallery target = Gallery.open(dir.resolve("target.db"))) {
            Identity local = target.enrol("anna berg", TestVectors.person(random, 1, 0.05)).identity();
            ImportReport report = target.importFrom(file, ImportMode.MERGE);
            assertEquals(2, report.identitiesCreated());
            assertEquals(1, report.identitiesMerged());
            assertEquals(4, target.identity(local.id()).orElseThrow().templateCount());
        }
        try (Gallery target = Gallery.open(dir.resolve("target2.db"))) {
            target.importFrom(file, ImportMode.MERGE);
            String annaId = target.findByName("Anna Berg").orElseThrow().id();
            target.rename(annaId, "Someone Else");
            ImportConflictException e = assertThrows(ImportConflictException.class,
                    () -> target.importFrom(file, ImportMode.MERGE));
            assertTrue(e.getMessage().contains("id " + annaId + " is \"Someone Else\""), e.getMessage());
        }
    }

    @Test
    void refuseConflictsImportsNothingWhenAnythingClashes() {
        Random random = new Random(25);
        Path file = exportSample(random);
        try (Gallery target = Gallery.open(dir.resolve("target.db"))) {
            target.enrol("王小明", TestVectors.person(random, 1, 0.05));
            ImportConflictException e = assertThrows(ImportConflictException.class,
                    () -> target.importFrom(file, ImportMode.REFUSE_CONFLICTS));
            assertEquals(1, e.conflicts().size());
            assertTrue(e.conflicts().get(0).contains("王小明"));
            assertEquals(1, target.identities().size());
            assertEquals(1, target.stats().templates());
        }
    }

    @Test
    void unsupportedOrBrokenFilesAreRefusedClearly() throws Exception {
        Path file = exportSample(new Random(26));
        String json = Files.readString(file);
        Path newer = dir.resolve("newer.json");
        Files.writeString(newer, json.replace("\"formatVersion\" : 1", "\"formatVersion\" : 2"));
        Path wrongDimension = dir.resolve("dimension.json");
        Files.writeString(wrongDimension, json.replace("\"dimension\" : 32", "\"dimension\" : 31"));
        try (Gallery target = Gallery.open(dir.resolve("target.db"))) {
            assertTrue(assertThrows(GalleryException.class, () -> target.importFrom(newer, ImportMode.MERGE))
                    .getMessage().contains("newer face4j"));
            assertTrue(assertThrows(GalleryException.class,
                    () -> target.importFrom(wrongDimension, ImportMode.MERGE)).getMessage().contains("31"));
            assertEquals(0, target.identities().size());
        }
    }
}
