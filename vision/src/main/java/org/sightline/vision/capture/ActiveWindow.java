package org.sightline.vision.capture;

import java.awt.GraphicsConfiguration;
import java.awt.GraphicsDevice;
import java.awt.Rectangle;
import java.time.Instant;
import java.util.Optional;

/**
 * Finds the window the user is working in. Call {@link #current()} the moment the hotkey is pressed, before
 * Sightline shows anything, and capture the returned handle afterwards: by then Sightline's own window may be
 * the active one.
 *
 * <p>On X11 the window manager names the active window in {@code _NET_ACTIVE_WINDOW}; without a window manager
 * (a bare X server) the window holding the keyboard focus stands in. Where neither works, and on Windows and
 * macOS, where Java has no route to the active window, the handle covers the whole screen and says so.
 */
public final class ActiveWindow {

    private ActiveWindow() {
    }

    /** The active window now, or the whole screen with the reason when it cannot be found. */
    public static WindowHandle current() {
        GraphicsDevice[] screens = DisplayAccess.screens();
        if (!DisplayAccess.isX11()) {
            return wholeScreen(screens, CaptureText.get("window.noRoute"));
        }
        Optional<String> id = X11Windows.netActiveWindow().or(X11Windows::focusedWindow);
        if (id.isEmpty()) {
            return wholeScreen(screens, CaptureText.get("window.noneActive"));
        }
        Optional<X11Windows.Info> info = X11Windows.describe(id.get());
        if (info.isEmpty() || !info.get().viewable() || isRootSized(info.get(), screens)) {
            return wholeScreen(screens, CaptureText.get("window.noneActive"));
        }
        return new WindowHandle(info.get().id(), toClickCoordinates(info.get().physicalBounds(), screens),
                info.get().title(), null, Instant.now());
    }

    /**
     * The window's bounds now: it may have moved since it was remembered. Empty when the window has closed or
     * been hidden; a fallback handle simply keeps its bounds.
     */
    static Optional<Rectangle> boundsNow(WindowHandle handle) {
        if (handle.isFallback() || !DisplayAccess.isX11()) {
            return Optional.of(handle.bounds());
        }
        GraphicsDevice[] screens = DisplayAccess.screens();
        return X11Windows.describe(handle.nativeId())
                .filter(X11Windows.Info::viewable)
                .map(info -> toClickCoordinates(info.physicalBounds(), screens));
    }

    static WindowHandle wholeScreen(GraphicsDevice[] screens, String reason) {
        return new WindowHandle(null, virtualBounds(screens), "", reason, Instant.now());
    }

    static Rectangle virtualBounds(GraphicsDevice[] screens) {
        Rectangle all = null;
        for (GraphicsDevice d : screens) {
            Rectangle b = d.getDefaultConfiguration().getBounds();
            all = all == null ? b : all.union(b);
        }
        return all;
    }

    /** A "window" as large as the root window is the desktop itself, not something the user works in. */
    private static boolean isRootSized(X11Windows.Info info, GraphicsDevice[] screens) {
        Rectangle b = info.physicalBounds();
        Rectangle all = physicalVirtualBounds(screens);
        return b.x <= all.x && b.y <= all.y && b.width >= all.width && b.height >= all.height
                && info.title().isEmpty();
    }

    private static Rectangle physicalVirtualBounds(GraphicsDevice[] screens) {
        Rectangle all = null;
        for (GraphicsDevice d : screens) {
            Rectangle b = physical(d.getDefaultConfiguration());
            all = all == null ? b : all.union(b);
        }
        return all;
    }

    private static Rectangle physical(GraphicsConfiguration gc) {
        Rectangle b = gc.getBounds();
        double s = gc.getDefaultTransform().getScaleX();
        return new Rectangle((int) Math.round(b.x * s), (int) Math.round(b.y * s),
                (int) Math.round(b.width * s), (int) Math.round(b.height * s));
    }

    /**
     * X11 reports physical pixels; Java's click coordinates are divided by the screen's scale (GDK_SCALE,
     * sun.java2d.uiScale). The scale of the screen holding the window's top-left corner applies.
     */
    static Rectangle toClickCoordinates(Rectangle physicalBounds, GraphicsDevice[] screens) {
        double scale = 1.0;
        for (GraphicsDevice d : screens) {
            GraphicsConfiguration gc = d.getDefaultConfiguration();
            if (physical(gc).contains(physicalBounds.x, physicalBounds.y)) {
                scale = gc.getDefaultTransform().getScaleX();
                break;
            }
        }
        if (scale == 1.0) {
            return physicalBounds;
        }
        return new Rectangle((int) Math.floor(physicalBounds.x / scale), (int) Math.floor(physicalBounds.y / scale),
                (int) Math.ceil(physicalBounds.width / scale), (int) Math.ceil(physicalBounds.height / scale));
    }
}
