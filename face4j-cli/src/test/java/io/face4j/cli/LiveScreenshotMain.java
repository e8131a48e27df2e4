package io.face4j.cli;

import java.awt.Color;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Toolkit;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.PrintWriter;
import java.util.Arrays;

import javax.imageio.ImageIO;

import io.face4j.video.render.FrameAnnotator;

/**
 * Child process of {@link LiveViewScreenshotTest}: runs {@code face4j live ...} on the X display it was given and,
 * while the window plays, screenshots the screen with java.awt.Robot until a drawn box colour appears (or the command
 * ends); writes the last screenshot to args[0]. Exit code: the live command's.
 */
public final class LiveScreenshotMain {
    public static void main(String[] args) throws Exception {
        File out = new File(args[0]);
        String[] live = Arrays.copyOfRange(args, 1, args.length);
        if (GraphicsEnvironment.isHeadless()) {
            System.err.println("headless JVM");
            System.exit(90);
        }
        int[] code = {-1};
        Thread command = new Thread(() -> code[0] = Face4jCli.run(live, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
        command.start();
        Robot robot = new Robot();
        Rectangle screen = new Rectangle(Toolkit.getDefaultToolkit().getScreenSize());
        BufferedImage shot = null;
        while (command.isAlive()) {
            Thread.sleep(250);
            shot = robot.createScreenCapture(screen);
            if (count(shot, FrameAnnotator.PENDING) + count(shot, FrameAnnotator.KNOWN) + count(shot, FrameAnnotator.UNKNOWN) > 200) {
                // let one more frame paint, then keep this view
                break;
            }
        }
        if (shot != null) {
            ImageIO.write(shot, "png", out);
        }
        command.join();
        System.exit(code[0]);
    }

    static int count(BufferedImage image, Color colour) {
        int n = 0;
        int target = colour.getRGB() & 0xffffff;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xffffff) == target) {
                    n++;
                }
            }
        }
        return n;
    }
}
