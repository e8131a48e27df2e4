package io.face4j.gallery;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

import org.sqlite.SQLiteConfig;

/**
 * A persistent set of identities and their templates in one SQLite file (WAL mode), with an exact in-memory search
 * per embedding model. Every write (an enrolment of many templates, a rename, a removal, an import) is one
 * transaction: after a crash the file holds it whole or not at all. Each model's templates are loaded into one
 * matrix on the first search for that model and kept up to date on every later write without reloading.
 * <p>
 * A file should be opened by one {@code Gallery} at a time; other processes may read it, but this gallery's
 * in-memory matrices do not see their writes.
 * <p>
 * Thread-safe: any number of threads may search, list and write concurrently; writes are serialised on one
 * connection, reads use a second connection, and searches only touch memory.
 */
public final class Gallery implements AutoCloseable {
    private static final String ID_ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";
    // 12 symbols of 5 bits: 60 random bits, collision-free in practice for any gallery a person keeps.
    private static final int ID_LENGTH = 12;

    private final GalleryOptions options;
    private final int schemaVersion;
    private final Connection writer;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final Connection reader;
    private final ReentrantLock readLock = new ReentrantLock();
    private final Map<String, Integer> dimensions = new ConcurrentHashMap<>();
    private final Map<String, ModelIndex> indexes = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private volatile boolean closed;

    private Gallery(GalleryOptions options, Connection writer, Connection reader, int schemaVersion) {
        this.options = options;
        this.writer = writer;
        this.reader = reader;
        this.schemaVersion = schemaVersion;
    }

    /** Opens (or creates) the default gallery {@code ~/.face4j/gallery.db}. */
    public static Gallery open() {
        return open(GalleryOptions.defaults());
    }

    /** Opens (or creates) the gallery file {@code path} with default options. */
    public static Gallery open(Path path) {
        return open(GalleryOptions.defaults().withPath(path));
    }

    /** Opens (or creates) a gallery, creating parent folders and migrating an older schema. */
    public static Gallery open(GalleryOptions options) {
        Path path = options.path().toAbsolutePath();
        try {
            Path parent = path.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new GalleryException("cannot create the folder for gallery " + path + ": " + e.getMessage(), e);
        }
        Connection writer = null;
        Connection reader = null;
        try {
            writer = connect(path, options, SQLiteConfig.TransactionMode.IMMEDIATE);
            int version = Schema.migrate(writer, path);
            reader = connect(path, options, SQLiteConfig.TransactionMode.DEFERRED);
            Gallery gallery = new Gallery(options.withPath(path), writer, reader, version);
            gallery.loadDimensions();
            return gallery;
        } catch (SQLException | RuntimeException e) {
            closeQuietly(reader);
            closeQuietly(writer);
            if (e instanceof GalleryException galleryException) {
                throw galleryException;
            }
            throw new GalleryException("cannot open gallery " + path + ": " + e.getMessage(), e);
        }
    }

    private static Connection connect(Path path, GalleryOptions options, SQLiteConfig.TransactionMode mode)
            throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        // WAL: readers never block the writer nor it them, and a commit is one append to the log.
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        // FULL syncs the log on every commit (durable against power loss); NORMAL in WAL mode is still consistent
        // and survives a killed process, but may lose the newest commits when the machine loses power.
        config.setSynchronous(options.durableCommits()
                ? SQLiteConfig.SynchronousMode.FULL : SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(options.busyTimeoutMillis());
        config.enforceForeignKeys(true);
        // IMMEDIATE on the writer: take the write lock at BEGIN instead of failing to upgrade a read lock later.
        config.setTransactionMode(mode);
        return config.createConnection("jdbc:sqlite:" + path);
    }

    /** The options the gallery was opened with (with an absolute path). */
    public GalleryOptions options() {
        return options;
    }

    // ---------------------------------------------------------------------------------------------------- writes

