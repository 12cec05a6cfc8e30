package org.sightline.vision.capture;

import java.awt.AWTError;
import java.awt.GraphicsDevice;
import java.awt.GraphicsEnvironment;
import java.awt.HeadlessException;
import org.sightline.error.Problem;
import org.sightline.error.SightlineException;

/**
 * The one place that decides whether there is a screen to look at. With no display, AWT either reports
 * headless or throws an {@link AWTError} deep inside the toolkit; both become one clear message.
 */
final class DisplayAccess {

    private DisplayAccess() {
    }

    static GraphicsDevice[] screens() {
        if (GraphicsEnvironment.isHeadless()) {
            if (isX11() && !Boolean.getBoolean("java.awt.headless")) {
                // A display is there but this Java has no X11 toolkit (Debian's openjdk-17-jdk-headless).
                throw new SightlineException(Problem.DEVICE_UNAVAILABLE, CaptureText.get("display.headlessJava"));
            }
            throw noDisplay(null);
        }
        try {
            GraphicsDevice[] devices = GraphicsEnvironment.getLocalGraphicsEnvironment().getScreenDevices();
            if (devices.length == 0) {
                throw noDisplay(null);
            }
            return devices;
        } catch (AWTError | HeadlessException | UnsatisfiedLinkError e) {
            throw noDisplay(e);
        }
    }

    static boolean available() {
        try {
            screens();
            return true;
        } catch (SightlineException e) {
            return false;
        }
    }

    static SightlineException noDisplay(Throwable cause) {
        return new SightlineException(Problem.DEVICE_UNAVAILABLE, CaptureText.get("display.none"), cause);
    }

    static boolean isX11() {
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        return !os.contains("win") && !os.contains("mac") && System.getenv("DISPLAY") != null;
    }
}
