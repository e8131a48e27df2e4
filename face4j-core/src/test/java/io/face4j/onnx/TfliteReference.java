package io.face4j.onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.tensorflow.lite.Interpreter;

import ai.djl.tflite.engine.LibUtils;

/**
 * The original TFLite runtime (the interpreter shipped in DJL's tflite engine, test scope) as a reference for the
 * importer. Not thread-safe: one interpreter per instance.
 */
final class TfliteReference implements AutoCloseable {
    static {
        LibUtils.loadLibrary(); // extracts and loads libtensorflowlite_jni from tflite-native-cpu
    }

    private final Interpreter interpreter;
    private final ByteBuffer model;

    TfliteReference(byte[] tflite) {
        model = ByteBuffer.allocateDirect(tflite.length).order(ByteOrder.nativeOrder());
        model.put(tflite).rewind();
        interpreter = new Interpreter(model, new Interpreter.Options().setNumThreads(1));
    }

    int[] storedInputShape() {
        return interpreter.getInputTensor(0).shape();
    }

    List<String> outputNames() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < interpreter.getOutputTensorCount(); i++) {
            names.add(interpreter.getOutputTensor(i).name());
        }
        return names;
    }

    /** Runs one input, resizing the interpreter's input when the shape differs from the current one. */
    List<FloatTensor> run(FloatTensor input) {
        int[] shape = Arrays.stream(input.shape()).mapToInt(Math::toIntExact).toArray();
        if (!Arrays.equals(interpreter.getInputTensor(0).shape(), shape)) {
            interpreter.resizeInput(0, shape, false);
            interpreter.allocateTensors();
        }
        ByteBuffer in = ByteBuffer.allocateDirect(4 * input.data().length).order(ByteOrder.nativeOrder());
        in.asFloatBuffer().put(input.data());
        Map<Integer, Object> outputs = new HashMap<>();
        for (int i = 0; i < interpreter.getOutputTensorCount(); i++) {
            outputs.put(i, ByteBuffer.allocateDirect(interpreter.getOutputTensor(i).numBytes()).order(ByteOrder.nativeOrder()));
        }
        interpreter.runForMultipleInputsOutputs(new Object[] {in}, outputs);
        List<FloatTensor> result = new ArrayList<>();
        for (int i = 0; i < outputs.size(); i++) {
            FloatBuffer fb = ((ByteBuffer) outputs.get(i)).rewind().asFloatBuffer();
            float[] data = new float[fb.remaining()];
            fb.get(data);
            long[] s = Arrays.stream(interpreter.getOutputTensor(i).shape()).asLongStream().toArray();
            result.add(new FloatTensor(s, data));
        }
        return result;
    }

    /**
     * Runs a batch item by item at the stored batch size {@code storedBatch} (each item repeated to fill the batch),
     * for models whose graph fixes the batch (MobileFaceNet reshapes to [2, 192]). Returns outputs stacked to the batch.
     */
    List<FloatTensor> runItemByItem(FloatTensor batch, int storedBatch) {
        int n = Math.toIntExact(batch.shape()[0]);
        int item = batch.data().length / n;
        List<float[]> stacked = null;
        List<long[]> shapes = null;
        for (int b = 0; b < n; b++) {
            float[] data = new float[item * storedBatch];
            for (int k = 0; k < storedBatch; k++) {
                System.arraycopy(batch.data(), b * item, data, k * item, item);
            }
            long[] shape = batch.shape().clone();
            shape[0] = storedBatch;
            List<FloatTensor> out = run(new FloatTensor(shape, data));
            if (stacked == null) {
                stacked = new ArrayList<>();
                shapes = new ArrayList<>();
                for (FloatTensor o : out) {
                    int per = o.data().length / storedBatch;
                    stacked.add(new float[per * n]);
                    long[] s = o.shape().clone();
                    s[0] = n;
                    shapes.add(s);
                }
            }
            for (int i = 0; i < out.size(); i++) {
                int per = out.get(i).data().length / storedBatch;
                System.arraycopy(out.get(i).data(), 0, stacked.get(i), b * per, per);
            }
        }
        List<FloatTensor> result = new ArrayList<>();
        for (int i = 0; i < stacked.size(); i++) {
            result.add(new FloatTensor(shapes.get(i), stacked.get(i)));
        }
        return result;
    }

    @Override
    public void close() {
        interpreter.close();
    }
}
