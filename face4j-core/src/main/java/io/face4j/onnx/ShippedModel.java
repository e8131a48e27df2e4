package io.face4j.onnx;

/** The TFLite models shipped in face4j-models (see MODELS.md), as classpath resources. */
public enum ShippedModel {
    PNET("pnet.tflite"),
    RNET("rnet.tflite"),
    ONET("onet.tflite"),
    MOBILEFACENET("MobileFaceNet.tflite"),
    ANTI_SPOOFING("FaceAntiSpoofing.tflite");

    private final String fileName;

    ShippedModel(String fileName) {
        this.fileName = fileName;
    }

    public String fileName() {
        return fileName;
    }

    /** Classpath resource path, e.g. {@code /io/face4j/models/pnet.tflite}. */
    public String resource() {
        return "/io/face4j/models/" + fileName;
    }
}