    /**
     * Creates an identity named {@code name} with {@code templates}, in one transaction. Near-duplicate templates
     * are skipped and reported.
     *
     * @throws DuplicateNameException   when an identity with the same name (ignoring case) exists
     * @throws IllegalArgumentException for a bad name or embedding
     * @throws ModelMismatchException   when an embedding's length differs from the model's stored templates
     */
    public Enrolment enrol(String name, List<NewTemplate> templates) {
        String normalised = IdentityNames.normalise(name);
        List<Pending> pending = prepare(templates);
        return write((connection, afterCommit) -> {
            Optional<Identity> existing = findByNameIn(connection, normalised);
            if (existing.isPresent()) {
                throw new DuplicateNameException(normalised, existing.get().id());
            }
            String id = insertIdentity(connection, null, normalised, Instant.now());
            return addPending(connection, id, normalised, pending, afterCommit);
        });
    }

    /** Adds templates to an existing identity, in one transaction, skipping near-duplicates. */
    public Enrolment addTemplates(String identityId, List<NewTemplate> templates) {
        List<Pending> pending = prepare(templates);
        return write((connection, afterCommit) -> {
            Identity identity = identityIn(connection, identityId)
                    .orElseThrow(() -> new UnknownIdentityException("no identity with id " + identityId));
            return addPending(connection, identity.id(), identity.name(), pending, afterCommit);
        });
    }

