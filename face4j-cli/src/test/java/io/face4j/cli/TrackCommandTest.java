package io.face4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.face4j.testing.Datasets;
import io.face4j.video.source.FrameSource;
import io.face4j.video.source.FrameSources;
import io.face4j.video.source.SourceOptions;
import io.face4j.video.source.SourceSpec;
import io.face4j.video.source.VideoFrame;

class TrackCommandTest {
    @Test
    void writesAnnotatedVideoAndEvents(@TempDir Path dir) throws Exception {
        Path stub = Datasets.require("videos/faceapi/video.mp4");
        Path video = dir.resolve("out.mp4");
        Path events = dir.resolve("events.jsonl");
        CliRun run = CliRun.of("track", stub.toString(), "--output", video.toString(), "--events", events.toString(),
                "--every", "1", "--detect-only", "--threads", "1");
        System.out.println(run.out());
        assertEquals(0, run.exitCode(), run.err());

        int frames = 0;
        try (FrameSource source = FrameSources.open(SourceSpec.file(video), SourceOptions.defaults())) {
            assertEquals(820, source.info().width());
            Optional<VideoFrame> f;
            while ((f = source.next()).isPresent()) {
                frames++;
            }
        }
        assertEquals(5, frames, "every input frame is written");

        List<String> lines = Files.readAllLines(events);
        Set<Integer> started = new HashSet<>();
        Set<Integer> ended = new HashSet<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : lines) {
            JsonNode e = json.readTree(line);
            assertEquals(4, e.get("box").size(), line);
            assertTrue(e.has("frame") && e.has("time") && e.has("track") && e.has("name"), line);
            switch (e.get("event").asText()) {
                case "track_started" -> started.add(e.get("track").asInt());
                case "track_ended" -> ended.add(e.get("track").asInt());
                default -> throw new AssertionError("detect-only gives no identities: " + line);
            }
        }
        assertTrue(!started.isEmpty(), "the stub shows faces, so tracks start:\n" + run.out());
        assertEquals(started, ended, "every started track ends at the end of the video");
    }

    @Test
    void missingInputIsAnInputError(@TempDir Path dir) {
        CliRun run = CliRun.of("track", dir.resolve("nope.mp4").toString(), "--detect-only");
        assertEquals(ExitCodes.INPUT, run.exitCode());
        assertTrue(run.err().contains("nope.mp4"), run.err());
    }
}
