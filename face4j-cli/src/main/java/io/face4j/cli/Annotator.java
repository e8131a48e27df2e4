package io.face4j.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

import io.face4j.geometry.Box;
import io.face4j.geometry.Landmarks;
import io.face4j.geometry.Point;

/**
 * Draws face boxes, landmarks and labels onto a copy of an image (the recipe's cv2.rectangle / cv2.putText view).
 * Stroke and font scale with the image so labels stay readable on large photos. Not thread-safe: one per image.
 */
final class Annotator {
    static final Color KNOWN = new Color(40, 200, 90);
    static final Color UNKNOWN = new Color(230, 60, 50);
    static final Color LANDMARK = new Color(255, 210, 0);

    private final BufferedImage canvas;
    private final Graphics2D graphics;
    private final float stroke;

    Annotator(BufferedImage source) {
        canvas = new BufferedImage(source.getWidth(), source.getHeight(), BufferedImage.TYPE_INT_RGB);
        graphics = canvas.createGraphics();
        graphics.drawImage(source, 0, 0, null);
        graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        // 2 px on a 640 px image, growing with the longer side
        stroke = Math.max(2f, Math.max(source.getWidth(), source.getHeight()) / 320f);
        graphics.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.round(stroke * 7)));
    }

    void box(Box box, Color color, String label) {
        graphics.setColor(color);
        graphics.setStroke(new BasicStroke(stroke));
        int x = (int) Math.round(box.x1());
        int y = (int) Math.round(box.y1());
        int w = (int) Math.round(box.width());
        int h = (int) Math.round(box.height());
        graphics.drawRect(x, y, w, h);
        if (label != null && !label.isEmpty()) {
            FontMetrics metrics = graphics.getFontMetrics();
            int textWidth = metrics.stringWidth(label) + 2 * Math.round(stroke);
            int textHeight = metrics.getHeight();
            // Label above the box, or inside its top when the box touches the image's top edge.
            int top = y - textHeight >= 0 ? y - textHeight : y;
            graphics.fillRect(x, top, textWidth, textHeight);
            graphics.setColor(Color.WHITE);
            graphics.drawString(label, x + Math.round(stroke), top + metrics.getAscent());
        }
    }

    void landmarks(Landmarks landmarks) {
        graphics.setColor(LANDMARK);
        int r = Math.max(2, Math.round(stroke * 1.2f));
        for (Point p : landmarks.points()) {
            graphics.fillOval((int) Math.round(p.x()) - r, (int) Math.round(p.y()) - r, 2 * r, 2 * r);
        }
    }

    BufferedImage finish() {
        graphics.dispose();
        return canvas;
    }
}
