package io.face4j.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.face4j.Face;
import io.face4j.gallery.GalleryStats;
import io.face4j.gallery.calibrate.Calibration;
import io.face4j.image.RgbImage;
import io.javalin.http.Context;

/** The REST handlers: each parses the request, calls {@link FaceService} and renders the answer. Thread-safe. */
final class Api {
    private final FaceService faces;
    private final ObjectMapper json;

    Api(FaceService faces, ObjectMapper json) {
        this.faces = faces;
        this.json = json;
    }

    void health(Context ctx) {
        GalleryStats stats = faces.gallery().stats();
        ctx.json(Map.of("status", "ok", "model", faces.modelId(), "subjects", stats.identities(),
                "faces", stats.templates(), "busy", faces.limiter().inside()));
    }

    void detect(Context ctx) {
        RgbImage image = faces.decode(Uploads.one(ctx));
        ctx.json(new Views.Detection(image.width(), image.height(), faces.detect(image, flag(ctx, "liveness"))));
    }

    void recognize(Context ctx) {
        boolean liveness = flag(ctx, "liveness");
        boolean requireLive = flag(ctx, "requireLive");
        ctx.json(faces.recognize(faces.decode(Uploads.one(ctx)), liveness, requireLive));
    }

    void verify(Context ctx) {
        boolean liveness = flag(ctx, "liveness");
        boolean requireLive = flag(ctx, "requireLive");
        RgbImage first = faces.decode(Uploads.part(ctx, "image1"));
        RgbImage second = faces.decode(Uploads.part(ctx, "image2"));
        ctx.json(faces.verify(first, second, liveness, requireLive));
    }

    /** A true/false option from the query string or a multipart form field; 400 for any other value. */
    static boolean flag(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null && ctx.isMultipartFormData()) {
            value = ctx.formParam(name);
        }
        if (value == null || value.isEmpty()) {
            return false;
        }
        return switch (value.toLowerCase(java.util.Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw ApiException.badRequest(name + " must be true or false, got '" + value + "'");
        };
    }

    void embed(Context ctx) {
        List<Face> found = faces.faces(faces.decode(Uploads.one(ctx)));
        ctx.json(Map.of("faces", found.stream().map(f -> new Views.Embedded(Views.box(f.box()), Views.r4(f.score()),
                faces.modelId(), f.embedding().values())).toList()));
    }

    void listSubjects(Context ctx) {
        ctx.json(Map.of("subjects", faces.gallery().identities().stream().map(i -> Views.Subject.of(i, null)).toList()));
    }

    void createSubject(Context ctx) {
        String id = faces.gallery().enrol(name(ctx), List.of()).identity().id();
        ctx.status(201).header("Location", "/api/v1/subjects/" + id).json(faces.subjectView(id));
    }

    void getSubject(Context ctx) {
        ctx.json(faces.subjectView(ctx.pathParam("id")));
    }

    void renameSubject(Context ctx) {
        String id = faces.subject(ctx.pathParam("id")).id();
        faces.gallery().rename(id, name(ctx));
        ctx.json(faces.subjectView(id));
    }

    void deleteSubject(Context ctx) {
        faces.removeSubject(ctx.pathParam("id"));
        ctx.status(204);
    }

    void addFaces(Context ctx) {
        Views.Enrolled enrolled = faces.enrol(ctx.pathParam("id"), Uploads.all(ctx));
        ctx.status(enrolled.added() > 0 ? 201 : 200).json(enrolled);
    }

    void deleteFace(Context ctx) {
        faces.removeFace(ctx.pathParam("id"), faceId(ctx));
        ctx.status(204);
    }

    void thumbnail(Context ctx) {
        byte[] jpeg = faces.thumbnail(ctx.pathParam("id"), faceId(ctx));
        ctx.contentType("image/jpeg").header("Cache-Control", "private, max-age=3600").result(jpeg);
    }

    void stats(Context ctx) {
        GalleryStats s = faces.gallery().stats();
        ctx.json(Map.of("subjects", s.identities(), "faces", s.templates(), "facesPerModel", s.templatesPerModel(),
                "schemaVersion", s.schemaVersion(), "model", faces.modelId(), "policy", faces.policy().key(),
                "threshold", faces.threshold(faces.policy()), "calibrated", faces.gallery().threshold(faces.modelId(), faces.policy()).isPresent()));
    }

    void calibrate(Context ctx) {
        JsonNode body = optionalBody(ctx);
        Calibration c = faces.calibrate(body.path("far").asDouble(1e-3), !body.path("dryRun").asBoolean(false));
        ctx.json(Map.of("threshold", c.threshold(), "targetFar", c.targetFar(), "achievedFar", c.achievedFar(),
                "genuineAcceptRate", c.genuineAcceptRate(), "impostorScores", c.impostor().count(),
                "genuineScores", c.genuine().count(), "stored", !body.path("dryRun").asBoolean(false)));
    }

    private String name(Context ctx) {
        JsonNode name = body(ctx).path("name");
        if (!name.isTextual()) {
            throw ApiException.badRequest("expected a JSON body {\"name\": \"...\"}");
        }
        return name.asText();
    }

    private static long faceId(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("faceId"));
        } catch (NumberFormatException e) {
            throw new ApiException(404, "not_found", "no face with id " + ctx.pathParam("faceId"));
        }
    }

    private JsonNode optionalBody(Context ctx) {
        return ctx.bodyAsBytes().length == 0 ? json.createObjectNode() : body(ctx);
    }

    private JsonNode body(Context ctx) {
        try {
            JsonNode node = json.readTree(ctx.bodyAsBytes());
            if (node == null || !node.isObject()) {
                throw ApiException.badRequest("expected a JSON object body");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("the body is not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
