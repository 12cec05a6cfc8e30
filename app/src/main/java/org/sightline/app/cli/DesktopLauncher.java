package org.sightline.app.cli;

import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.sightline.app.AppText;
import org.sightline.app.service.ServiceAddress;
import org.sightline.app.shell.AppServices;
import org.sightline.app.shell.AppServing;
import org.sightline.app.shell.SightlineApp;
import org.sightline.error.Problem;
import org.sightline.error.SightlineException;
import org.sightline.vision.capture.Captures;

/**
 * Opens the desktop app from the plain {@code Main}: JavaFX refuses to start an {@code Application} subclass
 * that is the main class of a class-path launch, so the launch goes through here.
 */
final class DesktopLauncher {

    /** Held so the setting survives garbage collection of the logger. */
    private static final Logger JAVAFX_LOG = Logger.getLogger("javafx");

    private DesktopLauncher() {
    }

    /**
     * Opens the window; {@code image}, when not null, is opened in it at once and described. With {@code serve}
     * the app also answers the service protocol whatever the settings say.
     */
    static int launch(boolean verbose, java.nio.file.Path image, boolean serve) {
        if (!displayAvailable()) {
            throw new SightlineException(Problem.DEVICE_UNAVAILABLE, AppText.get("launch.noDisplay"));
        }
        openAwtDisplayFirst();
        if (!verbose) {
            // Running from the class path makes JavaFX warn about an "unsupported configuration" on every start.
            JAVAFX_LOG.setLevel(Level.SEVERE);
        }
        try {
            AppServices services = AppServices.desktop(AppServices.desktopSpeech());
            SightlineApp.launch(serve ? services.withServing(AppServing.Choice.always(ServiceAddress.standard()))
                    : services, image);
        } catch (UnsupportedOperationException e) {
            // GTK could not open the display after all (a stale DISPLAY, no X authority).
            throw new SightlineException(Problem.DEVICE_UNAVAILABLE, AppText.get("launch.displayFailed",
                    String.valueOf(e.getMessage())), e);
        }
        return ExitCode.OK;
    }

    /**
     * On X11, opens AWT's display connection before JavaFX opens GTK's: the X error handler installed last wins, and
     * GTK's ends the process at once when the display goes away, where AWT's would run the native exit path on a
     * lost connection and crash in it. {@link org.sightline.app.shell.DisplayLossNotice} then says what happened.
     */
    private static void openAwtDisplayFirst() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (!os.contains("win") && !os.contains("mac")) {
            Captures.displayAvailable();
        }
    }

    static boolean displayAvailable() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win") || os.contains("mac")) {
            return true;
        }
        String display = System.getenv("DISPLAY");
        return display != null && !display.isBlank();
    }
}
