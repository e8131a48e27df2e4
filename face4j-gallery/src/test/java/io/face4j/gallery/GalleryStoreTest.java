package io.face4j.gallery;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GalleryStoreTest {
    @TempDir
    Path dir;

    @Test
    void enrolledIdentitiesAndTemplatesSurviveReopening() throws Exception {
        Path file = dir.resolve("nested/deeper/gallery.db");
        Random random = new Random(1);
        List<NewTemplate> anna = TestVectors.person(random, 3, 0.3);
        List<NewTemplate> ben = TestVectors.person(random, 2, 0.3);
        String annaId;
        try (Gallery gallery = Gallery.open(file)) {
            annaId = gallery.enrol("Anna", anna).identity().id();
            gallery.enrol("Ben", ben);
        }
        assertTrue(Files.exists(file));
        try (Gallery gallery = Gallery.open(file)) {
            List<Identity> identities = gallery.identities();
            assertEquals(List.of("Anna", "Ben"), identities.stream().map(Identity::name).toList());
            assertEquals(List.of(3, 2), identities.stream().map(Identity::templateCount).toList());
            List<Template> templates = gallery.templates(annaId);
            assertEquals(3, templates.size());
            for (int i = 0; i < 3; i++) {
                assertArrayEquals(anna.get(i).embedding(), templates.get(i).embedding(), 1e-6f);
                assertEquals("photo-" + i + ".jpg", templates.get(i).source());
                assertEquals(0.9, templates.get(i).quality());
                assertEquals(TestVectors.MODEL, templates.get(i).modelId());
            }
            GalleryStats stats = gallery.stats();
            assertEquals(2, stats.identities());
            assertEquals(5, stats.templates());
            assertEquals(Map.of(TestVectors.MODEL, 5), stats.templatesPerModel());
            assertEquals(Schema.latestVersion(), stats.schemaVersion());
        }
    }

    @Test
    void fileIsWalWithLittleEndianFloat32Blobs() throws Exception {
        Path file = dir.resolve("g.db");
        float[] embedding = TestVectors.vector(4, 0.6, -0.8, 0, 0);
        try (Gallery gallery = Gallery.open(file)) {
            gallery.enrol("Anna", List.of(NewTemplate.of(embedding, "m4")));
        }
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement()) {
            try (ResultSet result = statement.executeQuery("PRAGMA journal_mode")) {
                assertEquals("wal", result.getString(1));
            }
            try (ResultSet result = statement.executeQuery("PRAGMA user_version")) {
                assertEquals(Schema.latestVersion(), result.getInt(1));
            }
            try (ResultSet result = statement.executeQuery("SELECT embedding, dimension FROM templates")) {
                byte[] blob = result.getBytes(1);
                assertEquals(16, blob.length);
                assertEquals(4, result.getInt(2));
                ByteBuffer le = ByteBuffer.wrap(blob).order(ByteOrder.LITTLE_ENDIAN);
                assertEquals(0.6f, le.getFloat(0), 1e-7);
                assertEquals(-0.8f, le.getFloat(4), 1e-7);
            }
        }
    }

    @Test
    void embeddingsAreNormalisedOnACopy() {
        float[] raw = {3, 4, 0, 0};
        try (Gallery gallery = Gallery.open(dir.resolve("g.db"))) {
            String id = gallery.enrol("Anna", List.of(NewTemplate.of(raw, "m4"))).identity().id();
            assertArrayEquals(new float[] {3, 4, 0, 0}, raw);
            assertArrayEquals(new float[] {0.6f, 0.8f, 0, 0}, gallery.templates(id).get(0).embedding(), 1e-6f);
        }
    }

    @Test
    void unicodeNamesAreStoredInNfcAndFoundIgnoringCase() {
        try (Gallery gallery = Gallery.open(dir.resolve("g.db"))) {
            Random random = new Random(2);
            // "Jose" + combining acute accent: decomposed input, stored precomposed
            Identity jose = gallery.enrol("Jose\u0301 Ñúñez", TestVectors.person(random, 1, 0)).identity();
            Identity wang = gallery.enrol("王小明", TestVectors.person(random, 1, 0)).identity();
            Identity emoji = gallery.enrol("  Zoë 🙂  ", TestVectors.person(random, 1, 0)).identity();
            assertEquals("Jos\u00e9 Ñúñez", jose.name());
            assertEquals("王小明", wang.name());
            assertEquals("Zoë 🙂", emoji.name());
            assertEquals(jose.id(), gallery.findByName("JOS\u00c9 ñúñez").orElseThrow().id());
            assertEquals(wang.id(), gallery.findByName("王小明").orElseThrow().id());
            String longCjk = "名".repeat(IdentityNames.MAX_CODE_POINTS);
            assertEquals(longCjk, gallery.enrol(longCjk, List.of()).identity().name());
        }
    }

    static Stream<Arguments> badNames() {
        return Stream.of(
                Arguments.of("../etc", "path separator"),
                Arguments.of("a\\b", "path separator"),
                Arguments.of("..", "only of dots"),
                Arguments.of("", "empty or blank"),
                Arguments.of(" \t\u3000 ", "empty or blank"),
                Arguments.of("line\nbreak", "control character (U+000A) at index 4"),
                Arguments.of("nul\u0000byte", "control character (U+0000)"),
                Arguments.of("tab\there", "control character"),
                Arguments.of("para\u2029graph", "line or paragraph separator"),
                Arguments.of("evil\u202Eeman", "bidirectional"),
                Arguments.of("half\uD800", "unpaired surrogate"));
    }

    @ParameterizedTest
    @MethodSource("badNames")
    void badNamesAreRefusedNamingTheProblem(String name, String problem) {
        try (Gallery gallery = Gallery.open(dir.resolve("g.db"))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> gallery.enrol(name, List.of()));
            assertTrue(e.getMessage().contains(problem), e.getMessage());
            assertTrue(gallery.identities().isEmpty());
        }
    }

    @Test
    void tooLongAndNullNamesAreRefused() {
        try (Gallery gallery = Gallery.open(dir.resolve("g.db"))) {
            String tooLong = "a".repeat(IdentityNames.MAX_CODE_POINTS + 1);
            assertTrue(assertThrows(IllegalArgumentException.class, () -> gallery.enrol(tooLong, List.of()))
                    .getMessage().contains("201 characters"));
            assertThrows(IllegalArgumentException.class, () -> gallery.enrol(null, List.of()));
        }
    }

    @Test
    void duplicateNamesAreRefusedIgnoringCaseAndNormalisation() {
        try (Gallery gallery = Gallery.open(dir.resolve("g.db"))) {
            Random random = new Random(3);
            Identity anna = gallery.enrol("Anna", TestVectors.person(random, 1, 0)).identity();
            DuplicateNameException e = assertThrows(DuplicateNameException.class,
                    () -> gallery.enrol(" anna ", TestVectors.person(random, 1, 0)));
            assertEquals(anna.id(), e.existingId());
            Identity ben = gallery.enrol("Ben", List.of()).identity();
            assertThrows(DuplicateNameException.class, () -> gallery.rename(ben.id(), "ANNA"));
            assertEquals("ANNA", gallery.rename(anna.id(), "ANNA").name());
            assertEquals(2, gallery.identities().size());
            assertEquals(1, gallery.identity(anna.id()).orElseThrow().templateCount());
        }
    }

    @Test
    void embeddingsOfDifferentModelsOrLengthsAreNeverCompared() {
        Random random = new Random(4);
        try (Gallery gallery = Gallery.open(dir.resolve("g.db"))) {
            gallery.enrol("Anna", List.of(NewTemplate.of(TestVectors.unit(random, 192), "mobilefacenet-192")));
            ModelMismatchException wrongLength = assertThrows(ModelMismatchException.class, () -> gallery.enrol(
                    "Ben", List.of(NewTemplate.of(TestVectors.unit(random, 128), "mobilefacenet-192"))));
            assertTrue(wrongLength.getMessage().contains("128") && wrongLength.getMessage().contains("192"));
            assertFalse(gallery.findByName("Ben").isPresent(), "the failed enrolment left nothing behind");

            ModelMismatchException otherModel = assertThrows(ModelMismatchException.class, () -> gallery.search(
                    "arcface-512", TestVectors.unit(random, 512), DecisionPolicy.nearestTemplate(), 5));
            assertTrue(otherModel.getMessage().contains("arcface-512")
                    && otherModel.getMessage().contains("mobilefacenet-192"), otherModel.getMessage());
            assertThrows(ModelMismatchException.class, () -> gallery.search("mobilefacenet-192",
                    TestVectors.unit(random, 128), DecisionPolicy.nearestTemplate(), 5));

            // a second model is fine; each model is searched only against its own templates
            float[] arc = TestVectors.unit(random, 512);
            gallery.enrol("Ben", List.of(NewTemplate.of(arc, "arcface-512")));
            List<Candidate> found = gallery.search("arcface-512", arc, DecisionPolicy.nearestTemplate(), 5);
            assertEquals(List.of("Ben"), found.stream().map(Candidate::name).toList());
        }
    }

    @Test
    void emptyGalleryFindsNobody() {
        try (Gallery gallery = Gallery.open(dir.resolve("g.db"))) {
            assertTrue(gallery.search("m", new float[] {1, 0}, DecisionPolicy.centroid(), 3).isEmpty());
        }
    }

    @Test
    void nearDuplicateTemplatesAreSkippedAndReported() {
        Random random = new Random(5);
        float[] face = TestVectors.unit(random, TestVectors.DIM);
        float[] almostSame = TestVectors.near(random, face, 0.01);
        float[] different = TestVectors.near(random, face, 0.5);
        assertTrue(TestVectors.dot(face, almostSame) >= 0.98);
        assertTrue(TestVectors.dot(face, different) < 0.98);
        try (Gallery gallery = Gallery.open(dir.resolve("g.db"))) {
            Enrolment first = gallery.enrol("Anna", List.of(NewTemplate.of(face, TestVectors.MODEL),
                    NewTemplate.of(almostSame, TestVectors.MODEL)));
            assertEquals(1, first.addedTemplateIds().size());
            assertEquals(List.of(new SkippedTemplate(1, -1, first.skipped().get(0).similarity())), first.skipped());

            Enrolment second = gallery.addTemplates(first.identity().id(), List.of(
                    NewTemplate.of(different, TestVectors.MODEL), NewTemplate.of(almostSame, TestVectors.MODEL)));
            assertEquals(1, second.addedTemplateIds().size());
            SkippedTemplate skipped = second.skipped().get(0);
            assertEquals(1, skipped.index());
            assertEquals(first.addedTemplateIds().get(0), skipped.duplicateOf());
            assertTrue(skipped.similarity() >= 0.98);
            assertEquals(2, second.identity().templateCount());

            // the same face for another identity is not a duplicate of it (twins, or a mistake the user must see)
            assertEquals(1, gallery.enrol("Ben", List.of(NewTemplate.of(face, TestVectors.MODEL)))
                    .addedTemplateIds().size());
        }
    }

    @Test
    void removingTemplatesAndIdentities() {
        Random random = new Random(6);
        try (Gallery gallery = Gallery.open(dir.resolve("g.db"))) {
            Enrolment anna = gallery.enrol("Anna", TestVectors.person(random, 3, 0.3));
            Enrolment ben = gallery.enrol("Ben", TestVectors.person(random, 2, 0.3));
            float[] annaFace = anna.identity() == null ? null : gallery.templates(anna.identity().id()).get(0)
                    .embedding();
            assertEquals("Anna", gallery.search(TestVectors.MODEL, annaFace, DecisionPolicy.nearestTemplate(), 1)
                    .get(0).name());

            gallery.removeTemplate(anna.addedTemplateIds().get(0));
            assertEquals(2, gallery.identity(anna.identity().id()).orElseThrow().templateCount());
            gallery.removeIdentity(ben.identity().id());
            assertEquals(List.of("Anna"), gallery.identities().stream().map(Identity::name).toList());
            assertEquals(2, gallery.stats().templates());
            assertThrows(UnknownIdentityException.class, () -> gallery.removeIdentity(ben.identity().id()));
            assertThrows(UnknownIdentityException.class, () -> gallery.removeTemplate(999_999));
            assertThrows(UnknownIdentityException.class, () -> gallery.addTemplates("nope", List.of()));
            assertThrows(UnknownIdentityException.class, () -> gallery.rename("nope", "X"));
        }
    }

    @Test
    void settingsAndThresholdsPersist() {
        Path file = dir.resolve("g.db");
        try (Gallery gallery = Gallery.open(file)) {
            gallery.putThreshold("m", DecisionPolicy.knnVote(3), 0.42);
            gallery.putSetting("note", "Ünïcode ok");
        }
        try (Gallery gallery = Gallery.open(file)) {
            assertEquals(0.42, gallery.threshold("m", DecisionPolicy.knnVote(3)).orElseThrow());
            assertTrue(gallery.threshold("m", DecisionPolicy.knnVote(5)).isEmpty());
            assertEquals("Ünïcode ok", gallery.setting("note").orElseThrow());
        }
    }

    @Test
    void closedGalleryRefusesWork() {
        Gallery gallery = Gallery.open(dir.resolve("g.db"));
        gallery.close();
        assertThrows(IllegalStateException.class, gallery::identities);
        assertThrows(IllegalStateException.class, () -> gallery.enrol("Anna", List.of()));
    }
}
