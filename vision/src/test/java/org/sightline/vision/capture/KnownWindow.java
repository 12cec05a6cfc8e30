package org.sightline.vision.capture;


import java.awt.Color;
import java.awt.Graphics;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.image.BufferedImage;
import java.lang.reflect.InvocationTargetException;
import javax.swing.JFrame;
import javax.swing.JPanel;
import javax.swing.SwingUtilities;
import org.sightline.vision.testing.Displays;

/**
 * A real window on the test's X server with content the test knows pixel by pixel: four coloured quadrants
 * and a white square with a black border in the middle, so a capture can be compared with what was drawn.
 */
final class KnownWindow implements AutoCloseable {

    static final Color TOP_LEFT = new Color(200, 30, 30);
    static final Color TOP_RIGHT = new Color(30, 160, 40);
    static final Color BOTTOM_LEFT = new Color(30, 40, 190);
    static final Color BOTTOM_RIGHT = new Color(230, 200, 20);

    final JFrame frame;
    final Rectangle bounds;

    private KnownWindow(JFrame frame, Rectangle bounds) {
        this.frame = frame;
        this.bounds = bounds;
    }

    static void assumeDisplay() {
        Displays.assumeX11();
    }

    /** Shows the window at {@code bounds} and waits until its pixels are on the screen. */
    static KnownWindow show(String title, Rectangle bounds) throws Exception {
        return show(title, bounds, true);
    }

    /**
     * Shows the window under a window manager, which may place it a little elsewhere; {@link #bounds} follow
     * where it really is.
     */
    static KnownWindow showManaged(String title, Rectangle bounds) throws Exception {
        return show(title, bounds, false);
    }

    private static KnownWindow show(String title, Rectangle bounds, boolean exactPlace) throws Exception {
        JFrame[] holder = new JFrame[1];
        SwingUtilities.invokeAndWait(() -> {
            JFrame f = new JFrame(title);
            f.setUndecorated(true);
            f.setContentPane(new JPanel() {
                @Override
                protected void paintComponent(Graphics g) {
                    int w = getWidth();
                    int h = getHeight();
                    g.setColor(TOP_LEFT);
                    g.fillRect(0, 0, w / 2, h / 2);
                    g.setColor(TOP_RIGHT);
                    g.fillRect(w / 2, 0, w - w / 2, h / 2);
                    g.setColor(BOTTOM_LEFT);
                    g.fillRect(0, h / 2, w / 2, h - h / 2);
                    g.setColor(BOTTOM_RIGHT);
                    g.fillRect(w / 2, h / 2, w - w / 2, h - h / 2);
                    g.setColor(Color.BLACK);
                    g.fillRect(w / 2 - 20, h / 2 - 20, 40, 40);
                    g.setColor(Color.WHITE);
                    g.fillRect(w / 2 - 16, h / 2 - 16, 32, 32);
                }
            });
            f.setBounds(bounds);
            f.setVisible(true);
            f.toFront();
            f.requestFocus();
            holder[0] = f;
        });
        KnownWindow w = new KnownWindow(holder[0], bounds);
        w.waitUntilDrawn(exactPlace);
        return w;
    }

    /** The colour drawn at window-relative ({@code x}, {@code y}). */
    Color expectedAt(int x, int y) {
        int w = bounds.width;
        int h = bounds.height;
        if (x >= w / 2 - 16 && x < w / 2 + 16 && y >= h / 2 - 16 && y < h / 2 + 16) {
            return Color.WHITE;
        }
        if (x >= w / 2 - 20 && x < w / 2 + 20 && y >= h / 2 - 20 && y < h / 2 + 20) {
            return Color.BLACK;
        }
        if (y < h / 2) {
            return x < w / 2 ? TOP_LEFT : TOP_RIGHT;
        }
        return x < w / 2 ? BOTTOM_LEFT : BOTTOM_RIGHT;
    }

    /** Counts pixels of {@code image} (covering this window from its top-left) that differ from the drawing. */
    int mismatches(BufferedImage image, int offsetX, int offsetY) {
        int bad = 0;
        for (int y = 0; y < bounds.height; y++) {
            for (int x = 0; x < bounds.width; x++) {
                int rgb = image.getRGB(x + offsetX, y + offsetY) & 0xffffff;
                if (rgb != (expectedAt(x, y).getRGB() & 0xffffff)) {
                    bad++;
                }
            }
        }
        return bad;
    }

    void moveTo(Point p) throws Exception {
        SwingUtilities.invokeAndWait(() -> frame.setLocation(p));
        bounds.setLocation(p);
        waitUntilDrawn(true);
    }

    void focus() throws InvocationTargetException, InterruptedException {
        SwingUtilities.invokeAndWait(() -> {
            frame.toFront();
            frame.requestFocus();
        });
    }

    private void waitUntilDrawn(boolean exactPlace) throws Exception {
        Robot robot = new Robot();
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            robot.waitForIdle();
            Point loc = frame.isShowing() ? frame.getLocationOnScreen() : null;
            if (loc != null && !exactPlace) {
                bounds.setLocation(loc);
            }
            if (loc != null && loc.equals(bounds.getLocation())
                    && robot.getPixelColor(bounds.x + 5, bounds.y + 5).equals(TOP_LEFT)
                    && robot.getPixelColor(bounds.x + bounds.width - 5, bounds.y + bounds.height - 5).equals(BOTTOM_RIGHT)
                    && robot.getPixelColor(bounds.x + bounds.width / 2, bounds.y + bounds.height / 2).equals(Color.WHITE)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the test window never appeared on the screen");
    }

    @Override
    public void close() throws Exception {
        SwingUtilities.invokeAndWait(frame::dispose);
    }
}
