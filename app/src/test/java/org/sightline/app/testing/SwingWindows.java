package org.sightline.app.testing;

import java.awt.Robot;
import java.util.concurrent.TimeUnit;
import javax.swing.JFrame;
import javax.swing.SwingUtilities;

/** Swing windows that tests act on through the real X server. */
public final class SwingWindows {

    private SwingWindows() {
    }

    /**
     * Brings {@code frame} (already visible) to the front with the keyboard focus and waits until it is drawn.
     * Without a window manager (Xvfb) a new window is not given the focus by itself.
     */
    public static void focusAndSettle(JFrame frame) throws Exception {
        Robot robot = new Robot();
        robot.waitForIdle();
        SwingUtilities.invokeAndWait(() -> {
            frame.toFront();
            frame.requestFocus();
        });
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        while (!frame.isFocused() && System.nanoTime() < end) {
            Thread.sleep(50);
        }
        robot.delay(400);
    }
}
