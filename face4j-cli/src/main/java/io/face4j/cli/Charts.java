package io.face4j.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

import javax.imageio.ImageIO;

/** Two small Java2D charts for evaluation reports: a ROC curve and overlaid score histograms. Stateless. */
final class Charts {
    static final Color GENUINE = new Color(40, 150, 80);
    static final Color IMPOSTOR = new Color(210, 60, 50);
    private static final int W = 640;
    private static final int H = 480;
    // plot area inside the image: room for tick labels and axis titles on the left and bottom
    private static final int LEFT = 70;
    private static final int RIGHT = 20;
    private static final int TOP = 40;
    private static final int BOTTOM = 60;

    private Charts() {
    }

    /** ROC: true accept rate against false accept rate, both 0..1, with the chance diagonal. */
    static void roc(double[] far, double[] tar, String title, Path file) {
        roc(far, tar, title, "false accept rate (FAR)", "true accept rate (TAR)", file);
    }

    /** As {@link #roc(double[], double[], String, Path)} with other axis titles (e.g. APCER and 1 - BPCER). */
    static void roc(double[] far, double[] tar, String title, String xLabel, String yLabel, Path file) {
        Canvas c = new Canvas(title, xLabel, yLabel, 0, 1, 0, 1);
        c.g.setColor(Color.LIGHT_GRAY);
        c.g.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        c.g.drawLine(c.x(0), c.y(0), c.x(1), c.y(1));
        Path2D line = new Path2D.Double();
        line.moveTo(c.x(0), c.y(0));
        for (int i = 0; i < far.length; i++) {
            line.lineTo(c.x(far[i]), c.y(tar[i]));
        }
        c.g.setColor(new Color(30, 90, 200));
        c.g.setStroke(new BasicStroke(2.5f));
        c.g.draw(line);
        c.legend(new String[] {"ROC", "chance"}, new Color[] {new Color(30, 90, 200), Color.LIGHT_GRAY});
        c.write(file);
    }

    /** Histograms of genuine and impostor similarities over [-1, 1] (or the scores' range), as fractions of each. */
    static void histograms(double[] genuine, double[] impostor, double threshold, String title, Path file) {
        int bins = 40;
        double lo = -0.5;
        double hi = 1.0;
        double[] g = fractions(genuine, bins, lo, hi);
        double[] i = fractions(impostor, bins, lo, hi);
        double max = 0;
        for (int b = 0; b < bins; b++) {
            max = Math.max(max, Math.max(g[b], i[b]));
        }
        max = Math.ceil(max * 20) / 20 + 0.05;
        Canvas c = new Canvas(title, "cosine similarity", "fraction of pairs", lo, hi, 0, max);
        double width = (hi - lo) / bins;
        for (int b = 0; b < bins; b++) {
            double x0 = lo + b * width;
            c.bar(x0, x0 + width, i[b], new Color(IMPOSTOR.getRed(), IMPOSTOR.getGreen(), IMPOSTOR.getBlue(), 140));
            c.bar(x0, x0 + width, g[b], new Color(GENUINE.getRed(), GENUINE.getGreen(), GENUINE.getBlue(), 140));
        }
        if (Double.isFinite(threshold)) {
            c.g.setColor(Color.DARK_GRAY);
            c.g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {5f, 4f}, 0f));
            c.g.drawLine(c.x(threshold), c.y(0), c.x(threshold), c.y(max));
        }
        c.legend(new String[] {"same person (" + genuine.length + ")", "different people (" + impostor.length + ")",
                        String.format(Locale.ROOT, "threshold %.3f", threshold)},
                new Color[] {GENUINE, IMPOSTOR, Color.DARK_GRAY});
        c.write(file);
    }

    private static double[] fractions(double[] scores, int bins, double lo, double hi) {
        double[] out = new double[bins];
        for (double s : scores) {
            int b = (int) Math.floor((s - lo) / (hi - lo) * bins);
            out[Math.max(0, Math.min(bins - 1, b))] += 1.0 / scores.length;
        }
        return out;
    }

    /** A white image with axes, ticks, axis titles and a chart title; maps data to pixels. */
    private static final class Canvas {
        final BufferedImage image = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        final Graphics2D g = image.createGraphics();
        final double x0;
        final double x1;
        final double y0;
        final double y1;

        Canvas(String title, String xLabel, String yLabel, double x0, double x1, double y0, double y1) {
            this.x0 = x0;
            this.x1 = x1;
            this.y0 = y0;
            this.y1 = y1;
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, W, H);
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
            centred(title, W / 2, 25);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            g.setStroke(new BasicStroke(1f));
            g.drawRect(LEFT, TOP, W - LEFT - RIGHT, H - TOP - BOTTOM);
            for (int t = 0; t <= 5; t++) {
                double xv = x0 + (x1 - x0) * t / 5;
                double yv = y0 + (y1 - y0) * t / 5;
                g.drawLine(x(xv), y(y0), x(xv), y(y0) + 5);
                centred(String.format(Locale.ROOT, "%.2f", xv), x(xv), y(y0) + 20);
                g.drawLine(LEFT - 5, y(yv), LEFT, y(yv));
                String label = String.format(Locale.ROOT, "%.2f", yv);
                g.drawString(label, LEFT - 8 - g.getFontMetrics().stringWidth(label), y(yv) + 4);
            }
            centred(xLabel, LEFT + (W - LEFT - RIGHT) / 2, H - 15);
            AffineTransform saved = g.getTransform();
            g.rotate(-Math.PI / 2);
            centred(yLabel, -(TOP + (H - TOP - BOTTOM) / 2), 20);
            g.setTransform(saved);
        }

        int x(double v) {
            return (int) Math.round(LEFT + (v - x0) / (x1 - x0) * (W - LEFT - RIGHT));
        }

        int y(double v) {
            return (int) Math.round(H - BOTTOM - (v - y0) / (y1 - y0) * (H - TOP - BOTTOM));
        }

        void bar(double from, double to, double height, Color color) {
            if (height <= 0) {
                return;
            }
            g.setColor(color);
            g.fillRect(x(from), y(height), Math.max(1, x(to) - x(from) - 1), y(0) - y(height));
        }

        void centred(String text, int cx, int baseline) {
            FontMetrics m = g.getFontMetrics();
            g.drawString(text, cx - m.stringWidth(text) / 2, baseline);
        }

        /** A boxed legend in the plot's lower right corner. */
        void legend(String[] labels, Color[] colors) {
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            FontMetrics m = g.getFontMetrics();
            int width = 0;
            for (String l : labels) {
                width = Math.max(width, m.stringWidth(l));
            }
            int boxW = width + 40;
            int boxH = labels.length * 18 + 10;
            int left = W - RIGHT - boxW - 10;
            int top = TOP + 10;
            g.setColor(new Color(255, 255, 255, 230));
            g.fillRect(left, top, boxW, boxH);
            g.setColor(Color.GRAY);
            g.setStroke(new BasicStroke(1f));
            g.drawRect(left, top, boxW, boxH);
            for (int i = 0; i < labels.length; i++) {
                int y = top + 18 + i * 18;
                g.setColor(colors[i]);
                g.fillRect(left + 8, y - 10, 18, 10);
                g.setColor(Color.BLACK);
                g.drawString(labels[i], left + 32, y);
            }
        }

        void write(Path file) {
            g.dispose();
            try {
                if (!ImageIO.write(image, "png", file.toFile())) {
                    throw new IllegalStateException("no PNG writer");
                }
            } catch (IOException e) {
                throw new InputException("cannot write " + file + ": " + e.getMessage(), e);
            }
        }
    }
}
