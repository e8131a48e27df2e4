package io.face4j.gallery;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How a gallery is opened. {@code GalleryOptions.defaults()} is the file {@code ~/.face4j/gallery.db}, durable
 * commits and a near-duplicate threshold of 0.98.
 *
 * @param path                    the SQLite file; its parent folders are created
 * @param nearDuplicateSimilarity a new template whose cosine similarity to a stored template of the same identity and
 *                                model is at least this is skipped (0.98 from issue #4: only re-enrolments of the same
 *                                or a practically identical photo reach it); 1.0 or more keeps every template except
 *                                exact copies, use {@code Double.POSITIVE_INFINITY} to keep all
 * @param durableCommits          true: {@code synchronous=FULL}, an enrolment reported as done survives power loss.
 *                                false: {@code synchronous=NORMAL}, which in WAL mode still never corrupts the file and
 *                                survives the process being killed, but may lose the last commits on power loss
 * @param busyTimeoutMillis       how long a connection waits for another process's lock before failing
 */
public record GalleryOptions(Path path, double nearDuplicateSimilarity, boolean durableCommits, int busyTimeoutMillis) {
    public GalleryOptions {
        Objects.requireNonNull(path, "path");
        if (Double.isNaN(nearDuplicateSimilarity) || nearDuplicateSimilarity <= 0) {
            throw new IllegalArgumentException("nearDuplicateSimilarity must be > 0, got " + nearDuplicateSimilarity);
        }
        if (busyTimeoutMillis < 0) {
            throw new IllegalArgumentException("busyTimeoutMillis must be >= 0, got " + busyTimeoutMillis);
        }
    }

    /** {@code ~/.face4j/gallery.db}. */
    public static Path defaultPath() {
        return Path.of(System.getProperty("user.home"), ".face4j", "gallery.db");
    }

    public static GalleryOptions defaults() {
        // 5000 ms: long enough to wait out another process's commit (milliseconds), short enough to report a stuck lock.
        return new GalleryOptions(defaultPath(), 0.98, true, 5000);
    }

    public GalleryOptions withPath(Path path) {
        return new GalleryOptions(path, nearDuplicateSimilarity, durableCommits, busyTimeoutMillis);
    }

    public GalleryOptions withNearDuplicateSimilarity(double similarity) {
        return new GalleryOptions(path, similarity, durableCommits, busyTimeoutMillis);
    }

    public GalleryOptions withDurableCommits(boolean durable) {
        return new GalleryOptions(path, nearDuplicateSimilarity, durable, busyTimeoutMillis);
    }

    public GalleryOptions withBusyTimeoutMillis(int millis) {
        return new GalleryOptions(path, nearDuplicateSimilarity, durableCommits, millis);
    }
}
