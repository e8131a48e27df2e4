package io.face4j.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.face4j.image.Images;
import io.face4j.testing.Datasets;
import io.javalin.http.HandlerType;
import io.javalin.router.ParsedEndpoint;

/**
 * Every route over real HTTP against a server on a free loopback port with a temporary gallery: happy paths and
 * error statuses, and after each test the server still answers. One inference slot and one queue place, so the
 * saturation test can fill them.
 */
class RestApiTest {
    @TempDir
    static Path tmp;

    static Face4jServer server;
    static Http http;

    @BeforeAll
    static void start() {
        server = Face4jServer.start(ServerOptions.defaults().withPort(0).withGallery(tmp.resolve("gallery.db"))
                .withApiKeyFile(tmp.resolve("no-keys")).withConcurrency(1, 1));
        http = new Http(server.url());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @AfterEach
    void stillServing() {
        Http.Answer health = http.get("/api/v1/health");
        assertEquals(200, health.status(), health::toString);
        assertEquals("ok", health.json().get("status").asText());
    }

    static byte[] bytes(String dataset) throws IOException {
        return Files.readAllBytes(Datasets.require(dataset));
    }

    static byte[] lady() throws IOException {
        return bytes("bench-frames-640x480/lady_640x480.png");
    }

    static void assertError(int status, String code, Http.Answer answer) {
        assertEquals(status, answer.status(), answer::toString);
        JsonNode body = answer.json();
        assertEquals(code, body.get("error").asText(), answer::toString);
        assertFalse(body.get("message").asText().isBlank());
    }

    @Test
    void detectsOneFaceWithLandmarksAndQuality() throws IOException {
        Http.Answer raw = http.post("/api/v1/detect", "image/png", lady());
        assertEquals(200, raw.status(), raw::toString);
        JsonNode faces = raw.json().get("faces");
        assertEquals(1, faces.size(), raw::toString);
        JsonNode face = faces.get(0);
        assertEquals(4, face.get("box").size());
        assertEquals(5, face.get("landmarks").size());
        assertTrue(face.get("score").asDouble() > 0.9);
        assertTrue(face.get("quality").get("eyeDistance").asDouble() > 20);
        assertEquals(0, face.get("quality").get("reasons").size(), face::toString);
        Http.Answer multipart = http.post("/api/v1/detect", new Http.Form().file("file", "lady.png", "image/png", lady()));
        assertEquals(raw.json(), multipart.json(), "multipart and raw bodies give the same answer");
    }

    @Test
    void embedsEveryFace() throws IOException {
        Http.Answer answer = http.post("/api/v1/embed", new Http.Form().file("image", "lady.png", "image/png", lady()));
        assertEquals(200, answer.status(), answer::toString);
        JsonNode embedding = answer.json().get("faces").get(0).get("embedding");
        double norm = 0;
        for (JsonNode v : embedding) {
            norm += v.asDouble() * v.asDouble();
        }
        assertTrue(embedding.size() >= 128, "dimension " + embedding.size());
        assertEquals(1, norm, 1e-3);
    }

    @Test
    void verifiesTwoPhotos() throws IOException {
        byte[] a = bytes("five-celebrity-faces/train/Madonna/1.jpg");
        Http.Answer same = http.post("/api/v1/verify", new Http.Form().file("image1", "a.jpg", "image/jpeg", a)
                .file("image2", "b.png", "image/png", mirrored(a)));
        assertEquals(200, same.status(), same::toString);
        assertTrue(same.json().get("same").asBoolean(), same::toString);
        Http.Answer different = http.post("/api/v1/verify", new Http.Form().file("image1", "a.jpg", "image/jpeg", a)
                .file("image2", "lady.png", "image/png", lady()));
        assertEquals(200, different.status(), different::toString);
        assertFalse(different.json().get("same").asBoolean(), different::toString);
        assertTrue(different.json().get("similarity").asDouble() < same.json().get("similarity").asDouble());
        assertError(422, "no_face", http.post("/api/v1/verify", new Http.Form().file("image1", "a.jpg", "image/jpeg", a)
                .file("image2", "grey.png", "image/png", grey())));
        assertError(400, "bad_request", http.post("/api/v1/verify", new Http.Form().file("image1", "a.jpg", "image/jpeg", a)));
    }

    @Test
    void refusesBadImages() throws IOException {
        assertError(400, "empty_body", http.post("/api/v1/detect", "image/jpeg", new byte[0]));
        assertError(415, "unsupported_media_type", http.post("/api/v1/recognize", "text/plain", "hello".getBytes(StandardCharsets.UTF_8)));
        assertError(415, "unsupported_media_type", http.post("/api/v1/detect",
                new Http.Form().file("file", "notes.txt", "application/octet-stream", "just some text\n".getBytes(StandardCharsets.UTF_8))));
        byte[] jpeg = jpeg(lady());
        assertError(400, "bad_image", http.post("/api/v1/detect", "image/jpeg", java.util.Arrays.copyOf(jpeg, jpeg.length / 2)));
        assertError(413, "image_too_large", http.post("/api/v1/detect", "image/png", pngHeaderOnly(20000, 20000)));
        assertError(413, "request_too_large", http.post("/api/v1/detect", "image/jpeg", new byte[11 * 1024 * 1024]));
        assertError(404, "not_found", http.get("/api/v1/no-such-route"));
    }

    @Test
    void subjectsLifecycle() throws IOException {
        Http.Answer created = http.postJson("/api/v1/subjects", "{\"name\": \"Lady\"}");
        assertEquals(201, created.status(), created::toString);
        String id = created.json().get("id").asText();
        assertError(409, "duplicate_name", http.postJson("/api/v1/subjects", "{\"name\": \"lady\"}"));
        assertError(400, "bad_request", http.postJson("/api/v1/subjects", "{\"name\": \"a/b\"}"));
        assertError(400, "bad_request", http.postJson("/api/v1/subjects", "not json"));

        Http.Answer enrolled = http.post("/api/v1/subjects/" + id + "/faces", new Http.Form()
                .file("file", "lady.png", "image/png", lady()).file("file", "grey.png", "image/png", grey()));
        assertEquals(201, enrolled.status(), enrolled::toString);
        JsonNode images = enrolled.json().get("images");
        assertEquals("enrolled", images.get(0).get("status").asText());
        assertEquals("rejected", images.get(1).get("status").asText());
        assertEquals("no face found", images.get(1).get("reason").asText());
        long faceId = images.get(0).get("faceId").asLong();

        assertError(422, "no_usable_face", http.post("/api/v1/subjects/" + id + "/faces", "image/png", grey()));
        Http.Answer thumb = http.get("/api/v1/subjects/" + id + "/faces/" + faceId + "/thumbnail");
        assertEquals(200, thumb.status(), thumb::toString);
        assertEquals(Thumbnails.SIDE, Images.read(thumb.body()).width());

        Http.Answer recognized = http.post("/api/v1/recognize", "image/png", lady());
        assertEquals("Lady", recognized.json().get("faces").get(0).get("name").asText(), recognized::toString);
        assertEquals(id, recognized.json().get("faces").get(0).get("subject").get("id").asText());
        // the same reason and quality field names as the CLI's recognize --json
        assertEquals("match", recognized.json().get("faces").get(0).get("reason").asText(), recognized::toString);
        assertTrue(recognized.json().get("faces").get(0).get("quality").get("score").asDouble() >= 0.5, recognized::toString);
        assertTrue(recognized.json().get("faces").get(0).get("quality").get("reasons").isArray(), recognized::toString);
        // the same person blurred past use (sigma 16 on the 640x480 frame): unknown for low quality, not a guess
        io.face4j.image.RgbImage blurred = io.face4j.image.Degradation.parse("blur:sigma=16")
                .apply(io.face4j.image.Images.read(lady()), 0);
        java.nio.file.Path file = Files.createTempFile("face4j-blurred", ".png");
        try {
            io.face4j.image.Images.write(blurred, file);
            Http.Answer unusable = http.post("/api/v1/recognize", "image/png", Files.readAllBytes(file));
            var face = unusable.json().get("faces").get(0);
            assertEquals("unknown", face.get("name").asText(), unusable::toString);
            assertEquals("low_quality", face.get("reason").asText(), unusable::toString);
            assertEquals("blurry", face.get("quality").get("reasons").get(0).asText(), unusable::toString);
        } finally {
            Files.deleteIfExists(file);
        }

        Http.Answer renamed = http.patchJson("/api/v1/subjects/" + id, "{\"name\": \"Ada\"}");
        assertEquals("Ada", renamed.json().get("name").asText(), renamed::toString);
        assertEquals(1, http.get("/api/v1/subjects/" + id).json().get("faces").size());
        assertTrue(http.get("/api/v1/subjects").json().get("subjects").toString().contains("Ada"));
        assertEquals(200, http.get("/api/v1/gallery/stats").status());

        assertError(404, "not_found", http.delete("/api/v1/subjects/" + id + "/faces/999999"));
        assertEquals(204, http.delete("/api/v1/subjects/" + id + "/faces/" + faceId).status());
        assertError(404, "not_found", http.get("/api/v1/subjects/" + id + "/faces/" + faceId + "/thumbnail"));
        assertEquals(204, http.delete("/api/v1/subjects/" + id).status());
        assertError(404, "not_found", http.get("/api/v1/subjects/" + id));
        assertError(404, "not_found", http.patchJson("/api/v1/subjects/" + id, "{\"name\": \"X\"}"));
        assertError(404, "not_found", http.post("/api/v1/subjects/" + id + "/faces", "image/png", lady()));
    }

    @Test
    void refusesAtOnceWhenSaturated() throws Exception {
        CountDownLatch started = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        List<Thread> holders = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            // one holds the only inference slot, the other the only queue place
            Thread t = new Thread(() -> server.limiter().run(() -> {
                started.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return null;
            }));
            holders.add(t);
            t.start();
        }
        started.await(1, java.util.concurrent.TimeUnit.SECONDS);
        while (server.limiter().inside() < 2) {
            Thread.sleep(5);
        }
        long t0 = System.nanoTime();
        assertError(429, "busy", http.post("/api/v1/detect", "image/png", lady()));
        assertTrue(System.nanoTime() - t0 < 2_000_000_000L, "429 comes at once");
        release.countDown();
        for (Thread t : holders) {
            t.join();
        }
        assertEquals(200, http.post("/api/v1/detect", "image/png", lady()).status());
    }

