package io.face4j.video;

import java.nio.file.Path;

import io.face4j.FaceAnalyzer;
import io.face4j.gallery.Gallery;

/** Scratch for manual CLI runs: writes a gallery with the two Hamilton musicians to DIR/gallery.db. */
public final class EnrolHamilton {
    public static void main(String[] args) {
        try (FaceAnalyzer analyzer = FaceAnalyzer.create(); Gallery g = VideoTestSupport.hamiltonGallery(analyzer, Path.of(args[0]))) {
            System.out.println(g.identities());
        }
    }
}
