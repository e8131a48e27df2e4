package io.face4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.face4j.AnalyzerOptions;
import io.face4j.Face;
import io.face4j.FaceAnalyzer;
import io.face4j.geometry.Box;
import io.face4j.image.RgbImage;
import io.face4j.testing.Datasets;
import io.face4j.video.render.FrameAnnotator;

/**
 * {@code face4j live --video ... --detect-only} in a real window on an X server: starts its own Xvfb (Debian package
 * xvfb) so {@code mvn verify} needs no wrapper, runs the command in a child JVM with DISPLAY set, and checks the
 * screenshot: a picture (not a black window) with a box drawn around a face the detector finds in the screenshot itself.
 */
class LiveViewScreenshotTest {

    @Test
    void liveWindowShowsTheAnnotatedFrame(@TempDir Path dir) throws Exception {
        Path clip = Datasets.require("videos/face_recognition/short_hamilton_clip.mp4");
        Process xvfb = null;
        String display = System.getenv("DISPLAY");
        Path xvfbBinary = Path.of("/usr/bin/Xvfb");
        if (Files.isExecutable(xvfbBinary)) {
            int number = freeDisplay();
            display = ":" + number;
            xvfb = new ProcessBuilder(xvfbBinary.toString(), display, "-screen", "0", "1024x768x24", "-nolisten", "tcp")
                    .redirectErrorStream(true).redirectOutput(dir.resolve("xvfb.log").toFile()).start();
            waitForSocket(number, xvfb);
        }
        Assumptions.assumeTrue(display != null && !display.isBlank(),
                "no X server: install Xvfb (Debian package xvfb) or set DISPLAY; skipping the live-view screenshot test");
        try {
            Path shot = dir.resolve("screen.png");
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Djava.awt.headless=false",
                    "-cp", System.getProperty("java.class.path"), LiveScreenshotMain.class.getName(), shot.toString(),
                    "live", "--video", clip.toString(), "--detect-only", "--exit-after", "20", "--threads", "1"));
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("live.log").toFile());
            pb.environment().put("DISPLAY", display);
            Process child = pb.start();
            assertTrue(child.waitFor(90, TimeUnit.SECONDS), "live did not quit after --exit-after");
            String log = Files.readString(dir.resolve("live.log"));
            System.out.println(log);
            assertEquals(0, child.exitValue(), log);
            assertTrue(Files.exists(shot), "no screenshot taken: " + log);
            checkScreenshot(ImageIO.read(shot.toFile()));
        } finally {
            if (xvfb != null) {
                xvfb.destroy();
                xvfb.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private static void checkScreenshot(BufferedImage screen) {
        int bright = 0;
        for (int y = 0; y < screen.getHeight(); y += 4) {
            for (int x = 0; x < screen.getWidth(); x += 4) {
                int rgb = screen.getRGB(x, y);
                if (((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff) > 60) {
                    bright++;
                }
            }
        }
        int samples = (screen.getHeight() / 4) * (screen.getWidth() / 4);
        // The 640x360 video fills about 30% of the 1024x768 screen and Xvfb's background is black, so an unpainted
        // window lights almost nothing. The clip is a dark stage (frames light 8-15% of the screen's samples), so the bar
        // is 2.5%: this only tells "a picture" from "black"; the face-and-box check below is the real one.
        assertTrue(bright > samples / 40, "the screen is mostly black: " + bright + " of " + samples + " samples lit");

        try (FaceAnalyzer analyzer = FaceAnalyzer.create(AnalyzerOptions.defaults().withoutEmbedder().withThreads(1))) {
            List<Face> faces = analyzer.detect(RgbImage.fromBufferedImage(screen));
            assertTrue(!faces.isEmpty(), "no face visible in the screenshot");
            int target = FrameAnnotator.PENDING.getRGB() & 0xffffff;
            boolean boxed = false;
            for (Face face : faces) {
                // the drawn box lies near the face the detector finds again in the screenshot
                Box ring = face.box().expand(face.box().width() * 0.5, face.box().height() * 0.5);
                int hits = 0;
                for (int y = (int) Math.max(0, ring.y1()); y < Math.min(screen.getHeight(), ring.y2()); y++) {
                    for (int x = (int) Math.max(0, ring.x1()); x < Math.min(screen.getWidth(), ring.x2()); x++) {
                        if ((screen.getRGB(x, y) & 0xffffff) == target) {
                            hits++;
                        }
                    }
                }
                System.out.printf("face %s: %d box-colour pixels around it%n", face.box(), hits);
                boxed |= hits > 40;
            }
            assertTrue(boxed, "no box drawn around any of the faces " + faces);
        }
    }

    private static int freeDisplay() {
        for (int n = 99; n < 140; n++) {
            if (!new File("/tmp/.X11-unix/X" + n).exists() && !new File("/tmp/.X" + n + "-lock").exists()) {
                return n;
            }
        }
        throw new IllegalStateException("no free X display number in 99..139");
    }

    private static void waitForSocket(int number, Process xvfb) throws InterruptedException {
        File socket = new File("/tmp/.X11-unix/X" + number);
        for (int i = 0; i < 100 && !socket.exists(); i++) {
            if (!xvfb.isAlive()) {
                throw new IllegalStateException("Xvfb :" + number + " exited with " + xvfb.exitValue());
            }
            Thread.sleep(100);
        }
    }
}
