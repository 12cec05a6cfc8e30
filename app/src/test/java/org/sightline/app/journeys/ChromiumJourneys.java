package org.sightline.app.journeys;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every journey class shares: one Chromium with the library page and one Sightline per class (each start
 * costs seconds on two cores), and the user's moves between them.
 */
abstract class ChromiumJourneys {

    @TempDir
    static Path dir;

    static JourneyDesktop desktop;
    static JourneyApp app;

    @BeforeAll
    static void start() throws Exception {
        desktop = JourneyDesktop.open(JourneyPage.write(dir));
        app = JourneyApp.start(dir.resolve("sightline"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) {
            app.close();
            app = null;
        }
        if (desktop != null) {
            desktop.close();
            desktop = null;
        }
    }

    /**
     * Each journey starts where a user would: in Sightline's main window with no dialog open, even when the one
     * before failed half way.
     */
    @BeforeEach
    void backInTheMainWindow() throws Exception {
        app.closeDialogs();
        JourneyDesktop.activate(app.window());
        app.waitForQuiet();
    }

    /**
     * The user goes to the browser and comes back to Sightline (as with Alt+Tab), so that Sightline's window keys
     * are about the page; returns what Sightline said on the way back, which ends with {@code last}.
     */
    static List<String> visitTheBrowserAndComeBack(String last) throws Exception {
        JourneyDesktop.activate(desktop.browserWindow());
        Thread.sleep(600); // Sightline notes which window the user went to a moment after it loses the focus
        String away = "went to " + JourneyDesktop.activeWindow() + " (the browser is " + desktop.browserWindow()
                + "), Sightline focused: " + app.focused();
        app.listen();
        app.step("the window manager brings Sightline back");
        JourneyDesktop.activate(app.window());
        try {
            return app.saidUpTo(last);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\nThe user " + away + "; came back to " + JourneyDesktop
                    .activeWindow() + " (Sightline is " + app.window() + "), Sightline focused: " + app.focused(), e);
        }
    }
}
