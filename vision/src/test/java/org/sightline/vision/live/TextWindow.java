package org.sightline.vision.live;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.Toolkit;
import java.util.ArrayList;
import java.util.List;
import javax.swing.JFrame;
import javax.swing.JPanel;
import javax.swing.SwingUtilities;
import org.sightline.vision.capture.Captures;
import org.sightline.vision.capture.WindowHandle;
import org.sightline.vision.testing.TestFonts;

/**
 * A real window on the test's X server that shows lines of text the test changes on its own schedule:
 * subtitles, a log that appends, a counter. Each change is painted before {@link #show} returns, so the test
 * knows when the new text reached the screen.
 */
public final class TextWindow implements AutoCloseable {

    private final JFrame frame;
    private final Rectangle bounds;
    private volatile List<String> lines = List.of();

    private TextWindow(JFrame frame, Rectangle bounds) {
        this.frame = frame;
        this.bounds = bounds;
    }

    /** Opens the window with nothing in it, lines drawn in {@code font} (a kept one), {@code ink} on {@code paper}. */
    public static TextWindow open(String title, Rectangle bounds, Font font, Color ink, Color paper)
            throws Exception {
        TestFonts.requireKept(font);
        TextWindow[] holder = new TextWindow[1];
        SwingUtilities.invokeAndWait(() -> {
            JFrame f = new JFrame(title);
            f.setUndecorated(true);
            TextWindow w = new TextWindow(f, new Rectangle(bounds));
            f.setContentPane(new JPanel() {
                @Override
                protected void paintComponent(Graphics g) {
                    Graphics2D g2 = (Graphics2D) g;
                    g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING,
                            RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
                    g2.setColor(paper);
                    g2.fillRect(0, 0, getWidth(), getHeight());
                    g2.setColor(ink);
                    g2.setFont(font);
                    int step = Math.round(font.getSize2D() * 1.7f);
                    List<String> shown = w.lines;
                    for (int i = 0; i < shown.size(); i++) {
                        g2.drawString(shown.get(i), 16, 12 + step * (i + 1) - step / 4);
                    }
                }
            });
            f.setBounds(bounds);
            f.setVisible(true);
            f.toFront();
            f.requestFocus();
            holder[0] = w;
        });
        holder[0].show(List.of());
        Thread.sleep(300);
        return holder[0];
    }

    /** Shows {@code newLines} and returns once they are painted, with {@link System#nanoTime()} of that moment. */
    public long show(List<String> newLines) throws Exception {
        lines = List.copyOf(new ArrayList<>(newLines));
        SwingUtilities.invokeAndWait(() -> {
            JPanel panel = (JPanel) frame.getContentPane();
            panel.paintImmediately(0, 0, panel.getWidth(), panel.getHeight());
            Toolkit.getDefaultToolkit().sync();
        });
        return System.nanoTime();
    }

    public Rectangle bounds() {
        return new Rectangle(bounds);
    }

    /**
     * Gives this window the focus and waits until Sightline sees it as the active window, as the watch key
     * would remember it.
     */
    public WindowHandle activate() throws Exception {
        focus();
        WindowHandle last = null;
        long deadline = System.currentTimeMillis() + 5000;
        while (System.currentTimeMillis() < deadline) {
            last = Captures.rememberActiveWindow();
            if (frame.getTitle().equals(last.title())) {
                return last;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("\"" + frame.getTitle() + "\" never became the active window; last seen: " + last);
    }

    public void focus() throws Exception {
        SwingUtilities.invokeAndWait(() -> {
            frame.toFront();
            frame.requestFocus();
        });
    }

    @Override
    public void close() throws Exception {
        SwingUtilities.invokeAndWait(frame::dispose);
    }
}
