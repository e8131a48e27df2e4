package io.face4j.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.face4j.AnalyzerOptions;
import io.face4j.FaceAnalyzer;
import io.face4j.liveness.temporal.LivenessState;
import io.face4j.liveness.temporal.TemporalOptions;
import io.face4j.video.source.FrameSource;
import io.face4j.video.source.FrameSources;
import io.face4j.video.source.SourceOptions;
import io.face4j.video.source.SourceSpec;
import io.face4j.video.source.VideoFrame;

/**
 * Acceptance: the temporal liveness check accepts real faces. The Hamilton clip (ground truth in
 * {@link HamiltonRecognitionTest}: frames 87-212 Lin-Manuel Miranda singing towards the camera, his frontal stretch)
 * through the video analyzer as the CLI runs it (detection on every 3rd frame), and frames 90-200, the Chromium fake
 * camera's loop in the browser test, as the WebSocket runs them (detection on every frame the server keeps up with).
 */
@Tag("golden")
class HamiltonLivenessTest {
    private static final long STAGE_FIRST = 87;
    private static final long STAGE_LAST = 212;
    /** The stage stretch (126 frames) cut into three 1.4 s pieces (about the check's 1.5 s window), each counted on its own. */
    private static final int PIECE = 42;

    @Test
    void linOnStageIsLiveAndNoRealFaceIsCalledASpoof() {
        TrackLog log = new TrackLog();
        Map<Long, LivenessState> stageStates = new LinkedHashMap<>();
        try (FaceAnalyzer analyzer = FaceAnalyzer.create(AnalyzerOptions.defaults().withMinFaceSize(40).withThreads(1).withoutEmbedder());
             FrameSource source = FrameSources.openForProcessing(SourceSpec.file(VideoTestSupport.hamiltonClip()), SourceOptions.defaults())) {
            VideoAnalyzer video = new VideoAnalyzer(analyzer, null, VideoOptions.defaults().withLiveness(TemporalOptions.defaults()));
            VideoRunner.run(source, video, new VideoRunner.Listener() {
                @Override
                public void onFrame(FrameResult result) {
                    log.onFrame(result);
                    long f = result.frame().index();
                    if (f >= STAGE_FIRST && f <= STAGE_LAST) {
                        // the largest face on stage is his
                        result.tracks().stream().max(java.util.Comparator.comparingDouble(t -> t.box().area()))
                                .ifPresent(t -> stageStates.put(f, t.liveness().state()));
                    }
                }

                @Override
                public void onEvent(io.face4j.video.track.TrackEvent e) {
                    log.onEvent(e);
                }
            }, () -> false);
        }
        System.out.print("Hamilton clip, liveness per track:\n" + log.table());
        int pieces = 0;
        int accepted = 0;
        int spoofPieces = 0;
        StringBuilder report = new StringBuilder();
        for (long start = STAGE_FIRST; start + PIECE - 1 <= STAGE_LAST; start += PIECE) {
            List<LivenessState> states = new ArrayList<>();
            for (long f = start; f < start + PIECE; f++) {
                if (stageStates.containsKey(f)) {
                    states.add(stageStates.get(f));
                }
            }
            long live = states.stream().filter(s -> s == LivenessState.LIVE).count();
            long spoof = states.stream().filter(s -> s == LivenessState.SPOOF).count();
            pieces++;
            accepted += live > 0 ? 1 : 0;
            spoofPieces += spoof > 0 ? 1 : 0;
            report.append(String.format(Locale.ROOT, "  frames %d-%d: %d shown, live on %d, spoof on %d%n",
                    start, start + PIECE - 1, states.size(), live, spoof));
        }
        long stageLive = stageStates.values().stream().filter(s -> s == LivenessState.LIVE).count();
        long stageDecided = stageStates.values().stream().filter(s -> s != LivenessState.UNDECIDED).count();
        System.out.printf(Locale.ROOT, "stage stretch (frames %d-%d), 1.4 s pieces accepted as live: %d of %d%n%s"
                        + "frames shown live %d of %d (decided %d); pieces with a spoof frame: %d%n",
                STAGE_FIRST, STAGE_LAST, accepted, pieces, report, stageLive, stageStates.size(), stageDecided, spoofPieces);
        assertEquals(pieces, accepted, "every 1.5 s piece of his time on stage is accepted as live:\n" + report);
        assertEquals(0, spoofPieces, "a real face was called a spoof on stage:\n" + report);
        for (TrackLog.Entry t : log.entries()) {
            assertTrue(t.liveness() != LivenessState.SPOOF, "track " + t.id() + " (real people only) was called a spoof: " + t);
        }
    }

    @Test
    void theBrowserTestsFakeCameraIsLiveAtTheRatesAServerKeepsUp() {
        List<VideoFrame> loop = new ArrayList<>();
        try (FrameSource source = FrameSources.openForProcessing(SourceSpec.file(VideoTestSupport.hamiltonClip()), SourceOptions.defaults())) {
            for (VideoFrame f = source.next().orElse(null); f != null; f = source.next().orElse(null)) {
                // BrowserTest writes frames 90-200 to the fake camera's Y4M
                if (f.index() >= 90 && f.index() <= 200) {
                    loop.add(f);
                }
            }
        }
        assertEquals(111, loop.size());
        // the WebSocket's options (LiveSocket): detection on every frame it gets, a 3 s liveness window
        VideoOptions socket = VideoOptions.defaults().withDetectEvery(1).withLiveness(TemporalOptions.defaults().withWindowSeconds(3));
        StringBuilder report = new StringBuilder();
        boolean allLive = true;
        try (FaceAnalyzer analyzer = FaceAnalyzer.create(AnalyzerOptions.defaults().withThreads(1).withoutEmbedder())) {
            // answers a second the server manages: the camera plays 30 fps, the server takes every k-th frame
            for (int k : new int[] {3, 6}) {
                VideoAnalyzer video = new VideoAnalyzer(analyzer, null, socket);
                double firstLive = Double.NaN;
                int shown = 0;
                int live = 0;
                int spoof = 0;
                for (int i = 0; i < loop.size(); i += k) {
                    VideoFrame f = loop.get(i);
                    FrameResult r = video.process(new VideoFrame(f.image(), i, Math.round(i * 1e6 / 30)));
                    for (TrackView t : r.tracks()) {
                        shown++;
                        live += t.liveness().live() ? 1 : 0;
                        spoof += t.liveness().spoof() ? 1 : 0;
                        if (t.liveness().live() && Double.isNaN(firstLive)) {
                            firstLive = i / 30.0;
                        }
                    }
                }
                report.append(String.format(Locale.ROOT, "  %4.1f answers/s: first live after %.1f s; shown %d, live %d, spoof %d%n",
                        30.0 / k, firstLive, shown, live, spoof));
                allLive &= !Double.isNaN(firstLive) && spoof == 0;
            }
        }
        System.out.print("browser fake camera (frames 90-200):\n" + report);
        assertTrue(allLive, "the fake camera's real face must become live and never spoof:\n" + report);
    }
}
