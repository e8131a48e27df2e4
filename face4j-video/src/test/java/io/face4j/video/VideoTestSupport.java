package io.face4j.video;

import java.nio.file.Path;
import java.util.List;

import io.face4j.Face;
import io.face4j.FaceAnalyzer;
import io.face4j.gallery.Gallery;
import io.face4j.gallery.NewTemplate;
import io.face4j.image.Images;
import io.face4j.image.RgbImage;
import io.face4j.testing.Datasets;

/** Shared set-up of the video tests: dataset paths and a gallery with the two Hamilton musicians enrolled. */
final class VideoTestSupport {
    static final String LIN = "Lin-Manuel Miranda";
    static final String ALEX = "Alex Lacamoire";

    private VideoTestSupport() {
    }

    static Path hamiltonClip() {
        return Datasets.require("videos/face_recognition/short_hamilton_clip.mp4");
    }

    static Path crowdClip() {
        return Datasets.require("videos/facenet-pytorch/video.mp4");
    }

    static Path example(String name) {
        return Datasets.require("face_recognition-examples/examples/" + name);
    }

    /** Enrols one template per person from the face_recognition example photos (the largest face of each). */
    static Gallery hamiltonGallery(FaceAnalyzer analyzer, Path dir) {
        Gallery gallery = Gallery.open(dir.resolve("gallery.db"));
        enrol(gallery, analyzer, LIN, example("lin-manuel-miranda.png"));
        enrol(gallery, analyzer, ALEX, example("alex-lacamoire.png"));
        return gallery;
    }

    private static void enrol(Gallery gallery, FaceAnalyzer analyzer, String name, Path photo) {
        RgbImage image = Images.read(photo);
        Face face = FaceAnalyzer.primaryFace(analyzer.analyze(image), image.width(), image.height()).orElseThrow(
                () -> new AssertionError("no face in " + photo));
        gallery.enrol(name, List.of(new NewTemplate(face.embedding().values(), face.embedding().modelId(), 1, photo.toString())));
    }
}
