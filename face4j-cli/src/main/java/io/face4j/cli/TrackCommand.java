package io.face4j.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import io.face4j.FaceAnalyzer;
import io.face4j.gallery.Gallery;
import io.face4j.video.FrameResult;
import io.face4j.video.TrackLog;
import io.face4j.video.VideoAnalyzer;
import io.face4j.video.VideoRunner;
import io.face4j.video.render.AnnotatedVideoWriter;
import io.face4j.video.render.EventWriter;
import io.face4j.video.render.FrameAnnotator;
import io.face4j.video.source.FrameSource;
import io.face4j.video.source.SourceOptions;
import io.face4j.video.source.SourceSpec;
import io.face4j.video.track.TrackEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code face4j track INPUT --output annotated.mp4 --events events.jsonl}: headless tracking and recognition. */
@Command(name = "track", mixinStandardHelpOptions = true,
        description = {"Track and recognise faces in a video file, image folder or stream; write an annotated video",
                "and/or JSON Lines events (track_started, identified, identity_changed, track_ended; with --liveness also",
                "liveness_changed, and a liveness field on those and track_ended).",
                "Prints a table of the tracks at the end."})
final class TrackCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "INPUT", description = "video file, folder of images, or stream URL")
    String input;

    @Option(names = "--output", paramLabel = "FILE.mp4", description = "annotated video (H.264, or MPEG-4 when H.264 is unavailable)")
    Path output;

    @Option(names = "--events", paramLabel = "FILE.jsonl", description = "events as JSON Lines")
    Path events;

    @Option(names = "--detect-only", description = "track without recognition (no gallery)")
    boolean detectOnly;

    @Mixin
    VideoSettings settings;

    @Mixin
    GalleryOption galleryOption;

    @Mixin
    AnalyzerMixin analyzerOptions;

    @Override
    public Integer call() {
        return track();
    }

    private int track() {
        PrintWriter out = spec.commandLine().getOut();
        SourceSpec source = VideoSourceMixin.parseInput(input);
        try (FaceAnalyzer analyzer = detectOnly ? analyzerOptions.openDetectOnly() : analyzerOptions.open();
             Gallery gallery = detectOnly ? null : galleryOption.open();
             FrameSource frames = VideoCommands.open(source, SourceOptions.defaults(), true);
             AnnotatedVideoWriter video = output == null ? null
                     : AnnotatedVideoWriter.open(output, frames.info().width(), frames.info().height(), VideoCommands.fps(frames));
             EventWriter eventWriter = events == null ? null : new EventWriter(events);
             Progress progress = Progress.start("track", frames.info().frameCount(), spec.commandLine().getErr())) {
            VideoAnalyzer videoAnalyzer = new VideoAnalyzer(analyzer, gallery, settings.options(galleryOption.threshold));
            FrameAnnotator annotator = new FrameAnnotator();
            TrackLog log = new TrackLog();
            VideoRunner.Stats stats = VideoRunner.run(frames, videoAnalyzer, new VideoRunner.Listener() {
                @Override
                public void onFrame(FrameResult result) {
                    log.onFrame(result);
                    if (video != null) {
                        video.write(annotator.draw(result.frame().image(), result.tracks()));
                    }
                    progress.step();
                }

                @Override
                public void onEvent(TrackEvent event) {
                    log.onEvent(event);
                    if (eventWriter != null) {
                        eventWriter.write(event);
                    }
                }
            }, () -> false);
            progress.close();
            out.print(log.table());
            out.printf(Locale.ROOT, "%d frames in %.1f s (%.1f fps), %d tracks%s%n", stats.frames(), stats.nanos() / 1e9,
                    stats.fps(), log.entries().size(), video != null ? ", video " + video.codec() : "");
        }
        return ExitCodes.OK;
    }
}
