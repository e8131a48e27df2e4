package io.face4j.onnx;

/**
 * A model file that cannot be read, converted or used: corrupt or truncated bytes, an unsupported operator, or a
 * signature that does not fit. The message names the file and what was wrong (operator, offset or shapes).
 */
public class ModelException extends RuntimeException {
    public ModelException(String message) {
        super(message);
    }

    public ModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
