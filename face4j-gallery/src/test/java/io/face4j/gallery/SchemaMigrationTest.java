package io.face4j.gallery;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaMigrationTest {
    @TempDir
    Path dir;

    /** Writes a version-1 file by hand, as face4j's first schema had it: no name key, no settings table. */
    private static void writeVersion1(Path file, String... names) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE identities (id TEXT PRIMARY KEY, name TEXT NOT NULL, "
                    + "created_at INTEGER NOT NULL)");
            statement.execute("CREATE TABLE templates (id INTEGER PRIMARY KEY AUTOINCREMENT, identity_id TEXT NOT NULL "
                    + "REFERENCES identities(id) ON DELETE CASCADE, model_id TEXT NOT NULL, dimension INTEGER NOT NULL, "
                    + "embedding BLOB NOT NULL, quality REAL NOT NULL, source TEXT NOT NULL, created_at INTEGER NOT NULL)");
            statement.execute("CREATE INDEX templates_by_identity ON templates(identity_id)");
            try (PreparedStatement identity = connection.prepareStatement("INSERT INTO identities VALUES (?, ?, ?)");
                 PreparedStatement template = connection.prepareStatement("INSERT INTO templates(identity_id, "
                         + "model_id, dimension, embedding, quality, source, created_at) VALUES (?, 'm2', 2, ?, 1, '', 0)")) {
                for (int i = 0; i < names.length; i++) {
                    identity.setString(1, "id" + i);
                    identity.setString(2, names[i]);
                    identity.setLong(3, i);
                    identity.executeUpdate();
                    double angle = i * 0.5;
                    ByteBuffer blob = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
                    blob.putFloat((float) Math.cos(angle)).putFloat((float) Math.sin(angle));
                    template.setString(1, "id" + i);
                    template.setBytes(2, blob.array());
                    template.executeUpdate();
                }
            }
            statement.execute("PRAGMA user_version = 1");
        }
    }

    private static int userVersion(Path file) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("PRAGMA user_version")) {
            return result.getInt(1);
        }
    }

    @Test
    void version1FileIsMigratedKeepingItsData() throws Exception {
        Path file = dir.resolve("v1.db");
        writeVersion1(file, "Jose\u0301", "Ben");
        try (Gallery gallery = Gallery.open(file)) {
            assertEquals(2, gallery.stats().schemaVersion());
            List<Identity> identities = gallery.identities();
            assertEquals(List.of("Ben", "Jos\u00e9"), identities.stream().map(Identity::name).toList());
            assertEquals("id0", gallery.findByName("JOSÉ").orElseThrow().id());
            assertThrows(DuplicateNameException.class, () -> gallery.enrol("ben", List.of()));
            gallery.putThreshold("m2", DecisionPolicy.nearestTemplate(), 0.5);
            List<Candidate> found = gallery.search("m2", new float[] {1, 0}, DecisionPolicy.nearestTemplate(), 2);
            assertEquals("Jos\u00e9", found.get(0).name());
            assertArrayEquals(new float[] {1, 0}, gallery.templates("id0").get(0).embedding(), 1e-6f);
        }
        assertEquals(2, userVersion(file));
    }

    @Test
    void failedMigrationLeavesTheFileAtItsVersion() throws Exception {
        Path file = dir.resolve("clash.db");
        writeVersion1(file, "Anna", "ANNA");
        GalleryException e = assertThrows(GalleryException.class, () -> Gallery.open(file));
        assertTrue(e.getMessage().contains("from schema version 1 to 2"), e.getMessage());
        assertTrue(e.getMessage().contains("both named"), e.getMessage());
        assertEquals(1, userVersion(file));
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement();
             ResultSet columns = statement.executeQuery("SELECT count(*) FROM pragma_table_info('identities') "
                     + "WHERE name = 'name_key'")) {
            assertEquals(0, columns.getInt(1), "the half-done migration was rolled back");
        }
    }

    @Test
    void newerSchemaVersionIsRefused() throws Exception {
        Path file = dir.resolve("future.db");
        try (Gallery gallery = Gallery.open(file)) {
            gallery.enrol("Anna", List.of());
        }
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA user_version = 99");
        }
        GalleryException e = assertThrows(GalleryException.class, () -> Gallery.open(file));
        assertTrue(e.getMessage().contains("schema version 99, newer than the newest this face4j knows (2)"),
                e.getMessage());
    }

    @Test
    void someoneElsesDatabaseIsRefused() throws Exception {
        Path file = dir.resolve("other.db");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE invoices (id INTEGER)");
        }
        GalleryException e = assertThrows(GalleryException.class, () -> Gallery.open(file));
        assertTrue(e.getMessage().contains("not a face4j gallery"), e.getMessage());
    }
}
