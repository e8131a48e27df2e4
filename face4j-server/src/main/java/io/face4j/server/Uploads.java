package io.face4j.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;

/**
 * The images of a request: multipart parts (by name) or the raw body with an {@code image/*} type (also
 * {@code application/octet-stream}). Only checks what the request says; decoding is {@code Images.read}'s job.
 */
final class Uploads {
    /** An uploaded image: its bytes and the name the client gave (or the part name). */
    record Upload(String name, byte[] bytes) {
    }

    /** Part names that carry an image, as CompreFace ({@code file}) and deepface-style clients send them. */
    static final List<String> IMAGE_PARTS = List.of("file", "image", "file[]", "image[]");

    private Uploads() {
    }

    /** Every image of the request; 400 when there is none, 415 when the body is not an image. */
    static List<Upload> all(Context ctx) {
        if (ctx.isMultipartFormData()) {
            List<Upload> uploads = new ArrayList<>();
            for (String part : IMAGE_PARTS) {
                for (UploadedFile file : ctx.uploadedFiles(part)) {
                    uploads.add(read(file));
                }
            }
            if (uploads.isEmpty()) {
                throw ApiException.badRequest("no image in the form: send the image as a part named 'file' or 'image'");
            }
            return uploads;
        }
        return List.of(new Upload("body", rawBody(ctx)));
    }

    /** The one image of the request. */
    static Upload one(Context ctx) {
        List<Upload> uploads = all(ctx);
        if (uploads.size() != 1) {
            throw ApiException.badRequest("expected one image, got " + uploads.size());
        }
        return uploads.get(0);
    }

    /** The image of a named part (verify's {@code image1} and {@code image2}). */
    static Upload part(Context ctx, String name) {
        if (!ctx.isMultipartFormData()) {
            throw new ApiException(415, "unsupported_media_type", "send a multipart/form-data request with parts 'image1' and 'image2'");
        }
        UploadedFile file = ctx.uploadedFile(name);
        if (file == null) {
            throw ApiException.badRequest("missing form part '" + name + "'");
        }
        return read(file);
    }

    private static Upload read(UploadedFile file) {
        String type = file.contentType() == null ? "" : file.contentType().toLowerCase(Locale.ROOT);
        if (type.startsWith("text/") || type.startsWith("application/json")) {
            throw new ApiException(415, "unsupported_media_type", "part '" + file.filename() + "' is " + type + ", not an image");
        }
        try (InputStream in = file.content()) {
            byte[] bytes = in.readAllBytes();
            if (bytes.length == 0) {
                throw new ApiException(400, "empty_image", "part '" + file.filename() + "' is empty");
            }
            return new Upload(file.filename(), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] rawBody(Context ctx) {
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        if (!type.startsWith("image/") && !type.startsWith("application/octet-stream") && !type.isEmpty()) {
            throw new ApiException(415, "unsupported_media_type",
                    "send an image body (image/jpeg, image/png, ...) or multipart/form-data, not " + type);
        }
        byte[] body = ctx.bodyAsBytes();
        if (body.length == 0) {
            throw new ApiException(400, "empty_body", "the request body is empty: send an image");
        }
        return body;
    }
}