    @Test
    void calibratesWithTwoSubjectsOnly() throws IOException {
        assertError(422, "not_enough_subjects", http.post("/api/v1/calibrate", null, new byte[0]));
    }

    @Test
    void openApiDocumentListsExactlyTheRoutes() {
        JsonNode doc = http.get("/api/v1/openapi.json").json();
        Set<String> documented = new TreeSet<>();
        doc.get("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
            if (!method.equals("parameters")) {
                documented.add(method.toUpperCase() + " " + path.getKey());
            }
        }));
        Set<String> registered = new TreeSet<>();
        for (ParsedEndpoint e : server.app().unsafe.internalRouter.allHttpHandlers()) {
            HandlerType m = e.endpoint.method;
            if (m.isHttpMethod() && !m.equals(HandlerType.HEAD) && !m.equals(HandlerType.OPTIONS)) {
                registered.add(m.name() + " " + e.endpoint.path);
            }
        }
        server.app().unsafe.internalRouter.allWsHandlers().forEach(ws -> registered.add("GET " + ws.getPath()));
        assertEquals(registered, documented);
    }

    @Test
    void recognisesTheBigBangTheoryCastFromOneTightCropEach() throws IOException {
        Path images = Datasets.require("faceapi-bbt/examples/images");
        List<String> cast = List.of("amy", "bernadette", "howard", "leonard", "penny", "raj", "sheldon", "stuart");
        List<String> ids = new ArrayList<>();
        for (String name : cast) {
            String id = http.postJson("/api/v1/subjects", "{\"name\": \"bbt-" + name + "\"}").json().get("id").asText();
            ids.add(id);
            Http.Answer enrolled = http.post("/api/v1/subjects/" + id + "/faces", "image/png",
                    Files.readAllBytes(images.resolve(name + "/" + name + "1.png")));
            assertEquals(201, enrolled.status(), name + ": " + enrolled);
        }
        // who is in each scene, as checked by eye in the CLI's BbtRecognitionTest
        var expected = java.util.Map.of(
                "bbt3.jpg", Set.of("sheldon", "howard", "penny", "raj", "leonard"),
                "bbt4.jpg", Set.of("amy", "raj", "bernadette", "leonard", "penny", "sheldon"));
        int named = 0;
        int total = 0;
        for (var scene : expected.entrySet()) {
            Http.Answer answer = http.post("/api/v1/recognize", new Http.Form()
                    .file("file", scene.getKey(), "image/jpeg", Files.readAllBytes(images.resolve(scene.getKey()))));
            assertEquals(200, answer.status(), answer::toString);
            Set<String> names = new TreeSet<>();
            answer.json().get("faces").forEach(f -> names.add(f.get("name").asText().replace("bbt-", "")));
            names.remove("unknown");
            Set<String> wrong = new TreeSet<>(names);
            wrong.removeAll(scene.getValue());
            assertTrue(wrong.isEmpty(), scene.getKey() + ": wrongly named " + wrong + " in " + names);
            names.retainAll(scene.getValue());
            named += names.size();
            total += scene.getValue().size();
            System.out.println("recognize " + scene.getKey() + ": " + names);
        }
        assertTrue(named >= total * 3 / 4, named + "/" + total + " characters named");
        for (String id : ids) {
            assertEquals(204, http.delete("/api/v1/subjects/" + id).status());
        }
    }

    @Test
    void requiresKeysWhenAskedAndRefusesToListenBeyondLoopbackWithout() throws IOException {
        Path keys = tmp.resolve("keys");
        String recognize = Face4jServer.createKey(keys, "recognize");
        String admin = Face4jServer.createKey(keys, "admin");
        assertFalse(Files.readString(keys).contains(recognize), "keys are stored hashed");
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> Face4jServer.start(
                ServerOptions.defaults().withHost("0.0.0.0").withPort(0).withGallery(tmp.resolve("g2.db")).withApiKeyFile(tmp.resolve("none"))));
        assertTrue(refused.getMessage().contains("--create-key"), refused.getMessage());
        try (Face4jServer locked = Face4jServer.start(ServerOptions.defaults().withPort(0).withGallery(tmp.resolve("g3.db"))
                .withApiKeyFile(keys).withRequireKeys(true))) {
            Http anonymous = new Http(locked.url());
            assertError(401, "unauthorized", anonymous.post("/api/v1/detect", "image/png", lady()));
            assertError(401, "unauthorized", anonymous.withKey("f4j_wrong").post("/api/v1/detect", "image/png", lady()));
            assertEquals(200, anonymous.withKey(recognize).post("/api/v1/detect", "image/png", lady()).status());
            assertError(403, "forbidden", anonymous.withKey(recognize).postJson("/api/v1/subjects", "{\"name\": \"x\"}"));
            assertEquals(201, anonymous.withKey(admin).postJson("/api/v1/subjects", "{\"name\": \"x\"}").status());
            assertEquals(200, anonymous.get("/api/v1/health").status(), "health needs no key");
            assertEquals(200, anonymous.get("/").status(), "the page needs no key");
        }
    }

    /** A PNG whose header announces width x height, with no image data: the reader must refuse it from the header. */
    static byte[] pngHeaderOnly(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(out, "IHDR", ihdr.array());
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    static byte[] grey() throws IOException {
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(320, 240, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = img.createGraphics();
        g.setColor(java.awt.Color.GRAY);
        g.fillRect(0, 0, 320, 240);
        g.dispose();
        return encode(img, "png");
    }

    static byte[] jpeg(byte[] image) throws IOException {
        return encode(Images.read(image).toBufferedImage(), "jpg");
    }

    static byte[] mirrored(byte[] image) throws IOException {
        java.awt.image.BufferedImage src = Images.read(image).toBufferedImage();
        java.awt.image.BufferedImage dst = new java.awt.image.BufferedImage(src.getWidth(), src.getHeight(), java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = dst.createGraphics();
        g.drawImage(src, src.getWidth(), 0, -src.getWidth(), src.getHeight(), null);
        g.dispose();
        return encode(dst, "png");
    }

    private static byte[] encode(java.awt.image.BufferedImage img, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, format, out);
        return out.toByteArray();
    }
}
