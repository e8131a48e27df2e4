package io.face4j.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

import io.face4j.FaceAnalyzer;
import io.face4j.gallery.Gallery;
import io.face4j.video.VideoAnalyzer;
import io.face4j.video.VideoRunner;
import io.face4j.video.render.FrameAnnotator;
import io.face4j.video.source.FrameSource;
import io.face4j.video.source.SourceSpec;
import io.face4j.video.view.LiveWindow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code face4j live}: a window with the camera (or a video, played in real time) and the faces named. */
@Command(name = "live", mixinStandardHelpOptions = true,
        description = {"Show a camera, video or stream in a window with face boxes, names, similarity and track ids.",
                "Esc or closing the window quits. A --video plays at its own frame rate, dropping frames when",
                "recognition is slower; it quits at the end of the file."})
final class LiveCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    VideoSourceMixin source;

    @Option(names = "--detect-only", description = "boxes only: no recognition, no gallery")
    boolean detectOnly;

    @Option(names = "--exit-after", paramLabel = "SECONDS", description = "quit after this many seconds (for scripts and tests)")
    Double exitAfter;

    @Mixin
    VideoSettings settings;

    @Mixin
    GalleryOption galleryOption;

    @Mixin
    AnalyzerMixin analyzerOptions;

    @Override
    public Integer call() {
        if (java.awt.GraphicsEnvironment.isHeadless()) {
            throw new InputException("live needs a display (no DISPLAY or a headless JVM); use 'face4j track' to write a video instead");
        }
        return live();
    }

    private int live() {
        PrintWriter out = spec.commandLine().getOut();
        SourceSpec sourceSpec = source.spec();
        long deadline = exitAfter == null ? Long.MAX_VALUE : System.nanoTime() + Math.round(exitAfter * 1e9);
        try (FaceAnalyzer analyzer = detectOnly ? analyzerOptions.openDetectOnly() : analyzerOptions.open();
             Gallery gallery = detectOnly ? null : galleryOption.open();
             FrameSource frames = VideoCommands.open(sourceSpec, source.options(sourceSpec), false);
             LiveWindow window = LiveWindow.open("face4j live - " + sourceSpec.describe(), frames.info().width(), frames.info().height())) {
            VideoAnalyzer videoAnalyzer = new VideoAnalyzer(analyzer, gallery, settings.options(galleryOption.threshold));
            FrameAnnotator annotator = new FrameAnnotator();
            VideoRunner.Stats stats = VideoRunner.run(frames, videoAnalyzer,
                    result -> window.show(annotator.draw(result.frame().image(), result.tracks())),
                    () -> window.isClosed() || System.nanoTime() > deadline);
            out.printf(Locale.ROOT, "%d frames shown (%.1f fps), %d dropped%n", stats.frames(), stats.fps(), stats.dropped());
        }
        return ExitCodes.OK;
    }
}
