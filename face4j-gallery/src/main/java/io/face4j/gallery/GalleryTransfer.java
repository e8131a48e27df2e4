package io.face4j.gallery;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The portable gallery file (JSON, format described in GALLERY-FORMAT.md): export streams one consistent snapshot
 * into a temporary file that replaces the target only when complete; import validates the whole file and applies
 * it in one transaction. Thread-safe (stateless; the gallery serialises the work).
 */
final class GalleryTransfer {
    static final String FORMAT = "face4j-gallery";
    static final int FORMAT_VERSION = 1;
    static final String ENCODING = "float32-le-base64";

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private GalleryTransfer() {
    }

    record FileDto(String format, int formatVersion, String exportedAt, String embeddingEncoding,
                   List<ModelDto> models, Map<String, String> settings, List<IdentityDto> identities) {
    }

    record ModelDto(String id, int dimension) {
    }

    record IdentityDto(String id, String name, String createdAt, List<TemplateDto> templates) {
    }

    record TemplateDto(String model, double quality, String source, String createdAt, String embedding) {
    }

    static void export(Gallery gallery, Path file) {
        if (file == null) {
            throw new IllegalArgumentException("file must not be null");
        }
        Path target = file.toAbsolutePath();
        Map<String, Integer> models = gallery.models();
        Map<String, String> settings = gallery.settings();
        Path temporary = null;
        try {
            if (target.getParent() != null) {
                Files.createDirectories(target.getParent());
            }
            temporary = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".part");
            Path output = temporary;
            gallery.read(connection -> {
                writeSnapshot(connection, output, models, settings);
                return null;
            });
            try {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new GalleryException("exporting gallery to " + target + " failed: " + e.getMessage(), e);
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // the export itself already succeeded or failed with a better message
                }
            }
        }
    }

    private static void writeSnapshot(Connection connection, Path output, Map<String, Integer> models,
                                      Map<String, String> settings) throws SQLException {
        Base64.Encoder base64 = Base64.getEncoder();
        try (OutputStream stream = Files.newOutputStream(output);
             JsonGenerator json = JSON.getFactory().createGenerator(stream, JsonEncoding.UTF8);
             Statement statement = connection.createStatement();
             // one statement: one consistent snapshot even while other threads write
             ResultSet rows = statement.executeQuery("SELECT i.id, i.name, i.created_at, t.model_id, t.quality, "
                     + "t.source, t.created_at, t.embedding FROM identities i LEFT JOIN templates t "
                     + "ON t.identity_id = i.id ORDER BY i.name_key, i.id, t.id")) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeStringField("format", FORMAT);
            json.writeNumberField("formatVersion", FORMAT_VERSION);
            json.writeStringField("exportedAt", Instant.now().toString());
            json.writeStringField("embeddingEncoding", ENCODING);
            json.writeArrayFieldStart("models");
            for (Map.Entry<String, Integer> model : new TreeMap<>(models).entrySet()) {
                json.writeStartObject();
                json.writeStringField("id", model.getKey());
                json.writeNumberField("dimension", model.getValue());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeObjectFieldStart("settings");
            for (Map.Entry<String, String> setting : settings.entrySet()) {
                json.writeStringField(setting.getKey(), setting.getValue());
            }
            json.writeEndObject();
            json.writeArrayFieldStart("identities");
            String current = null;
            while (rows.next()) {
                String id = rows.getString(1);
                if (!id.equals(current)) {
                    if (current != null) {
                        json.writeEndArray();
                        json.writeEndObject();
                    }
                    current = id;
                    json.writeStartObject();
                    json.writeStringField("id", id);
                    json.writeStringField("name", rows.getString(2));
                    json.writeStringField("createdAt", Instant.ofEpochMilli(rows.getLong(3)).toString());
                    json.writeArrayFieldStart("templates");
                }
                if (rows.getString(4) != null) {
                    json.writeStartObject();
                    json.writeStringField("model", rows.getString(4));
                    json.writeNumberField("quality", rows.getDouble(5));
                    json.writeStringField("source", rows.getString(6));
                    json.writeStringField("createdAt", Instant.ofEpochMilli(rows.getLong(7)).toString());
                    json.writeStringField("embedding", base64.encodeToString(rows.getBytes(8)));
                    json.writeEndObject();
                }
            }
            if (current != null) {
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new GalleryException("writing export " + output + " failed: " + e.getMessage(), e);
        }
    }

    static ImportReport importFile(Gallery gallery, Path file, ImportMode mode) {
        if (file == null) {
            throw new IllegalArgumentException("file must not be null");
        }
        if (mode == null) {
            throw new IllegalArgumentException("mode must not be null");
        }
        FileDto dto;
        try {
            dto = JSON.readValue(file.toFile(), FileDto.class);
        } catch (IOException e) {
            throw new GalleryException("cannot read gallery export " + file + ": " + e.getMessage(), e);
        }
        List<ParsedIdentity> identities = parse(dto, file);
        return gallery.write((connection, afterCommit) -> {
            List<String> conflicts = new ArrayList<>();
            Map<String, String> targetByFileId = new HashMap<>();
            Map<String, String> fileIdByKey = new HashMap<>();
            for (ParsedIdentity identity : identities) {
                String key = IdentityNames.key(identity.name());
                String sameNameInFile = fileIdByKey.putIfAbsent(key, identity.id());
                if (sameNameInFile != null) {
                    conflicts.add("the file has two identities named \"" + identity.name() + "\" ("
                            + sameNameInFile + ", " + identity.id() + ")");
                    continue;
                }
                Optional<Identity> byId = Gallery.identityIn(connection, identity.id());
                Optional<Identity> byName = Gallery.findByNameIn(connection, identity.name());
                if (mode == ImportMode.REFUSE_CONFLICTS) {
                    byId.ifPresent(existing -> conflicts.add("id " + identity.id() + " exists (\""
                            + existing.name() + "\")"));
                    byName.ifPresent(existing -> conflicts.add("name \"" + identity.name() + "\" exists (id "
                            + existing.id() + ")"));
                } else if (byId.isPresent()) {
                    if (!IdentityNames.key(byId.get().name()).equals(key)) {
                        conflicts.add("id " + identity.id() + " is \"" + byId.get().name()
                                + "\" in the gallery but \"" + identity.name() + "\" in the file");
                    } else {
                        targetByFileId.put(identity.id(), byId.get().id());
                    }
                } else {
                    byName.ifPresent(existing -> targetByFileId.put(identity.id(), existing.id()));
                }
            }
            if (!conflicts.isEmpty()) {
                throw new ImportConflictException(conflicts);
            }
            int created = 0;
            int merged = 0;
            int added = 0;
            int skipped = 0;
            for (ParsedIdentity identity : identities) {
                String target = targetByFileId.get(identity.id());
                String name;
                if (target == null) {
                    target = gallery.insertIdentity(connection, identity.id(), identity.name(), identity.createdAt());
                    name = identity.name();
                    created++;
                } else {
                    name = Gallery.identityIn(connection, target).orElseThrow().name();
                    merged++;
                }
                Enrolment enrolment = gallery.addPending(connection, target, name, identity.templates(), afterCommit);
                added += enrolment.addedTemplateIds().size();
                skipped += enrolment.skipped().size();
            }
            int settings = 0;
            for (Map.Entry<String, String> setting : dto.settings() == null ? Map.<String, String>of().entrySet()
                    : dto.settings().entrySet()) {
                try (var insert = connection.prepareStatement(
                        "INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO NOTHING")) {
                    insert.setString(1, setting.getKey());
                    insert.setString(2, setting.getValue());
                    settings += insert.executeUpdate();
                }
            }
            return new ImportReport(created, merged, added, skipped, settings);
        });
    }

    private record ParsedIdentity(String id, String name, Instant createdAt, List<Gallery.Pending> templates) {
    }

    /** Validates the whole file before anything is written; a bad file is refused naming what and where. */
    private static List<ParsedIdentity> parse(FileDto dto, Path file) {
        if (!FORMAT.equals(dto.format())) {
            throw new GalleryException(file + " is not a face4j gallery export (format is \"" + dto.format()
                    + "\", expected \"" + FORMAT + "\")");
        }
        if (dto.formatVersion() < 1 || dto.formatVersion() > FORMAT_VERSION) {
            throw new GalleryException(file + " has format version " + dto.formatVersion()
                    + "; this face4j reads version " + FORMAT_VERSION + (dto.formatVersion() > FORMAT_VERSION
                    ? ": import it with a newer face4j" : ""));
        }
        if (dto.embeddingEncoding() != null && !ENCODING.equals(dto.embeddingEncoding())) {
            throw new GalleryException(file + " has embeddings encoded as \"" + dto.embeddingEncoding()
                    + "\", expected \"" + ENCODING + "\"");
        }
        Map<String, Integer> dimensions = new HashMap<>();
        for (ModelDto model : dto.models() == null ? List.<ModelDto>of() : dto.models()) {
            dimensions.put(ModelIds.check(model.id()), model.dimension());
        }
        Base64.Decoder base64 = Base64.getDecoder();
        List<ParsedIdentity> identities = new ArrayList<>();
        List<IdentityDto> identityDtos = dto.identities() == null ? List.of() : dto.identities();
        for (int i = 0; i < identityDtos.size(); i++) {
            IdentityDto identity = identityDtos.get(i);
            String where = file + ": identities[" + i + "]";
            if (identity.id() == null || identity.id().isBlank() || identity.id().length() > 64) {
                throw new GalleryException(where + " has no usable id");
            }
            String name;
            try {
                name = IdentityNames.normalise(identity.name());
            } catch (IllegalArgumentException e) {
                throw new GalleryException(where + ": " + e.getMessage());
            }
            List<Gallery.Pending> templates = new ArrayList<>();
            List<TemplateDto> templateDtos = identity.templates() == null ? List.of() : identity.templates();
            for (int t = 0; t < templateDtos.size(); t++) {
                TemplateDto template = templateDtos.get(t);
                String at = where + ".templates[" + t + "]";
                Integer dimension = dimensions.get(template.model());
                if (dimension == null) {
                    throw new GalleryException(at + " uses model \"" + template.model()
                            + "\", which the file's models list does not declare");
                }
                float[] embedding;
                try {
                    embedding = Vectors.fromBytes(base64.decode(template.embedding()));
                } catch (IllegalArgumentException | NullPointerException e) {
                    throw new GalleryException(at + " has no valid base64 embedding");
                }
                if (embedding.length != dimension) {
                    throw new GalleryException(at + " has " + embedding.length + " values but model \""
                            + template.model() + "\" is declared with " + dimension);
                }
                float[] unit;
                try {
                    unit = Vectors.unitCopy(embedding, "embedding");
                } catch (IllegalArgumentException e) {
                    throw new GalleryException(at + ": " + e.getMessage());
                }
                templates.add(new Gallery.Pending(t, unit, template.model(), template.quality(),
                        template.source() == null ? "" : template.source(), instant(template.createdAt(), at)));
            }
            identities.add(new ParsedIdentity(identity.id(), name, instant(identity.createdAt(), where), templates));
        }
        return identities;
    }

    private static Instant instant(String text, String where) {
        if (text == null) {
            return Instant.now();
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new GalleryException(where + " has createdAt \"" + text + "\", not an ISO-8601 instant");
        }
    }
}
