package io.face4j.server;

import java.util.LinkedHashMap;
import java.util.Map;

import io.face4j.gallery.DuplicateNameException;
import io.face4j.gallery.ModelMismatchException;
import io.face4j.gallery.UnknownIdentityException;
import io.face4j.image.ImageException;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;

/**
 * The one place where exceptions become responses: {@code {"error": code, "message": text}} with the status that
 * fits. Library exceptions are mapped by type; anything unexpected is a 500 without internals in the body.
 */
final class Errors {
    private Errors() {
    }

    static void handle(Exception e, Context ctx) {
        ApiException api = toApi(e);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", api.code);
        body.put("message", api.getMessage());
        if (api.details != null) {
            body.put("details", api.details);
        }
        if (api.status == 500) {
            System.err.println("face4j serve: internal error on " + ctx.method() + " " + ctx.path() + ": " + e);
            e.printStackTrace();
        }
        ctx.status(api.status).json(body);
    }

    static ApiException toApi(Exception e) {
        if (e instanceof ApiException api) {
            return api;
        }
        if (e instanceof ImageException) {
            // Images.read says which: the pixel limit (checked from the header), an unknown format, or a broken file
            if (e.getMessage().contains("more than the limit")) {
                return new ApiException(413, "image_too_large", e.getMessage());
            }
            if (e.getMessage().contains("unknown format")) {
                return new ApiException(415, "unsupported_media_type", e.getMessage());
            }
            return new ApiException(400, "bad_image", e.getMessage());
        }
        if (e instanceof DuplicateNameException duplicate) {
            return new ApiException(409, "duplicate_name", e.getMessage(), Map.of("id", duplicate.existingId()));
        }
        if (e instanceof UnknownIdentityException) {
            return new ApiException(404, "not_found", e.getMessage());
        }
        if (e instanceof ModelMismatchException) {
            return new ApiException(409, "model_mismatch", e.getMessage());
        }
        if (e instanceof IllegalArgumentException) {
            return new ApiException(400, "bad_request", e.getMessage());
        }
        if (e instanceof HttpResponseException http) {
            return new ApiException(http.getStatus(), code(http.getStatus()), http.getMessage());
        }
        return new ApiException(500, "internal", "internal error (" + e.getClass().getSimpleName() + "); see the server log");
    }

    /** The code of a status Javalin or Jetty produced itself (unknown route, body over the limit, ...). */
    static String code(int status) {
        return switch (status) {
            case 400 -> "bad_request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 413 -> "request_too_large";
            case 415 -> "unsupported_media_type";
            case 429 -> "too_many_requests";
            default -> "http_" + status;
        };
    }
}
