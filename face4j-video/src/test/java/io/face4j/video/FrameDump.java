package io.face4j.video;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.face4j.image.Images;
import io.face4j.video.source.FrameSource;
import io.face4j.video.source.FrameSources;
import io.face4j.video.source.SourceOptions;
import io.face4j.video.source.SourceSpec;
import io.face4j.video.source.VideoFrame;

/** Writes the listed frames of a video as PNG, to check annotated output by eye: FrameDump VIDEO OUT_DIR 20,60,180 */
public final class FrameDump {
    public static void main(String[] args) {
        Set<Long> wanted = Stream.of(args[2].split(",")).map(Long::parseLong).collect(Collectors.toSet());
        try (FrameSource s = FrameSources.open(SourceSpec.file(Path.of(args[0])), SourceOptions.defaults())) {
            Optional<VideoFrame> f;
            while ((f = s.next()).isPresent()) {
                if (wanted.contains(f.get().index())) {
                    Images.write(f.get().image(), Path.of(args[1], "frame-" + f.get().index() + ".png"));
                }
            }
        }
    }
}
