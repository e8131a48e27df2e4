package io.face4j.gallery;

/** What an import changed. */
public record ImportReport(int identitiesCreated, int identitiesMerged, int templatesAdded, int templatesSkipped,
                           int settingsImported) {
}