    /** Renames an identity; its id and templates stay. */
    public Identity rename(String identityId, String newName) {
        String normalised = IdentityNames.normalise(newName);
        return write((connection, afterCommit) -> {
            Identity identity = identityIn(connection, identityId)
                    .orElseThrow(() -> new UnknownIdentityException("no identity with id " + identityId));
            Optional<Identity> clash = findByNameIn(connection, normalised);
            if (clash.isPresent() && !clash.get().id().equals(identityId)) {
                throw new DuplicateNameException(normalised, clash.get().id());
            }
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE identities SET name = ?, name_key = ? WHERE id = ?")) {
                update.setString(1, normalised);
                update.setString(2, IdentityNames.key(normalised));
                update.setString(3, identityId);
                update.executeUpdate();
            }
            afterCommit.add(() -> indexes.values().forEach(index -> index.rename(identityId, normalised)));
            return new Identity(identityId, normalised, identity.createdAt(), identity.templateCount());
        });
    }

    /** Removes an identity and all its templates. */
    public void removeIdentity(String identityId) {
        write((connection, afterCommit) -> {
            try (PreparedStatement templates = connection.prepareStatement(
                    "DELETE FROM templates WHERE identity_id = ?");
                 PreparedStatement identity = connection.prepareStatement("DELETE FROM identities WHERE id = ?")) {
                templates.setString(1, identityId);
                templates.executeUpdate();
                identity.setString(1, identityId);
                if (identity.executeUpdate() == 0) {
                    throw new UnknownIdentityException("no identity with id " + identityId);
                }
            }
            afterCommit.add(() -> indexes.values().forEach(index -> index.removeIdentity(identityId)));
            return null;
        });
    }

    /** Removes one template; its identity stays, even when this was its last template. */
    public void removeTemplate(long templateId) {
        write((connection, afterCommit) -> {
            String modelId;
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT model_id FROM templates WHERE id = ?")) {
                select.setLong(1, templateId);
                try (ResultSet result = select.executeQuery()) {
                    if (!result.next()) {
                        throw new UnknownIdentityException("no template with id " + templateId);
                    }
                    modelId = result.getString(1);
                }
            }
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM templates WHERE id = ?")) {
                delete.setLong(1, templateId);
                delete.executeUpdate();
            }
            afterCommit.add(() -> {
                ModelIndex index = indexes.get(modelId);
                if (index != null) {
                    index.removeTemplate(templateId);
                }
            });
            return null;
        });
    }

    /** Stores a setting (for example a calibrated threshold); keys and values are free text. */
    public void putSetting(String key, String value) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("key must not be blank");
        }
        if (value == null) {
            throw new IllegalArgumentException("value must not be null");
        }
        write((connection, afterCommit) -> {
            try (PreparedStatement upsert = connection.prepareStatement(
                    "INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value")) {
                upsert.setString(1, key);
                upsert.setString(2, value);
                upsert.executeUpdate();
            }
            return null;
        });
    }

    /** Stores the threshold for a model and policy, read back by {@link #threshold} and used by {@link Matcher}. */
    public void putThreshold(String modelId, DecisionPolicy policy, double threshold) {
        if (!Double.isFinite(threshold)) {
            throw new IllegalArgumentException("threshold must be finite, got " + threshold);
        }
        putSetting(thresholdKey(modelId, policy), Double.toString(threshold));
    }

    // ----------------------------------------------------------------------------------------------------- reads

    public Optional<Identity> identity(String identityId) {
        return read(connection -> identityIn(connection, identityId));
    }

    /** The identity whose name equals {@code name} after normalisation, ignoring case. */
    public Optional<Identity> findByName(String name) {
        String normalised = IdentityNames.normalise(name);
        return read(connection -> findByNameIn(connection, normalised));
    }

    /** All identities with their template counts, ordered by name ignoring case. */
    public List<Identity> identities() {
        return read(connection -> {
            List<Identity> identities = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery(IDENTITY_SELECT + " GROUP BY i.id ORDER BY i.name_key")) {
                while (rows.next()) {
                    identities.add(identity(rows));
                }
            }
            return identities;
        });
    }

    /** The templates of one identity, oldest first. */
    public List<Template> templates(String identityId) {
        return read(connection -> {
            List<Template> templates = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT id, identity_id, model_id, embedding, "
                    + "quality, source, created_at FROM templates WHERE identity_id = ? ORDER BY id")) {
                select.setString(1, identityId);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        templates.add(new Template(rows.getLong(1), rows.getString(2), rows.getString(3),
                                Vectors.fromBytes(rows.getBytes(4)), rows.getDouble(5), rows.getString(6),
                                Instant.ofEpochMilli(rows.getLong(7))));
                    }
                }
            }
            return templates;
        });
    }

    public GalleryStats stats() {
        return read(connection -> {
            int identities;
            try (Statement statement = connection.createStatement();
                 ResultSet result = statement.executeQuery("SELECT count(*) FROM identities")) {
                identities = result.next() ? result.getInt(1) : 0;
            }
            Map<String, Integer> perModel = new TreeMap<>();
            int templates = 0;
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery(
                         "SELECT model_id, count(*) FROM templates GROUP BY model_id")) {
                while (rows.next()) {
                    perModel.put(rows.getString(1), rows.getInt(2));
                    templates += rows.getInt(2);
                }
            }
            return new GalleryStats(options.path(), schemaVersion, identities, templates, perModel);
        });
    }

    public Optional<String> setting(String key) {
        return read(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT value FROM settings WHERE key = ?")) {
                select.setString(1, key);
                try (ResultSet result = select.executeQuery()) {
                    return result.next() ? Optional.of(result.getString(1)) : Optional.empty();
                }
            }
        });
    }

    /** All settings, by key. */
    public Map<String, String> settings() {
        return read(connection -> {
            Map<String, String> settings = new TreeMap<>();
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT key, value FROM settings")) {
                while (rows.next()) {
                    settings.put(rows.getString(1), rows.getString(2));
                }
            }
            return settings;
        });
    }

    /** The stored threshold for a model and policy, if one was calibrated or set. */
    public OptionalDouble threshold(String modelId, DecisionPolicy policy) {
        return setting(thresholdKey(modelId, policy))
                .map(value -> OptionalDouble.of(Double.parseDouble(value)))
                .orElse(OptionalDouble.empty());
    }

    static String thresholdKey(String modelId, DecisionPolicy policy) {
        return "threshold/" + ModelIds.check(modelId) + "/" + policy.key();
    }

    /** The model ids that have (or had, in this session) templates, with their embedding lengths. */
    public Map<String, Integer> models() {
        return Map.copyOf(dimensions);
    }

    // ---------------------------------------------------------------------------------------------------- search

    /**
     * The {@code k} best identities for {@code query} under {@code policy}, best first. An empty gallery gives an
     * empty list.
     *
     * @throws ModelMismatchException when the gallery has templates but none from {@code modelId}, or the query's
     *                                length differs from the model's
     */
    public List<Candidate> search(String modelId, float[] query, DecisionPolicy policy, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, got " + k);
        }
        if (policy == null) {
            throw new IllegalArgumentException("policy must not be null");
        }
        float[] unit = Vectors.unitCopy(query, "query");
        ModelIndex index = indexFor(modelId, unit.length);
        if (index == null) {
            return List.of();
        }
        ModelIndex.Scores scores = index.top(unit, policy, k);
        boolean votes = policy instanceof DecisionPolicy.KnnVote;
        // partial selection of the k best slots: a gallery has many identities, a caller wants a few
        int[] top = new int[Math.min(k, scores.scores().length)];
        int filled = 0;
        for (int slot = 0; slot < scores.scores().length; slot++) {
            float score = scores.scores()[slot];
            if (Float.isNaN(score) || (votes && score <= 0)) {
                continue;
            }
            if (filled == top.length && !ranksBefore(scores, slot, top[filled - 1])) {
                continue;
            }
            int i = filled == top.length ? filled - 1 : filled++;
            while (i > 0 && ranksBefore(scores, slot, top[i - 1])) {
                top[i] = top[i - 1];
                i--;
            }
            top[i] = slot;
        }
        List<Candidate> candidates = new ArrayList<>(filled);
        for (int i = 0; i < filled; i++) {
            candidates.add(new Candidate(scores.ids()[top[i]], scores.names()[top[i]], scores.scores()[top[i]]));
        }
        return List.copyOf(candidates);
    }

    /** Higher score first; equal scores by identity id, so the order never depends on memory layout. */
    private static boolean ranksBefore(ModelIndex.Scores scores, int a, int b) {
        float sa = scores.scores()[a];
        float sb = scores.scores()[b];
        return sa > sb || (sa == sb && scores.ids()[a].compareTo(scores.ids()[b]) < 0);
    }

    /**
     * Leave-one-out scores of the enrolled templates of one model, as {@code policy} scores them: each sampled
     * template is a query against the gallery without itself. Its own identity's score is a genuine score (when the
     * identity has another template), every other identity's score an impostor score.
     *
     * @param maxQueries at most this many templates are used as queries, chosen at random with {@code seed}
     */
    public GalleryScores scores(String modelId, DecisionPolicy policy, int maxQueries, long seed) {
        if (maxQueries < 1) {
            throw new IllegalArgumentException("maxQueries must be >= 1, got " + maxQueries);
        }
        ModelIndex index = indexFor(modelId, -1);
        if (index == null) {
            return new GalleryScores(modelId, policy, new double[0], new double[0]);
        }
        ModelIndex.Rows rows = index.rows();
        int[] order = new int[rows.templateIds().length];
        Arrays.setAll(order, i -> i);
        Random shuffle = new Random(seed);
        for (int i = order.length - 1; i > 0; i--) {
            int j = shuffle.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        DoubleList genuine = new DoubleList();
        DoubleList impostor = new DoubleList();
        for (int q = 0; q < Math.min(maxQueries, order.length); q++) {
            long templateId = rows.templateIds()[order[q]];
            String owner = rows.owners()[order[q]];
            float[] query = index.row(templateId);
            if (query == null) {
                continue;
            }
            ModelIndex.Scores scores = index.score(query, policy, templateId);
            for (int slot = 0; slot < scores.ids().length; slot++) {
                float score = scores.scores()[slot];
                if (Float.isNaN(score)) {
                    continue;
                }
                if (owner.equals(scores.ids()[slot])) {
                    genuine.add(score);
                } else {
                    impostor.add(score);
                }
            }
        }
        return new GalleryScores(modelId, policy, genuine.toArray(), impostor.toArray());
    }

    /** Rows of {@code modelId} scored in float by searches so far (0 before the first search); for timings. */
    long rescoredRows(String modelId) {
        ModelIndex index = indexes.get(modelId);
        return index == null ? 0 : index.rescoredRows();
    }

    /** The loaded index of {@code modelId}, or null when the gallery holds no templates at all. */
    private ModelIndex indexFor(String modelId, int queryLength) {
        ModelIds.check(modelId);
        Integer dimension = dimensions.get(modelId);
        if (dimension == null) {
            if (dimensions.isEmpty()) {
                return null;
            }
            throw new ModelMismatchException("the gallery has no templates made by model \"" + modelId
                    + "\", only by " + new TreeMap<>(dimensions).keySet()
                    + "; scores of different models cannot be compared: enrol the identities with \""
                    + modelId + "\" or query with one of those models");
        }
        if (queryLength >= 0 && queryLength != dimension) {
            throw new ModelMismatchException("query has " + queryLength + " values but model \"" + modelId
                    + "\" makes embeddings of " + dimension);
        }
        ModelIndex index = indexes.get(modelId);
        if (index != null) {
            return index;
        }
        writeLock.lock();
        try {
            ensureOpen();
            // Loading under the write lock: no write can commit between the bulk read and the first update.
            return indexes.computeIfAbsent(modelId, id -> load(id, dimension));
        } finally {
            writeLock.unlock();
        }
    }

    private ModelIndex load(String modelId, int dimension) {
        return read(connection -> {
            int count;
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT count(*) FROM templates WHERE model_id = ?")) {
                select.setString(1, modelId);
                try (ResultSet result = select.executeQuery()) {
                    count = result.next() ? result.getInt(1) : 0;
                }
            }
            Map<String, String> names = new HashMap<>();
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT id, name FROM identities")) {
                while (rows.next()) {
                    names.put(rows.getString(1), rows.getString(2));
                }
            }
            ModelIndex index = new ModelIndex(modelId, dimension, count);
            float[] row = new float[dimension];
            // no join: looking names up in memory halves the load time of 100,000 templates
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT id, identity_id, embedding FROM templates WHERE model_id = ?")) {
                select.setString(1, modelId);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        byte[] blob = rows.getBytes(3);
                        if (blob.length != dimension * Float.BYTES) {
                            throw new GalleryException("template " + rows.getLong(1) + " of model \"" + modelId
                                    + "\" has " + blob.length / Float.BYTES + " values, expected " + dimension);
                        }
                        Vectors.readInto(blob, row, 0);
                        String owner = rows.getString(2);
                        index.load(rows.getLong(1), owner, names.get(owner), row);
                    }
                }
            }
            index.loaded();
            return index;
        });
    }

    private void loadDimensions() {
        read(connection -> {
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery(
                         "SELECT model_id, min(dimension), max(dimension) FROM templates GROUP BY model_id")) {
                while (rows.next()) {
                    if (rows.getInt(2) != rows.getInt(3)) {
                        throw new GalleryException("model \"" + rows.getString(1) + "\" has templates of "
                                + rows.getInt(2) + " and of " + rows.getInt(3) + " values in " + options.path());
                    }
                    dimensions.put(rows.getString(1), rows.getInt(2));
                }
            }
            return null;
        });
    }

    // ------------------------------------------------------------------------------------------- export, import

    /** Writes every identity, template and setting to a portable JSON file (see GALLERY-FORMAT.md). */
    public void exportTo(Path file) {
        GalleryTransfer.export(this, file);
    }

    /** Reads a file written by {@link #exportTo} into this gallery in one transaction. */
    public ImportReport importFrom(Path file, ImportMode mode) {
        return GalleryTransfer.importFile(this, file, mode);
    }

    // -------------------------------------------------------------------------------------- package internals

    /** A template ready to insert: validated, unit length, with its position in the request. */
    record Pending(int index, float[] unit, String modelId, double quality, String source, Instant createdAt) {
    }

    interface WriteBody<T> {
        T run(Connection connection, List<Runnable> afterCommit) throws SQLException;
    }

    interface ReadBody<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Runs {@code body} in one write transaction, then (still serialised) the in-memory updates it queued. */
    <T> T write(WriteBody<T> body) {
        writeLock.lock();
        try {
            ensureOpen();
            List<Runnable> afterCommit = new ArrayList<>();
            T result;
            try {
                writer.setAutoCommit(false);
                try {
                    result = body.run(writer, afterCommit);
                    writer.commit();
                } catch (SQLException | RuntimeException e) {
                    writer.rollback();
                    throw e;
                } finally {
                    writer.setAutoCommit(true);
                }
            } catch (SQLException e) {
                throw new GalleryException("writing gallery " + options.path() + " failed: " + e.getMessage(), e);
            }
            afterCommit.forEach(Runnable::run);
            return result;
        } finally {
            writeLock.unlock();
        }
    }

    <T> T read(ReadBody<T> body) {
        readLock.lock();
        try {
            ensureOpen();
            return body.run(reader);
        } catch (SQLException e) {
            throw new GalleryException("reading gallery " + options.path() + " failed: " + e.getMessage(), e);
        } finally {
            readLock.unlock();
        }
    }

    /** Validates and normalises templates before any transaction starts. */
    List<Pending> prepare(List<NewTemplate> templates) {
        if (templates == null) {
            throw new IllegalArgumentException("templates must not be null");
        }
        List<Pending> pending = new ArrayList<>(templates.size());
        Instant now = Instant.now();
        for (int i = 0; i < templates.size(); i++) {
            NewTemplate template = templates.get(i);
            if (template == null) {
                throw new IllegalArgumentException("templates[" + i + "] is null");
            }
            float[] unit = Vectors.unitCopy(template.embedding(), "templates[" + i + "].embedding");
            pending.add(new Pending(i, unit, template.modelId(), template.quality(), template.source(), now));
        }
        return pending;
    }

    /** Inserts an identity with {@code id} (or a fresh random id when null) and returns its id. */
    String insertIdentity(Connection connection, String id, String normalisedName, Instant createdAt)
            throws SQLException {
        String newId = id != null ? id : newId();
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO identities(id, name, name_key, created_at) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, newId);
            insert.setString(2, normalisedName);
            insert.setString(3, IdentityNames.key(normalisedName));
            insert.setLong(4, createdAt.toEpochMilli());
            insert.executeUpdate();
        }
        return newId;
    }

    /** Inserts the templates that are not near-duplicates and queues the matching in-memory updates. */
    Enrolment addPending(Connection connection, String identityId, String name, List<Pending> pending,
                         List<Runnable> afterCommit) throws SQLException {
        Map<String, List<StoredVector>> kept = existingVectors(connection, identityId);
        Map<String, Integer> newDimensions = new HashMap<>();
        List<Long> added = new ArrayList<>();
        List<SkippedTemplate> skipped = new ArrayList<>();
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO templates(identity_id, model_id, "
                + "dimension, embedding, quality, source, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
             Statement lastId = connection.createStatement()) {
            for (Pending template : pending) {
                checkDimension(template, newDimensions);
                StoredVector nearest = null;
                double nearestSimilarity = Double.NEGATIVE_INFINITY;
                for (StoredVector other : kept.getOrDefault(template.modelId(), List.of())) {
                    double similarity = Vectors.dot(template.unit(), other.unit());
                    if (similarity > nearestSimilarity) {
                        nearestSimilarity = similarity;
                        nearest = other;
                    }
                }
                if (nearest != null && nearestSimilarity >= options.nearDuplicateSimilarity()) {
                    skipped.add(new SkippedTemplate(template.index(), nearest.id(), nearestSimilarity));
                    continue;
                }
                insert.setString(1, identityId);
                insert.setString(2, template.modelId());
                insert.setInt(3, template.unit().length);
                insert.setBytes(4, Vectors.toBytes(template.unit()));
                insert.setDouble(5, template.quality());
                insert.setString(6, template.source());
                insert.setLong(7, template.createdAt().toEpochMilli());
                insert.executeUpdate();
                long templateId;
                try (ResultSet key = lastId.executeQuery("SELECT last_insert_rowid()")) {
                    key.next();
                    templateId = key.getLong(1);
                }
                added.add(templateId);
                // a later template of this request that duplicates this one reports duplicateOf -1 (not yet stored)
                kept.computeIfAbsent(template.modelId(), m -> new ArrayList<>())
                        .add(new StoredVector(-1, template.unit()));
                afterCommit.add(() -> {
                    ModelIndex index = indexes.get(template.modelId());
                    if (index != null) {
                        index.add(templateId, identityId, name, template.unit());
                    }
                });
            }
        }
        afterCommit.add(0, () -> newDimensions.forEach(dimensions::putIfAbsent));
        Identity identity = identityIn(connection, identityId).orElseThrow();
        return new Enrolment(identity, added, skipped);
    }

    private void checkDimension(Pending template, Map<String, Integer> newDimensions) {
        int length = template.unit().length;
        Integer known = dimensions.get(template.modelId());
        if (known == null) {
            known = newDimensions.putIfAbsent(template.modelId(), length);
        }
        if (known != null && known != length) {
            throw new ModelMismatchException("templates[" + template.index() + "] has " + length
                    + " values but model \"" + template.modelId() + "\" makes embeddings of " + known
                    + "; is the model id right?");
        }
    }

    private record StoredVector(long id, float[] unit) {
    }

    private static Map<String, List<StoredVector>> existingVectors(Connection connection, String identityId)
            throws SQLException {
        Map<String, List<StoredVector>> byModel = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, model_id, embedding FROM templates WHERE identity_id = ?")) {
            select.setString(1, identityId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    byModel.computeIfAbsent(rows.getString(2), m -> new ArrayList<>())
                            .add(new StoredVector(rows.getLong(1), Vectors.fromBytes(rows.getBytes(3))));
                }
            }
        }
        return byModel;
    }

    private static final String IDENTITY_SELECT = "SELECT i.id, i.name, i.created_at, count(t.id) "
            + "FROM identities i LEFT JOIN templates t ON t.identity_id = i.id";

    static Optional<Identity> identityIn(Connection connection, String identityId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(IDENTITY_SELECT + " WHERE i.id = ? GROUP BY i.id")) {
            select.setString(1, identityId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(identity(rows)) : Optional.empty();
            }
        }
    }

    static Optional<Identity> findByNameIn(Connection connection, String normalisedName) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                IDENTITY_SELECT + " WHERE i.name_key = ? GROUP BY i.id")) {
            select.setString(1, IdentityNames.key(normalisedName));
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(identity(rows)) : Optional.empty();
            }
        }
    }

    private static Identity identity(ResultSet rows) throws SQLException {
        return new Identity(rows.getString(1), rows.getString(2), Instant.ofEpochMilli(rows.getLong(3)),
                rows.getInt(4));
    }

    private String newId() {
        char[] id = new char[ID_LENGTH];
        for (int i = 0; i < id.length; i++) {
            id[i] = ID_ALPHABET.charAt(random.nextInt(ID_ALPHABET.length()));
        }
        return new String(id);
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("gallery " + options.path() + " is closed");
        }
    }

    /** Closes both connections; searches and writes afterwards throw {@link IllegalStateException}. */
    @Override
    public void close() {
        writeLock.lock();
        readLock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            indexes.clear();
            closeQuietly(reader);
            try {
                writer.close();
            } catch (SQLException e) {
                throw new GalleryException("closing gallery " + options.path() + " failed: " + e.getMessage(), e);
            }
        } finally {
            readLock.unlock();
            writeLock.unlock();
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // already failing or closing: the first error is the one worth reporting
            }
        }
    }

    private static final class DoubleList {
        private double[] values = new double[256];
        private int size;

        void add(double value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        double[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
