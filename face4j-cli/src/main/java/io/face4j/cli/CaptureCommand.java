package io.face4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

import io.face4j.Face;
import io.face4j.FaceAnalyzer;
import io.face4j.gallery.Gallery;
import io.face4j.gallery.NewTemplate;
import io.face4j.image.Images;
import io.face4j.liveness.temporal.Challenge;
import io.face4j.liveness.temporal.LivenessState;
import io.face4j.liveness.temporal.TemporalOptions;
import io.face4j.video.capture.CaptureLiveness;
import io.face4j.video.capture.CaptureOptions;
import io.face4j.video.capture.FaceCapture;
import io.face4j.video.source.FrameSource;
import io.face4j.video.source.SourceSpec;
import io.face4j.video.source.VideoFrame;
import io.face4j.video.source.VideoSourceException;
import io.face4j.video.track.SampleWeight;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code face4j capture --name NAME}: the recipe's capture step, keeping only good, distinct faces, then enrolling them. */
@Command(name = "capture", mixinStandardHelpOptions = true,
        description = {"Collect enrolment faces of one person from a camera or video: sharp, well lit, frontal, one per",
                "frame and not near-copies of each other. Saves the aligned crops as data/NAME/yyyyMMdd-HHmmss-SSS.jpg",
                "and enrols them in the gallery. Stops at --count or the end of the video, and says why if short.",
                "Refuses to save or enrol anything when the face moved like a flat photo or screen (temporal liveness:",
                "landmark motion parallax); --require-live also refuses when liveness was not established."})
final class CaptureCommand implements Callable<Integer> {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");
    /**
     * A capture goes on past --count until the face was seen live, for at most this long from its first frame (a
     * head-turn challenge's 5 s): long enough to turn the head, short enough that a photo gets few windows to slip
     * through (each 2 s of a waved photo is accepted about 5% of the time, see README).
     */
    private static final long LIVENESS_WAIT_MICROS = 5_000_000;
    private long lastMicros;

