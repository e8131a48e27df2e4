package io.face4j.gallery;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The gallery's SQLite schema as an ordered list of migrations. The file's version is {@code PRAGMA user_version}
 * (0 for a new file); each migration runs in its own transaction together with the version bump, so a failed
 * migration leaves the file at the previous version. Thread-safe (stateless); the caller serialises use of the
 * connection.
 */
final class Schema {
    /** One step from version {@code version - 1} to {@code version}. */
    record Migration(int version, String description, Step step) {
    }

    @FunctionalInterface
    interface Step {
        void apply(Connection connection) throws SQLException;
    }

    static final List<Migration> MIGRATIONS = List.of(
            new Migration(1, "identities and templates (float32 little-endian embeddings)", Schema::createV1),
            new Migration(2, "NFC names unique ignoring case, settings table, templates indexed by model",
                    Schema::upgradeToV2));

    static int latestVersion() {
        return MIGRATIONS.get(MIGRATIONS.size() - 1).version();
    }

    private Schema() {
    }

    /** Brings the file to the latest version; the connection must be in auto-commit mode. Returns that version. */
    static int migrate(Connection connection, Path path) throws SQLException {
        int version = version(connection);
        if (version > latestVersion()) {
            throw new GalleryException("gallery " + path + " has schema version " + version
                    + ", newer than the newest this face4j knows (" + latestVersion()
                    + "); open it with a newer face4j");
        }
        if (version == 0 && hasTables(connection)) {
            throw new GalleryException(path + " is an SQLite database but not a face4j gallery "
                    + "(it has tables and no gallery schema version); choose another file");
        }
        for (Migration migration : MIGRATIONS) {
            if (migration.version() <= version) {
                continue;
            }
            connection.setAutoCommit(false);
            try {
                migration.step().apply(connection);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("PRAGMA user_version = " + migration.version());
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw new GalleryException("migrating gallery " + path + " from schema version "
                        + (migration.version() - 1) + " to " + migration.version() + " ("
                        + migration.description() + ") failed: " + e.getMessage(), e);
            } finally {
                connection.setAutoCommit(true);
            }
            version = migration.version();
        }
        return version;
    }

    static int version(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("PRAGMA user_version")) {
            return result.next() ? result.getInt(1) : 0;
        }
    }

    private static boolean hasTables(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT count(*) FROM sqlite_master WHERE type = 'table'")) {
            return result.next() && result.getInt(1) > 0;
        }
    }

    private static void createV1(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE identities ("
                    + "id TEXT PRIMARY KEY, "
                    + "name TEXT NOT NULL, "
                    + "created_at INTEGER NOT NULL)");
            // AUTOINCREMENT: a removed template's id is never handed out again, so ids held by callers stay unique.
            statement.execute("CREATE TABLE templates ("
                    + "id INTEGER PRIMARY KEY AUTOINCREMENT, "
                    + "identity_id TEXT NOT NULL REFERENCES identities(id) ON DELETE CASCADE, "
                    + "model_id TEXT NOT NULL, "
                    + "dimension INTEGER NOT NULL, "
                    + "embedding BLOB NOT NULL, "
                    + "quality REAL NOT NULL, "
                    + "source TEXT NOT NULL, "
                    + "created_at INTEGER NOT NULL)");
            statement.execute("CREATE INDEX templates_by_identity ON templates(identity_id)");
        }
    }

    private static void upgradeToV2(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE identities ADD COLUMN name_key TEXT");
        }
        // Version 1 stored names as given: normalise them and derive the uniqueness key, refusing clashes by name.
        Map<String, String> idByKey = new HashMap<>();
        try (Statement select = connection.createStatement();
             ResultSet rows = select.executeQuery("SELECT id, name FROM identities ORDER BY created_at, id");
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE identities SET name = ?, name_key = ? WHERE id = ?")) {
            while (rows.next()) {
                String id = rows.getString(1);
                String name;
                try {
                    name = IdentityNames.normalise(rows.getString(2));
                } catch (IllegalArgumentException e) {
                    throw new GalleryException("identity " + id + " has an invalid name: " + e.getMessage());
                }
                String key = IdentityNames.key(name);
                String clash = idByKey.putIfAbsent(key, id);
                if (clash != null) {
                    throw new GalleryException("identities " + clash + " and " + id + " are both named \"" + name
                            + "\" (ignoring case); rename one (for example with the sqlite3 shell) and open it again");
                }
                update.setString(1, name);
                update.setString(2, key);
                update.setString(3, id);
                update.executeUpdate();
            }
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE UNIQUE INDEX identities_by_name_key ON identities(name_key)");
            statement.execute("CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
            statement.execute("CREATE INDEX templates_by_model ON templates(model_id)");
        }
    }
}
