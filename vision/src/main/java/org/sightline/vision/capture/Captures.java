package org.sightline.vision.capture;

import java.awt.Rectangle;
import java.nio.file.Path;
import org.sightline.vision.image.ImageFiles;

/**
 * The one door the app goes through for pictures. Screen methods need a display and must be called off the
 * JavaFX application thread; every failure is a {@link org.sightline.error.SightlineException} with a message
 * for the user.
 *
 * <p>For "describe the active window" on a hotkey: call {@link #rememberActiveWindow()} first thing in the key
 * handler's worker, then {@link #window(WindowHandle)} when ready.
 */
public final class Captures {

    private Captures() {
    }

    /** Whether a screen can be captured at all (false on a headless machine or without a display). */
    public static boolean displayAvailable() {
        return DisplayAccess.available();
    }

    /**
     * Refuses at once when there is no screen to look at, before work that would capture later (a watch).
     *
     * @throws org.sightline.error.SightlineException DEVICE_UNAVAILABLE, with the sentence every capture gives
     */
    public static void requireDisplay() {
        DisplayAccess.screens();
    }

    /** Every monitor together. */
    public static Capture screen() {
        return ScreenCapturer.shared().captureScreen();
    }

    /** Monitor {@code index}, from 0. */
    public static Capture monitor(int index) {
        return ScreenCapturer.shared().captureMonitor(index);
    }

    /** The window active now, or the whole screen with the reason when it cannot be found. */
    public static WindowHandle rememberActiveWindow() {
        return ActiveWindow.current();
    }

    /**
     * Brings {@code window} to the front with the keyboard before Sightline clicks or types in it, and answers
     * whether it is in front afterwards. On X11 this is checked; elsewhere the platform gives no reliable answer,
     * so it is taken as in front. A window not known by id (the whole screen) has nothing to bring forward.
     */
    public static boolean bringToFront(WindowHandle window) {
        if (window == null || window.isFallback() || window.nativeId() == null || !DisplayAccess.isX11()) {
            return true;
        }
        return X11Windows.activate(window.nativeId());
    }

    public static Capture window(WindowHandle window) {
        return ScreenCapturer.shared().captureWindow(window);
    }

    public static Capture activeWindow() {
        return ScreenCapturer.shared().captureActiveWindow();
    }

    public static Capture regionAroundPointer(int size) {
        return ScreenCapturer.shared().captureRegionAroundPointer(size);
    }

    /** The square {@link #regionAroundPointer(int)} would capture now, without capturing it. */
    public static Rectangle squareAroundPointer(int size) {
        return ScreenCapturer.shared().regionAroundPointer(size);
    }

    public static Capture region(Rectangle bounds) {
        return ScreenCapturer.shared().captureRegion(bounds);
    }

    /** An image file the user chose. */
    public static Capture file(Path file) {
        return Capture.ofImage(ImageFiles.read(file), CaptureSource.FILE, file.getFileName().toString());
    }

    /** The image on the clipboard. */
    public static Capture clipboard() {
        return ClipboardImages.read();
    }

    /** Opens a camera (or its stand-in); close it when done. */
    public static CameraSource camera(CameraSettings settings) {
        return CameraSource.open(settings);
    }
}
