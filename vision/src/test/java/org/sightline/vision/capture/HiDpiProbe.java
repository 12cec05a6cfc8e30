package org.sightline.vision.capture;

import java.awt.Rectangle;
import java.io.File;
import javax.imageio.ImageIO;

/**
 * Run in its own JVM with {@code -Dsun.java2d.uiScale=2} by {@link HiDpiCaptureTest}: the scale must be set
 * before AWT starts, so it cannot be changed inside the test's JVM. Prints what it captured, one fact a line.
 */
public final class HiDpiProbe {

    private HiDpiProbe() {
    }

    public static void main(String[] args) throws Exception {
        Capture screen = Captures.screen();
        System.out.println("screen " + format(screen.screenBounds()) + " " + screen.scale() + " "
                + screen.image().getWidth() + "x" + screen.image().getHeight());
        WindowHandle window = Captures.rememberActiveWindow();
        Capture w = Captures.window(window);
        System.out.println("window " + format(w.screenBounds()) + " " + w.scale() + " "
                + w.image().getWidth() + "x" + w.image().getHeight());
        ImageIO.write(w.image(), "png", new File(args[0]));
    }

    private static String format(Rectangle r) {
        return r.x + "," + r.y + "," + r.width + "," + r.height;
    }
}
