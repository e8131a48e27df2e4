package io.face4j.onnx;

import java.util.Arrays;

/**
 * A dense float tensor: shape and row-major data. The arrays are not copied (tensors are large and short-lived):
 * do not change them after handing them over. Thread-safe as long as nobody writes to the arrays.
 */
public record FloatTensor(long[] shape, float[] data) {
    public FloatTensor {
        long n = 1;
        for (long d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("shape has a negative dimension: " + Arrays.toString(shape));
            }
            n *= d;
        }
        if (n != data.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " needs " + n + " values, data has " + data.length);
        }
    }

    public static FloatTensor of(float[] data, long... shape) {
        return new FloatTensor(shape, data);
    }
}
