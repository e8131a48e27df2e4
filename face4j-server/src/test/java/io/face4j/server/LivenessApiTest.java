package io.face4j.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.face4j.testing.Datasets;

/**
 * The REST API's liveness options over real HTTP: {@code liveness=true} adds a liveness object per face, and
 * {@code requireLive=true} turns a printed-photo attack from the NUAA set into a refusal while a live image of the
 * same person is still recognised.
 */
class LivenessApiTest {
    private static final String NUAA = "antispoof-nuaa-subset";
    /**
     * NUAA subject 0004: enrolled from its train-split live images (session 01/02), probed with the first live and the
     * first printed-photo image of its test lists (session 03). With the default detector 13 of 13 of its test live
     * images score live and 10 of 12 of its printed photos score spoof (eval-liveness --features).
     */
    private static final String SUBJECT = "0004";
    private static final String LIVE_PROBE = "ClientRaw/" + SUBJECT + "/0004_01_06_03_107.jpg";
    private static final String PHOTO_PROBE = "ImposterRaw/" + SUBJECT + "/0004_01_03_03_250.jpg";

    @TempDir
    static Path tmp;

    static Face4jServer server;
    static Http http;

    @BeforeAll
    static void start() {
        server = Face4jServer.start(ServerOptions.defaults().withPort(0).withGallery(tmp.resolve("gallery.db"))
                .withApiKeyFile(tmp.resolve("no-keys")));
        http = new Http(server.url());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void livenessObjectOnDetectAndBadFlagRefused() throws IOException {
        byte[] lady = Files.readAllBytes(Datasets.require("bench-frames-640x480/lady_640x480.png"));
        Http.Answer plain = http.post("/api/v1/detect", "image/png", lady);
        assertFalse(plain.json().get("faces").get(0).has("liveness"), "no liveness unless asked for");
        Http.Answer checked = http.post("/api/v1/detect?liveness=true", "image/png", lady);
        assertEquals(200, checked.status(), checked::toString);
        JsonNode liveness = checked.json().get("faces").get(0).get("liveness");
        double score = liveness.get("score").asDouble();
        assertTrue(score >= 0 && score <= 1, liveness::toString);
        assertEquals(score >= liveness.get("threshold").asDouble(), liveness.get("live").asBoolean());
        assertTrue(liveness.get("evidence").size() >= 1, liveness::toString);
        Http.Answer bad = http.post("/api/v1/detect?liveness=maybe", "image/png", lady);
        assertEquals(400, bad.status(), bad::toString);
    }

    @Test
    void requireLiveRefusesAPrintedPhotoAndRecognisesTheLivePerson() throws IOException {
        Path root = Datasets.require(NUAA);
        String id = http.postJson("/api/v1/subjects", "{\"name\": \"nuaa-" + SUBJECT + "\"}").json().get("id").asText();
        Http.Form form = new Http.Form();
        int enrolled = 0;
        for (String line : Files.readAllLines(root.resolve("client_train_raw.txt"))) {
            Path file = root.resolve("ClientRaw").resolve(line.strip().replace('\\', '/'));
            if (line.startsWith(SUBJECT) && Files.isRegularFile(file)) {
                form.file("file", file.getFileName().toString(), "image/jpeg", Files.readAllBytes(file));
                enrolled++;
            }
        }
        assertTrue(enrolled >= 5, "train-split live images of " + SUBJECT + ": " + enrolled);
        Http.Answer added = http.post("/api/v1/subjects/" + id + "/faces", form);
        assertEquals(201, added.status(), added::toString);

        byte[] live = Files.readAllBytes(root.resolve(LIVE_PROBE));
        byte[] photo = Files.readAllBytes(root.resolve(PHOTO_PROBE));

        // Without requireLive the printed photo is recognised as the person: the weakness this option closes.
        Http.Answer fooled = http.post("/api/v1/recognize", "image/jpeg", photo);
        assertEquals(id, fooled.json().get("faces").get(0).get("subject").get("id").asText(), fooled::toString);

        Http.Answer refused = http.post("/api/v1/recognize?requireLive=true", "image/jpeg", photo);
        assertEquals(200, refused.status(), refused::toString);
        JsonNode face = refused.json().get("faces").get(0);
        assertEquals("spoof", face.get("refused").asText(), refused::toString);
        assertNull(face.get("subject"), "no identity for a refused face");
        assertEquals(0, face.get("candidates").size());
        assertFalse(face.get("liveness").get("live").asBoolean());

        Http.Answer accepted = http.post("/api/v1/recognize?requireLive=true", "image/jpeg", live);
        JsonNode liveFace = accepted.json().get("faces").get(0);
        assertFalse(liveFace.has("refused"), accepted::toString);
        assertTrue(liveFace.get("liveness").get("live").asBoolean(), accepted::toString);
        assertEquals(id, liveFace.get("subject").get("id").asText(), accepted::toString);

        // verify: one face per image, so a spoof is an error, 422 "spoof"
        Http.Answer verify = http.post("/api/v1/verify?requireLive=true", new Http.Form()
                .file("image1", "live.jpg", "image/jpeg", live).file("image2", "photo.jpg", "image/jpeg", photo));
        assertEquals(422, verify.status(), verify::toString);
        assertEquals("spoof", verify.json().get("error").asText());
    }
}
