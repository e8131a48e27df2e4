package io.face4j.server;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.face4j.image.RgbImage;
import io.face4j.testing.Datasets;
import io.face4j.video.source.FrameSource;
import io.face4j.video.source.FrameSources;
import io.face4j.video.source.SourceOptions;
import io.face4j.video.source.SourceSpec;
import io.face4j.video.source.VideoFrame;

/**
 * The page end to end in headless Chromium with a fake camera playing a clip of Lin-Manuel Miranda: enrol him on the
 * Enrol page, then the Live page must label his face with his name and badge it live (temporal liveness).
 * Screenshots in target/browser/. Skipped when chromium or chromedriver is missing.
 */
class BrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final String NAME = "Lin-Manuel Miranda";

    @TempDir
    Path tmp;

    @Test
    void enrolsFromTheCameraThenNamesTheFaceLive() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "chromium and chromedriver (Debian packages chromium, chromium-driver) not installed; skipping");
        Path clip = Datasets.require("videos/face_recognition/short_hamilton_clip.mp4");
        // frames 90-200: he faces the camera
        Path y4m = writeY4m(clip, 90, 200, tmp.resolve("camera.y4m"));
        Path artifacts = Files.createDirectories(Path.of("target/browser"));
        try (Face4jServer server = Face4jServer.start(ServerOptions.defaults().withPort(0)
                .withGallery(tmp.resolve("gallery.db")).withApiKeyFile(tmp.resolve("no-keys")))) {
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,900",
                    "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
                    "--use-file-for-fake-video-capture=" + y4m, "--disable-background-networking",
                    "--disable-component-update", "--no-first-run", "--disable-sync");
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
            ChromeDriver driver = new ChromeDriver(service, options);
            try {
                WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
                driver.get(server.url() + "#enrol");
                driver.findElement(By.id("enrol-name")).sendKeys(NAME);
                driver.findElement(By.id("enrol-start")).click();
                driver.findElement(By.id("enrol-capture")).click();
                wait.until(ExpectedConditions.textMatches(By.id("enrol-status"), java.util.regex.Pattern.compile("^(Enrolled|Nothing|Failed)")));
                String enrolled = driver.findElement(By.id("enrol-status")).getText();
                Files.write(artifacts.resolve("enrol.png"), driver.getScreenshotAs(OutputType.BYTES));
                assertTrue(enrolled.startsWith("Enrolled"), enrolled + " / " + driver.findElement(By.id("enrol-results")).getText());

                driver.findElement(By.id("tab-live")).click();
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#live-overlay .face-label"), NAME));
                Files.write(artifacts.resolve("live.png"), driver.getScreenshotAs(OutputType.BYTES));
                String fps = driver.findElement(By.id("live-fps")).getText();
                System.out.println("browser: enrol said '" + enrolled + "'; live label '"
                        + driver.findElement(By.cssSelector("#live-overlay .face-label")).getText() + "', fps " + fps
                        + ", latency " + driver.findElement(By.id("live-latency")).getText() + " ms");
                // temporal liveness: his turning head must earn the live badge, and never a spoof one on the way
                long start = System.nanoTime();
                java.util.Set<String> seen = new java.util.LinkedHashSet<>();
                String badge = "";
                while (!badge.equals("live") && System.nanoTime() - start < 60_000_000_000L) {
                    // read in one script: the overlay is rebuilt on every answer, so elements go stale between calls
                    String[] read = String.valueOf(driver.executeScript("const b = document.querySelector('#live-overlay .live-badge');"
                            + " return b ? b.textContent + '|' + b.title : '';")).split("\\|", 2);
                    badge = read[0].toLowerCase(java.util.Locale.ROOT);
                    if (!badge.isEmpty()) {
                        seen.add(badge + (badge.equals("live") || read.length < 2 ? "" : " (" + read[1] + ")"));
                    }
                    Thread.sleep(200);
                }
                Files.write(artifacts.resolve("live-badge.png"), driver.getScreenshotAs(OutputType.BYTES));
                System.out.printf("browser: live badge after %.1f s, badges seen %s%n", (System.nanoTime() - start) / 1e9, seen);
                assertTrue(badge.equals("live"), "no live badge within 60 s; seen " + seen);
                assertTrue(seen.stream().noneMatch(b -> b.startsWith("spoof")), "a real face was badged spoof: " + seen);
            } finally {
                driver.quit();
            }
        }
    }

    /** Frames [from, to] of a video as an uncompressed Y4M (4:2:0, 640x360, 25 fps) for Chromium's fake camera. */
    static Path writeY4m(Path video, int from, int to, Path out) throws IOException {
        int w = 640;
        int h = 360;
        try (FrameSource source = FrameSources.open(new SourceSpec.File(video), SourceOptions.defaults().withSize(w, h));
             OutputStream os = new BufferedOutputStream(Files.newOutputStream(out))) {
            os.write(("YUV4MPEG2 W" + w + " H" + h + " F25:1 Ip A1:1 C420jpeg\n").getBytes(StandardCharsets.US_ASCII));
            Optional<VideoFrame> frame;
            int index = 0;
            while ((frame = source.next()).isPresent() && index <= to) {
                if (index++ >= from) {
                    os.write("FRAME\n".getBytes(StandardCharsets.US_ASCII));
                    os.write(yuv420(frame.get().image(), w, h));
                }
            }
        }
        return out;
    }

    /** BT.601 full-range (JPEG) Y, then U and V subsampled 2x2 by averaging. */
    static byte[] yuv420(RgbImage image, int w, int h) {
        byte[] out = new byte[w * h * 3 / 2];
        double[] u = new double[(w / 2) * (h / 2)];
        double[] v = new double[u.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int r = image.get(Math.min(x, image.width() - 1), Math.min(y, image.height() - 1), 0);
                int g = image.get(Math.min(x, image.width() - 1), Math.min(y, image.height() - 1), 1);
                int b = image.get(Math.min(x, image.width() - 1), Math.min(y, image.height() - 1), 2);
                out[y * w + x] = (byte) clamp(0.299 * r + 0.587 * g + 0.114 * b);
                int c = (y / 2) * (w / 2) + x / 2;
                u[c] += (-0.168736 * r - 0.331264 * g + 0.5 * b + 128) / 4;
                v[c] += (0.5 * r - 0.418688 * g - 0.081312 * b + 128) / 4;
            }
        }
        for (int i = 0; i < u.length; i++) {
            out[w * h + i] = (byte) clamp(u[i]);
            out[w * h + u.length + i] = (byte) clamp(v[i]);
        }
        return out;
    }

    private static int clamp(double value) {
        return (int) Math.max(0, Math.min(255, Math.round(value)));
    }
}
