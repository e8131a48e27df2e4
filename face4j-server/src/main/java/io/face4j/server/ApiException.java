package io.face4j.server;

/**
 * A request the service refuses, with the HTTP status and a stable error code for the JSON body; {@link Errors}
 * renders it. {@code details} (may be null) is added to the body as is.
 */
final class ApiException extends RuntimeException {
    final int status;
    final String code;
    final transient Object details;

    ApiException(int status, String code, String message) {
        this(status, code, message, null);
    }

    ApiException(int status, String code, String message, Object details) {
        super(message);
        this.status = status;
        this.code = code;
        this.details = details;
    }

    static ApiException badRequest(String message) {
        return new ApiException(400, "bad_request", message);
    }

    static ApiException noFace(String message) {
        return new ApiException(422, "no_face", message);
    }
}
