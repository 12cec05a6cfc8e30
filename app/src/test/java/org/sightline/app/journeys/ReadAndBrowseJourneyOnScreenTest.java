package org.sightline.app.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * A blind user's journeys with a real page in Chromium, by keys only, heard through the recording speech
 * output: coming back to Sightline from the browser, reading the browser's window and walking the answer line by
 * line and block by block, browsing the page's elements with the jump keys and returning to the question.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReadAndBrowseJourneyOnScreenTest {

    @TempDir
    static Path dir;

    private static JourneyDesktop desktop;
    private static JourneyApp app;

    @BeforeAll
    static void start() throws Exception {
        desktop = JourneyDesktop.open(JourneyPage.write(dir), dir.resolve("chromium"));
        app = JourneyApp.start(dir.resolve("settings"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) {
            app.close();
        }
        if (desktop != null) {
            desktop.close();
        }
    }

    @Test
    @Order(1)
    void comingBackFromTheBrowser() throws Exception {
        JourneyDesktop.activate(desktop.browserWindow());
        Thread.sleep(600); // Sightline notes which window the user went to a moment after it loses the focus
        app.listen();
        app.step("the window manager brings Sightline back");
        JourneyDesktop.activate(app.window());
        List<String> said = app.saidAfterQuiet();
        app.writeTranscript("coming-back");
        System.out.println("SAID coming back: " + said);
    }

    @Test
    @Order(2)
    void readTheBrowserWindowThenWalkTheAnswer() throws Exception {
        app.listen();
        app.step("Ctrl+Shift+T");
        JourneyDesktop.keys("ctrl+shift+t");
        List<String> said = app.saidAfterQuiet();
        Thread.sleep(8000);
        said = app.saidAfterQuiet();
        System.out.println("SAID read: " + said);
        app.writeTranscript("read-window");
    }
}
