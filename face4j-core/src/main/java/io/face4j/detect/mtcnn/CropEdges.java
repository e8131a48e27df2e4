package io.face4j.detect.mtcnn;

/** How RNet and ONet crops treat the part of a candidate box that lies outside the image. */
public enum CropEdges {
    /**
     * Fill it with black, keeping the face's proportions: the MTCNN reference code's {@code pad} (MATLAB and
     * davidsandberg/facenet).
     */
    ZERO_PAD,
    /**
     * Crop only the part inside the image and stretch it to the square input, as facenet-pytorch does (its
     * {@code pad} clips the box). Choose it to reproduce facenet-pytorch's boxes for faces cut by the image edge.
     */
    CLIP
}
