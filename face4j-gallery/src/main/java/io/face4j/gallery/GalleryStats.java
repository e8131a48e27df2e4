package io.face4j.gallery;

import java.nio.file.Path;
import java.util.Map;

/** Counts for a gallery: identities, templates in total and per model id, and the file's schema version. */
public record GalleryStats(Path path, int schemaVersion, int identities, int templates,
                           Map<String, Integer> templatesPerModel) {
    public GalleryStats {
        templatesPerModel = Map.copyOf(templatesPerModel);
    }
}
