package io.face4j.video.view;

import java.awt.Dimension;
import java.awt.Graphics;
import java.awt.event.KeyEvent;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.awt.image.BufferedImage;
import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import javax.swing.JComponent;
import javax.swing.JFrame;
import javax.swing.JPanel;
import javax.swing.KeyStroke;
import javax.swing.SwingUtilities;
import javax.swing.WindowConstants;

/**
 * A Swing window that shows the newest frame (the recipe's cv2.imshow): {@link #show} may be called from any thread
 * and never blocks on painting; frames shown faster than Swing paints are skipped. Esc or closing the window sets
 * {@link #isClosed()}. Thread-safe.
 */
public final class LiveWindow implements AutoCloseable {
    private final AtomicReference<BufferedImage> latest = new AtomicReference<>();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final JFrame frame;
    private final JPanel panel;

    private LiveWindow(String title, int width, int height) {
        panel = new JPanel() {
            @Override
            protected void paintComponent(Graphics g) {
                super.paintComponent(g);
                BufferedImage image = latest.get();
                if (image != null) {
                    // scaled to the panel, keeping the aspect ratio
                    double s = Math.min((double) getWidth() / image.getWidth(), (double) getHeight() / image.getHeight());
                    int w = (int) Math.round(image.getWidth() * s);
                    int h = (int) Math.round(image.getHeight() * s);
                    g.drawImage(image, (getWidth() - w) / 2, (getHeight() - h) / 2, w, h, null);
                }
            }
        };
        panel.setPreferredSize(new Dimension(width, height));
        panel.setBackground(java.awt.Color.BLACK);
        frame = new JFrame(title);
        frame.setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);
        frame.addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosed(WindowEvent e) {
                closed.countDown();
            }

            @Override
            public void windowClosing(WindowEvent e) {
                closed.countDown();
            }
        });
        panel.getInputMap(JComponent.WHEN_IN_FOCUSED_WINDOW).put(KeyStroke.getKeyStroke(KeyEvent.VK_ESCAPE, 0), "quit");
        panel.getActionMap().put("quit", new javax.swing.AbstractAction() {
            @Override
            public void actionPerformed(java.awt.event.ActionEvent e) {
                frame.dispose();
            }
        });
        frame.setContentPane(panel);
        frame.pack();
        frame.setLocationRelativeTo(null);
        frame.setVisible(true);
    }

    /** Opens the window at the frame size (capped to the screen by the window manager). Needs a display. */
    public static LiveWindow open(String title, int width, int height) {
        AtomicReference<LiveWindow> window = new AtomicReference<>();
        try {
            SwingUtilities.invokeAndWait(() -> window.set(new LiveWindow(title, width, height)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while opening the window", e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("cannot open the window: " + e.getCause(), e.getCause());
        }
        return window.get();
    }

    public void show(BufferedImage image) {
        latest.set(image);
        panel.repaint();
    }

    public boolean isClosed() {
        return closed.getCount() == 0;
    }

    /** The window's content area on screen, for screenshots. */
    public java.awt.Rectangle contentBounds() {
        AtomicReference<java.awt.Rectangle> r = new AtomicReference<>();
        try {
            SwingUtilities.invokeAndWait(() -> r.set(new java.awt.Rectangle(panel.getLocationOnScreen(), panel.getSize())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(e.getCause());
        }
        return r.get();
    }

    @Override
    public void close() {
        SwingUtilities.invokeLater(frame::dispose);
        closed.countDown();
    }
}
