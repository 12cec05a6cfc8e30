package org.sightline.vision.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Point;
import java.awt.Rectangle;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sightline.error.Problem;
import org.sightline.error.SightlineException;
import org.sightline.i18n.Messages;

/**
 * The active-window route on a real X server. Xvfb runs no window manager, so _NET_ACTIVE_WINDOW is absent and
 * the window with the keyboard focus is found instead; with a window manager the same code reads
 * _NET_ACTIVE_WINDOW first.
 */
class ActiveWindowTest {

    private KnownWindow target;
    private KnownWindow other;
    private Locale saved;

    @BeforeEach
    void english() {
        // Saved before the display check: when that skips the test, the clean-up still puts back this locale.
        saved = Messages.locale();
        KnownWindow.assumeDisplay();
        Messages.setLocale(Locale.ENGLISH);
    }

    @AfterEach
    void close() throws Exception {
        if (target != null) {
            target.close();
        }
        if (other != null) {
            other.close();
        }
        Messages.setLocale(saved);
    }

    @Test
    void findsTheFocusedWindowWithItsBoundsAndTitle() throws Exception {
        target = KnownWindow.show("Invoice 2024 - Editor", new Rectangle(300, 200, 360, 260));
        target.focus();
        WindowHandle handle = awaitActive("Invoice 2024 - Editor");
        assertThat(handle.isFallback()).isFalse();
        assertThat(handle.bounds()).isEqualTo(new Rectangle(300, 200, 360, 260));

        Capture c = Captures.window(handle);
        assertThat(c.source()).isEqualTo(CaptureSource.WINDOW);
        assertThat(c.screenBounds()).isEqualTo(handle.bounds());
        assertThat(c.description()).isEqualTo("window Invoice 2024 - Editor");
        assertThat(target.mismatches(c.image(), 0, 0)).isZero();
    }

    @Test
    void theRememberedWindowIsCapturedAfterAnotherTakesTheFocusAndWhereverItMoved() throws Exception {
        target = KnownWindow.show("Remembered", new Rectangle(40, 40, 300, 200));
        target.focus();
        WindowHandle handle = awaitActive("Remembered");

        // Sightline's own window comes to the front, as it does after the hotkey.
        other = KnownWindow.show("Sightline", new Rectangle(700, 400, 200, 150));
        other.focus();
        awaitActive("Sightline");
        target.moveTo(new Point(90, 300));

        Capture c = Captures.window(handle);
        assertThat(c.screenBounds()).isEqualTo(new Rectangle(90, 300, 300, 200));
        assertThat(target.mismatches(c.image(), 0, 0)).isZero();
    }

    @Test
    void aClosedWindowGivesAClearMessage() throws Exception {
        target = KnownWindow.show("Short lived", new Rectangle(50, 60, 200, 100));
        target.focus();
        WindowHandle handle = awaitActive("Short lived");
        target.close();
        target = null;
        assertThatThrownBy(() -> Captures.window(handle))
                .isInstanceOfSatisfying(SightlineException.class,
                        e -> assertThat(e.problem()).isEqualTo(Problem.BAD_INPUT))
                .hasMessage("The window \"Short lived\" has closed or been hidden since the key was pressed."
                        + " Press the key again.");
    }

    @Test
    void aFallbackHandleCapturesTheWholeScreenAndSaysWhy() {
        WindowHandle whole = ActiveWindow.wholeScreen(DisplayAccess.screens(), "why not");
        Capture c = Captures.window(whole);
        assertThat(c.source()).isEqualTo(CaptureSource.SCREEN);
        assertThat(c.screenBounds()).isEqualTo(whole.bounds());
        assertThat(c.notice()).startsWith("why not");
    }

    /** Focus changes reach the X server asynchronously; wait for the window to become the active one. */
    private static WindowHandle awaitActive(String title) throws InterruptedException {
        WindowHandle last = null;
        long deadline = System.currentTimeMillis() + 5000;
        while (System.currentTimeMillis() < deadline) {
            last = ActiveWindow.current();
            if (title.equals(last.title())) {
                return last;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the active window never became \"" + title + "\"; last seen: " + last);
    }
}
