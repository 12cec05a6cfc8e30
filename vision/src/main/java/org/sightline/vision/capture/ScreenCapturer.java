package org.sightline.vision.capture;

import java.awt.AWTException;
import java.awt.GraphicsConfiguration;
import java.awt.GraphicsDevice;
import java.awt.Image;
import java.awt.MouseInfo;
import java.awt.Point;
import java.awt.PointerInfo;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.image.BufferedImage;
import java.awt.image.MultiResolutionImage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.sightline.error.Problem;
import org.sightline.error.SightlineException;
import org.sightline.vision.image.BlankImage;
import org.sightline.vision.image.ImageStats;

/**
 * Captures the screen, one monitor, a window or a region with {@link java.awt.Robot}, the route that works on
 * every desktop Java runs on. Images are taken at physical pixels (a 200 percent HiDPI screen gives twice the
 * pixels of its click coordinates); each {@link Capture} carries its bounds in click coordinates and the scale
 * between the two. A blank result (a screen curtain, a locked screen) carries a notice saying so.
 *
 * <p>Call from worker threads only: creating a Robot on the JavaFX application thread deadlocks the JVM, so
 * this class refuses to.
 */
public final class ScreenCapturer {

    /** Default edge length, in click coordinates, of the square captured around the pointer. */
    public static final int DEFAULT_POINTER_REGION = 400;

    private static final ScreenCapturer SHARED = new ScreenCapturer();

    private volatile Robot robot;

    public static ScreenCapturer shared() {
        return SHARED;
    }

    /** The monitors, in the order the system lists them. */
    public List<Monitor> monitors() {
        GraphicsDevice[] devices = DisplayAccess.screens();
        GraphicsDevice primary = java.awt.GraphicsEnvironment.getLocalGraphicsEnvironment().getDefaultScreenDevice();
        List<Monitor> result = new ArrayList<>();
        for (int i = 0; i < devices.length; i++) {
            GraphicsConfiguration gc = devices[i].getDefaultConfiguration();
            result.add(new Monitor(i, devices[i].getIDstring(), gc.getBounds(),
                    gc.getDefaultTransform().getScaleX(), devices[i] == primary));
        }
        return result;
    }

    /** Every monitor together, as one image. */
    public Capture captureScreen() {
        Rectangle all = ActiveWindow.virtualBounds(DisplayAccess.screens());
        return grab(all, CaptureSource.SCREEN, CaptureText.get("describe.screen"), null);
    }

    /** One monitor, counted from 0. */
    public Capture captureMonitor(int index) {
        List<Monitor> monitors = monitors();
        if (index < 0 || index >= monitors.size()) {
            throw new SightlineException(Problem.BAD_INPUT,
                    CaptureText.get("monitor.missing", index, monitors.size()));
        }
        return grab(monitors.get(index).bounds(), CaptureSource.SCREEN,
                CaptureText.get("describe.monitor", index), null);
    }

    /** The window that is active now; see {@link ActiveWindow#current()} to remember it for later. */
    public Capture captureActiveWindow() {
        return captureWindow(ActiveWindow.current());
    }

    /**
     * The remembered window where it is now (it may have moved). A fallback handle gives the whole screen with
     * the handle's reason as the notice.
     */
    public Capture captureWindow(WindowHandle window) {
        if (window.isFallback()) {
            Capture whole = grab(window.bounds(), CaptureSource.SCREEN, CaptureText.get("describe.screen"),
                    window.fallbackReason());
            return whole;
        }
        Rectangle bounds = ActiveWindow.boundsNow(window).orElseThrow(() -> new SightlineException(
                Problem.BAD_INPUT, CaptureText.get("window.gone", displayTitle(window))));
        return grab(bounds, CaptureSource.WINDOW, CaptureText.get("describe.window", displayTitle(window)), null);
    }

    /** A rectangle of the screen in click coordinates, cut to what lies on a screen. */
    public Capture captureRegion(Rectangle region) {
        return grab(region, CaptureSource.REGION, CaptureText.get("describe.region", region.width, region.height),
                null);
    }

