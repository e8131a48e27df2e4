package io.face4j.video.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.List;
import java.util.Locale;

import io.face4j.geometry.Box;
import io.face4j.image.RgbImage;
import io.face4j.liveness.temporal.LivenessState;
import io.face4j.liveness.temporal.TemporalResult;
import io.face4j.video.TrackView;
import io.face4j.video.track.Label;

/**
 * Draws boxes and labels (the recipe's cv2.rectangle / cv2.putText view) onto a BGR copy of a frame: green for a
 * known name, red for unknown, amber while a track is still being recognised; with liveness, a badge under the box
 * (green LIVE, red SPOOF, grey "checking"). Stroke and font grow with the image.
 * Stateless and thread-safe.
 */
public final class FrameAnnotator {
    public static final Color KNOWN = new Color(40, 200, 90);
    public static final Color UNKNOWN = new Color(230, 60, 50);
    public static final Color PENDING = new Color(255, 190, 0);
    /** Liveness still undecided. */
    public static final Color CHECKING = new Color(120, 120, 120);

    /** A TYPE_3BYTE_BGR image of the frame with every track drawn. */
    public BufferedImage draw(RgbImage frame, List<TrackView> tracks) {
        BufferedImage canvas = toBgrImage(frame);
        Graphics2D g = canvas.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            // 2 px on a 640 px frame, growing with the longer side
            float stroke = Math.max(2f, Math.max(frame.width(), frame.height()) / 320f);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.round(stroke * 6)));
            for (TrackView t : tracks) {
                drawTrack(g, t, stroke, frame.height());
            }
        } finally {
            g.dispose();
        }
        return canvas;
    }

    /** The colour a track is drawn in. */
    public static Color colour(Label label) {
        if (label == null) {
            return PENDING;
        }
        return label.known() ? KNOWN : UNKNOWN;
    }

    /** "#3 Anna 0.71", "#3 UNKNOWN 0.22", "#3 UNKNOWN (too dark)" (no similarity: no usable face), or "#3" before a decision. */
    public static String text(TrackView t) {
        if (t.label() == null) {
            return "#" + t.id();
        }
        if (Double.isNaN(t.label().similarity())) {
            return String.format(Locale.ROOT, "#%d %s", t.id(), t.label().text());
        }
        return String.format(Locale.ROOT, "#%d %s %.2f", t.id(), t.label().text(), t.label().similarity());
    }

    private static void drawTrack(Graphics2D g, TrackView t, float stroke, int frameHeight) {
        Box b = t.box();
        Color colour = colour(t.label());
        g.setColor(colour);
        g.setStroke(new BasicStroke(stroke));
        int x = (int) Math.round(b.x1());
        int y = (int) Math.round(b.y1());
        g.drawRect(x, y, (int) Math.round(b.width()), (int) Math.round(b.height()));
        String label = text(t);
        FontMetrics m = g.getFontMetrics();
        int w = m.stringWidth(label) + 2 * Math.round(stroke);
        int h = m.getHeight();
        // label above the box, or inside its top when the box touches the frame's top edge
        int top = y - h >= 0 ? y - h : Math.max(0, y);
        g.fillRect(x, top, w, h);
        g.setColor(Color.WHITE);
        g.drawString(label, x + Math.round(stroke), top + m.getAscent());
        if (t.liveness() != null) {
            drawBadge(g, t.liveness(), x, (int) Math.round(b.y2()), stroke, frameHeight);
        }
    }

    /** "live", "spoof" or "checking" for a track's liveness; null when liveness is not checked. */
    public static String badge(TrackView t) {
        if (t.liveness() == null) {
            return null;
        }
        return switch (t.liveness().state()) {
            case LIVE -> "live";
            case SPOOF -> "spoof";
            case UNDECIDED -> "checking";
        };
    }

    /** Green for live, red for spoof, grey while checking. */
    public static Color badgeColour(LivenessState state) {
        return switch (state) {
            case LIVE -> KNOWN;
            case SPOOF -> UNKNOWN;
            case UNDECIDED -> CHECKING;
        };
    }

    /** The liveness badge under the box's bottom-left corner (inside it when the box touches the frame's bottom). */
    private static void drawBadge(Graphics2D g, TemporalResult liveness, int x, int bottom, float stroke, int frameHeight) {
        String text = switch (liveness.state()) {
            case LIVE -> "LIVE";
            case SPOOF -> "SPOOF";
            case UNDECIDED -> "checking";
        };
        FontMetrics m = g.getFontMetrics();
        int w = m.stringWidth(text) + 2 * Math.round(stroke);
        int h = m.getHeight();
        int top = bottom + h <= frameHeight ? bottom : bottom - h;
        g.setColor(badgeColour(liveness.state()));
        g.fillRect(x, top, w, h);
        g.setColor(Color.WHITE);
        g.drawString(text, x + Math.round(stroke), top + m.getAscent());
    }

    /** A TYPE_3BYTE_BGR copy, the layout FFmpeg's BGR24 frames and Swing both take without conversion. */
    public static BufferedImage toBgrImage(RgbImage frame) {
        return frame.toBufferedImage();
    }

    /** The BGR bytes backing a TYPE_3BYTE_BGR image (no copy). */
    static byte[] bgrBytes(BufferedImage image) {
        if (image.getType() != BufferedImage.TYPE_3BYTE_BGR) {
            throw new IllegalArgumentException("image must be TYPE_3BYTE_BGR, got type " + image.getType());
        }
        return ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
    }
}
