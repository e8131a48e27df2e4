package io.face4j.gallery;

import java.util.List;

/** An import was refused because identities in the file clash with the gallery; nothing was imported. */
public final class ImportConflictException extends GalleryException {
    private final List<String> conflicts;

    public ImportConflictException(List<String> conflicts) {
        super("import refused, nothing was imported; " + conflicts.size() + " conflict(s): "
                + String.join("; ", conflicts.subList(0, Math.min(10, conflicts.size())))
                + (conflicts.size() > 10 ? "; ..." : ""));
        this.conflicts = List.copyOf(conflicts);
    }

    public List<String> conflicts() {
        return conflicts;
    }
}