    /**
     * A square of {@code size} click units centred on the mouse pointer, moved inward where the pointer is near
     * the edge of its monitor so the square stays whole.
     */
    public Capture captureRegionAroundPointer(int size) {
        return grab(regionAroundPointer(size), CaptureSource.REGION, CaptureText.get("describe.pointer"), null);
    }

    /**
     * Where {@link #captureRegionAroundPointer(int)} would capture now, in click coordinates: a live watch fixes
     * this square when its key is pressed, so describing and watching "the region around the pointer" mean the
     * same pixels.
     */
    public Rectangle regionAroundPointer(int size) {
        if (size < 16) {
            throw new SightlineException(Problem.BAD_INPUT, CaptureText.get("region.tooSmall", size));
        }
        DisplayAccess.screens();
        PointerInfo pointer = MouseInfo.getPointerInfo();
        if (pointer == null) {
            throw new SightlineException(Problem.DEVICE_UNAVAILABLE, CaptureText.get("pointer.none"));
        }
        Point p = pointer.getLocation();
        Rectangle monitor = pointer.getDevice().getDefaultConfiguration().getBounds();
        int w = Math.min(size, monitor.width);
        int h = Math.min(size, monitor.height);
        int x = Math.max(monitor.x, Math.min(p.x - w / 2, monitor.x + monitor.width - w));
        int y = Math.max(monitor.y, Math.min(p.y - h / 2, monitor.y + monitor.height - h));
        return new Rectangle(x, y, w, h);
    }

    private static String displayTitle(WindowHandle window) {
        return window.title().isBlank() ? CaptureText.get("window.untitled") : window.title();
    }

    private Capture grab(Rectangle wanted, CaptureSource source, String description, String notice) {
        GraphicsDevice[] screens = DisplayAccess.screens();
        Rectangle on = wanted.intersection(ActiveWindow.virtualBounds(screens));
        if (on.isEmpty()) {
            throw new SightlineException(Problem.BAD_INPUT, CaptureText.get("region.offScreen"));
        }
        Robot r = robot();
        BufferedImage image;
        try {
            image = largestVariant(r.createMultiResolutionScreenCapture(on));
        } catch (SecurityException e) {
            throw new SightlineException(Problem.DEVICE_UNAVAILABLE, CaptureText.get("screen.denied"), e);
        }
        double scale = (double) image.getWidth() / on.width;
        String said = notice;
        if (ImageStats.of(image).isBlank()) {
            String blank = BlankImage.sentence();
            said = said == null ? blank : said + " " + blank;
        }
        return new Capture(image, source, on, scale, description, Instant.now(), said);
    }

    /** On HiDPI screens the largest variant holds the physical pixels. */
    private static BufferedImage largestVariant(MultiResolutionImage multi) {
        Image best = null;
        for (Image variant : multi.getResolutionVariants()) {
            if (best == null || variant.getWidth(null) > best.getWidth(null)) {
                best = variant;
            }
        }
        if (best instanceof BufferedImage b && b.getType() == BufferedImage.TYPE_INT_RGB) {
            return b;
        }
        BufferedImage copy = new BufferedImage(best.getWidth(null), best.getHeight(null), BufferedImage.TYPE_INT_RGB);
        var g = copy.createGraphics();
        g.drawImage(best, 0, 0, null);
        g.dispose();
        return copy;
    }

    private Robot robot() {
        if ("JavaFX Application Thread".equals(Thread.currentThread().getName())) {
            // Creating or using an AWT Robot here deadlocks the JVM; fail loudly instead.
            throw new IllegalStateException("screen capture must not run on the JavaFX application thread");
        }
        Robot r = robot;
        if (r == null) {
            synchronized (this) {
                r = robot;
                if (r == null) {
                    try {
                        r = new Robot();
                    } catch (AWTException | SecurityException e) {
                        throw new SightlineException(Problem.DEVICE_UNAVAILABLE, CaptureText.get("screen.denied"), e);
                    } catch (java.awt.AWTError | java.awt.HeadlessException e) {
                        throw DisplayAccess.noDisplay(e);
                    }
                    robot = r;
                }
            }
        }
        return r;
    }
}
