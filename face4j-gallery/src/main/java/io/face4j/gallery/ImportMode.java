package io.face4j.gallery;

/** What an import does when the file and the gallery share identities. */
public enum ImportMode {
    /**
     * An identity of the file with the same id, or else the same name (ignoring case), as one in the gallery is the
     * same person: its templates are added to it, skipping near-duplicates (so importing a file twice adds nothing).
     * An identity whose id is taken by a differently named identity is refused as a conflict.
     */
    MERGE,
    /** Any identity of the file whose id or name is already in the gallery is a conflict; nothing is imported. */
    REFUSE_CONFLICTS
}
