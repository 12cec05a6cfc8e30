package org.sightline.app.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.vision.live.TextWindow;
import org.sightline.vision.testing.TestFonts;

/**
 * Live mode from Sightline's own window, by keys only, under a window manager with the real capture and OCR: the
 * watch key pressed in Sightline watches the window the user came from (never Sightline itself), or says what to
 * do when there is none; the region key refuses a square that is all Sightline; a typed region is asked for in a
 * small dialog, a wrong answer is explained, and the region is watched until its key is pressed again.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WatchJourneyOnScreenTest {

    private static final String BACK = "Sightline. Question, edit text, empty";
    private static final String NO_WINDOW = "There is no other window to watch yet. Switch to the window you want "
            + "watched and press Ctrl+Alt+Shift+V there.";
    private static final Rectangle LIBRARY = new Rectangle(100, 560, 700, 120);

    @TempDir
    static Path dir;
    static JourneyDesktop desktop;
    static JourneyApp app;
    static TextWindow library;

    @BeforeAll
    static void start() throws Exception {
        desktop = JourneyDesktop.withoutBrowser();
        app = JourneyApp.start(dir.resolve("sightline"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (library != null) {
            library.close();
        }
        if (app != null) {
            app.close();
        }
        if (desktop != null) {
            desktop.close();
        }
    }

    @BeforeEach
    void backInTheMainWindow() throws Exception {
        app.closeDialogs();
        JourneyDesktop.activate(app.window());
        app.waitForQuiet();
    }

    @Test
    @Order(1)
    void withNoWindowToComeFromTheWatchKeySaysWhatToDo() throws Exception {
        assertThat(app.press("Ctrl+Alt+Shift+V", NO_WINDOW, "ctrl+alt+shift+v")).containsExactly(NO_WINDOW);
        assertThat(app.shell().watching().isWatching()).isFalse();
        app.writeTranscript("watch-no-window");
    }

    @Test
    @Order(2)
    void theWatchKeyInSightlineWatchesTheWindowTheUserCameFrom() throws Exception {
        library = TextWindow.open("Riverside Library", LIBRARY, TestFonts.sans(Font.PLAIN, 24), Color.BLACK,
                Color.WHITE);
        library.show(List.of("Opening hours 9 to 5"));
        JourneyDesktop.activate(JourneyDesktop.windowNamed("Riverside Library"));
        Thread.sleep(600); // Sightline notes which window the user went to a moment after it loses the focus
        app.listen();
        app.step("the user comes back to Sightline");
        JourneyDesktop.activate(app.window());
        app.saidUpTo(BACK);

        assertThat(withoutPace(app.press("Ctrl+Alt+Shift+V", "Opening hours 9 to 5", "ctrl+alt+shift+v")))
                .containsExactly("Watching Riverside Library.", "Opening hours 9 to 5");
        app.listen();
        app.step("a new line appears in the library's window");
        library.show(List.of("Opening hours 9 to 5", "Room 3 is free now"));
        app.saidUpTo("Room 3 is free now", Duration.ofSeconds(10));
        Thread.sleep(1500);
        assertThat(withoutPace(app.said())).containsExactly("Room 3 is free now");

        JourneyDesktop.activate(app.window());
        app.waitForQuiet();
        assertThat(app.press("Ctrl+Alt+Shift+V", "Stopped watching Riverside Library.", "ctrl+alt+shift+v"))
                .containsExactly("Stopped watching Riverside Library.");
        app.writeTranscript("watch-window-came-from");
    }

    @Test
    @Order(3)
    void theRegionKeyOnSightlinesOwnWindowSaysSo() throws Exception {
        Rectangle sightline = JourneyDesktop.bounds(app.window());
        JourneyDesktop.pointAt(sightline.x + sightline.width / 2, sightline.y + sightline.height / 2);
        String onSightline = "The region around the pointer is all Sightline's own window, so there is nothing else "
                + "in it to watch. Move the pointer onto what you want watched and press Ctrl+Alt+Shift+P again, or "
                + "press Ctrl+Alt+Shift+V to watch the window you came from.";
        assertThat(app.press("Ctrl+Alt+Shift+P", onSightline, "ctrl+alt+shift+p")).containsExactly(onSightline);
        assertThat(app.shell().watching().isWatching()).isFalse();
        app.writeTranscript("watch-pointer-on-sightline");
    }

    @Test
    @Order(4)
    void aTypedRegionIsAskedForExplainedWhenWrongAndWatched() throws Exception {
        List<String> asked = app.pressUntilStart("Ctrl+Alt+Shift+G", "Watch a region", "ctrl+alt+shift+g");
        assertThat(asked).as("%s", asked).anyMatch(line -> line.startsWith("Watch a region")
                && line.contains("The region to watch: left, top, width and height in pixels, separated by commas"));
        app.listen();
        app.step("types 10,20,30 and presses Enter");
        JourneyDesktop.type("10,20,30");
        JourneyDesktop.keys("Return");
        List<String> wrong = app.saidUpToStart("Watch a region", Duration.ofSeconds(10));
        assertThat(String.join(" ", wrong)).contains("\"10,20,30\" is not four whole numbers.");

        app.listen();
        String region = LIBRARY.x + "," + LIBRARY.y + "," + LIBRARY.width + "," + LIBRARY.height;
        app.step("types " + region + " and presses Enter");
        JourneyDesktop.type(region);
        JourneyDesktop.keys("Return");
        List<String> watched = withoutPace(app.saidUpTo("Room 3 is free now", Duration.ofSeconds(20)));
        assertThat(watched).containsSubsequence("Watching the region at 100, 560, 700 by 120.",
                "Opening hours 9 to 5", "Room 3 is free now");

        JourneyDesktop.activate(app.window());
        app.waitForQuiet();
        String stopped = "Stopped watching the region at 100, 560, 700 by 120.";
        assertThat(app.press("Ctrl+Alt+Shift+G", stopped, "ctrl+alt+shift+g")).containsExactly(stopped);
        app.writeTranscript("watch-typed-region");
    }

    /**
     * {@code lines} without "Looking every N milliseconds": whether the watch slows down, and when, depends on how
     * busy the machine is.
     */
    private static List<String> withoutPace(List<String> lines) {
        return JourneyApp.withoutProgress(lines).stream().filter(l -> !l.startsWith("Looking every ")).toList();
    }
}