    @Spec
    CommandSpec spec;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "who is being captured")
    String name;

    @Mixin
    VideoSourceMixin source;

    @Option(names = "--count", paramLabel = "N", defaultValue = "50", description = "faces to collect (default: ${DEFAULT-VALUE})")
    int count;

    @Option(names = "--every", paramLabel = "N", defaultValue = "2", description = "look at every Nth frame (default: ${DEFAULT-VALUE})")
    int every;

    @Option(names = "--out", paramLabel = "DIR", description = "where the crops go (default: data/NAME)")
    Path out;

    @Option(names = "--single-face", description = "skip frames with several faces instead of taking the largest")
    boolean singleFace;

    /** The quality options over the camera bar ({@link CaptureOptions#defaults()}: eyes 25 px, sharpness 20, yaw 25). */
    @Mixin
    QualityGate quality;

    @Option(names = "--no-enrol", description = "only save the crops")
    boolean noEnrol;

    @Option(names = "--require-live", description = "refuse unless the face was seen to move as a live head "
            + "(turn the head slowly during capture); without it only a face that moved like a photo is refused")
    boolean requireLive;

    @Option(names = "--no-liveness", description = "do not check liveness at all")
    boolean noLiveness;

    @Option(names = "--challenge", paramLabel = "MOVE", description = "ask for a head movement: turn-left, turn-right "
            + "(the person's own left/right) or nod, 15 degrees within 5 s; refuses unless it is made with parallax")
    String challengeName;

    @Mixin
    GalleryOption galleryOption;

    @Mixin
    AnalyzerMixin analyzerOptions;

    @Override
    public Integer call() {
        if (name.isBlank()) {
            throw new InputException("--name must not be blank");
        }
        if (count < 1 || every < 1) {
            throw new InputException("--count and --every must be >= 1, got " + count + " and " + every);
        }
        if (requireLive && noLiveness) {
            throw new ParameterException(spec.commandLine(), "--require-live and --no-liveness contradict each other");
        }
        Challenge challenge = challenge();
        if (challenge != null && noLiveness) {
            throw new ParameterException(spec.commandLine(), "--challenge and --no-liveness contradict each other");
        }
        PrintWriter err = spec.commandLine().getErr();
        Path dir = out != null ? out : Path.of("data", name);
        createFolder(dir);
        SourceSpec sourceSpec = source.spec();
        CaptureOptions captureOptions = CaptureOptions.defaults();
        FaceCapture capture = new FaceCapture(captureOptions.withSingleFace(singleFace).withQuality(quality.bar(captureOptions.quality())));
        CaptureLiveness liveness = noLiveness ? null : new CaptureLiveness(TemporalOptions.defaults(), challenge);
        if (challenge != null) {
            spec.commandLine().getOut().printf(Locale.ROOT, "liveness challenge: %s (within %.0f s)%n",
                    challenge.instruction(), challenge.timeoutSeconds());
            spec.commandLine().getOut().flush();
        }
        int severalFaces = 0;
        boolean ended = false;
        String lost = null;
        try (FaceAnalyzer analyzer = analyzerOptions.open();
             FrameSource frames = VideoCommands.open(sourceSpec, source.options(sourceSpec), true)) {
            // a stream lost half-way still enrols what was captured; the error is reported below
            long firstMicros = -1;
            while (capture.keptCount() < count || awaitingLiveness(liveness, firstMicros)) {
                Optional<VideoFrame> frame;
                try {
                    frame = frames.next();
                } catch (VideoSourceException e) {
                    lost = e.getMessage();
                    break;
                }
                if (frame.isEmpty()) {
                    ended = true;
                    break;
                }
                if (firstMicros < 0) {
                    firstMicros = frame.get().timestampMicros();
                }
                lastMicros = frame.get().timestampMicros();
                if (frame.get().index() % every != 0) {
                    continue;
                }
                List<Face> faces = analyzer.analyze(frame.get().image());
                if (liveness != null) {
                    liveness.offer(faces, frame.get().timestampMicros());
                }
                FaceCapture.Result result = capture.offer(faces);
                severalFaces += result.face().isPresent() && result.faceCount() > 1 ? 1 : 0;
            }
        }
        Optional<String> refusal = liveness == null ? Optional.empty() : liveness.refusal(requireLive);
        if (refusal.isPresent()) {
            err.printf("%s: nothing saved or enrolled for %s%n", refusal.get(), name);
            return ExitCodes.INPUT;
        }
        // saved at the end: only then is it known which faces are of the person seen most
        List<NewTemplate> templates = new ArrayList<>();
        for (Face face : capture.kept().subList(0, Math.min(count, capture.keptCount()))) {
            Path file = save(dir, face);
            templates.add(new NewTemplate(face.embedding().values(), face.embedding().modelId(),
                    SampleWeight.of(face.quality()), file.toString()));
        }
        PrintWriter outWriter = spec.commandLine().getOut();
        outWriter.printf("captured %d of %d faces of %s in %s%n", templates.size(), count, name, dir);
        if (severalFaces > 0) {
            outWriter.printf("note: %d frames had several faces; the largest was taken%n", severalFaces);
        }
        if (capture.otherPeopleFaces() > 0) {
            outWriter.printf("note: %d good faces of other people were left out%n", capture.otherPeopleFaces());
        }
        if (liveness != null) {
            outWriter.printf("liveness: %s%s%n", liveness.verdict().label(),
                    liveness.evidence().map(r -> " (" + r.reason() + ")").orElse(""));
        }
        if (templates.size() < count) {
            err.printf("fewer than %d: %s; turned down: %s%n", count, ended ? "the video ended" : lost != null ? lost : "stopped",
                    capture.rejectionSummary().isEmpty() ? "nothing" : capture.rejectionSummary());
        }
        if (!noEnrol && !templates.isEmpty()) {
            enrol(templates, outWriter);
        }
        return ExitCodes.OK;
    }

    /**
     * True while liveness is checked, the face was not yet seen live and the capture is younger than
     * {@link #LIVENESS_WAIT_MICROS} (with a challenge: its timeout and a second more, so that its timeout is seen).
     */
    private boolean awaitingLiveness(CaptureLiveness liveness, long firstMicros) {
        if (liveness == null || liveness.verdict() == LivenessState.LIVE
                || (liveness.challenge() != null && liveness.verdict() == LivenessState.SPOOF)) {
            return false;
        }
        long wait = liveness.challenge() == null ? LIVENESS_WAIT_MICROS
                : Math.round((liveness.challenge().timeoutSeconds() + 1) * 1e6);
        return firstMicros < 0 || lastMicros - firstMicros < wait;
    }

    private Challenge challenge() {
        if (challengeName == null) {
            return null;
        }
        return switch (challengeName.toLowerCase(Locale.ROOT)) {
            case "turn-left" -> Challenge.of(Challenge.Kind.TURN_LEFT);
            case "turn-right" -> Challenge.of(Challenge.Kind.TURN_RIGHT);
            case "nod" -> Challenge.of(Challenge.Kind.NOD);
            default -> throw new ParameterException(spec.commandLine(),
                    "--challenge must be turn-left, turn-right or nod, got " + challengeName);
        };
    }

    private void enrol(List<NewTemplate> templates, PrintWriter outWriter) {
        try (Gallery gallery = galleryOption.open()) {
            var existing = gallery.findByName(name);
            if (existing.isPresent()) {
                gallery.addTemplates(existing.get().id(), templates);
                outWriter.printf("added %d templates to %s in the gallery%n", templates.size(), name);
            } else {
                gallery.enrol(name, templates);
                outWriter.printf("enrolled %s with %d templates%n", name, templates.size());
            }
        }
    }

    /** The aligned crop (what the embedder saw) as a JPEG named by the current time, like the recipe's capture. */
    private static Path save(Path dir, Face face) {
        String stamp = LocalDateTime.now().format(STAMP);
        Path file = dir.resolve(stamp + ".jpg");
        for (int n = 2; Files.exists(file); n++) {
            file = dir.resolve(stamp + "-" + n + ".jpg");
        }
        Images.write(face.aligned(), file);
        return file;
    }

    private static void createFolder(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new InputException("cannot create folder " + dir + ": " + e.getMessage(), e);
        }
    }
}
