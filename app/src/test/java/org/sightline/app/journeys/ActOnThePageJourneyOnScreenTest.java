package org.sightline.app.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Clicking and typing in Chromium from Sightline, by keys only: every action is confirmed first, Sightline then
 * looks at the page again and says what it saw, and when nothing changed it says so instead of "Done.".
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ActOnThePageJourneyOnScreenTest extends ChromiumJourneys {

    @Test
    @Order(1)
    void clickJoinAndHearWhatAppeared() throws Exception {
        visitTheBrowserAndComeBack("Sightline. Question, edit text, empty");
        assertThat(app.press("Ctrl+Shift+B", "Home, link", "ctrl+shift+b")).hasSize(2);
        assertThat(app.press("End", "Print, button", "End")).containsExactly("Print, button");
        assertThat(app.press("Up", "Join, button", "Up")).containsExactly("Join, button");
        assertThat(app.press("Enter", "Press Enter to click Join button, or Escape to cancel.", "Return"))
                .containsExactly("Press Enter to click Join button, or Escape to cancel.");
        assertThat(app.press("Enter", "Browse mode is off; the screen may have changed. Ctrl+Shift+B browses it again.",
                "Return")).containsExactly("Clicking Join button.",
                        "Clicked Join button; what changed reads: \u201cWelcome to the group\u201d.",
                        "Browse mode is off; the screen may have changed. Ctrl+Shift+B browses it again.");
        app.writeTranscript("click");
    }

    @Test
    @Order(2)
    void clickPrintAndHearThatNothingChanged() throws Exception {
        visitTheBrowserAndComeBack("Sightline. Question, edit text, empty");
        show("Ctrl+Shift+B", "ctrl+shift+b");
        show("End", "End");
        show("Up", "Up");
        show("Up", "Up");
        show("Down", "Down");
        show("Enter", "Return");
        assertThat(app.press("Enter", "Browse mode is off; the screen may have changed. Ctrl+Shift+B browses it again.",
                "Return")).containsExactly("Clicking Print button.",
                        "I clicked Print button, but nothing visible changed.",
                        "Browse mode is off; the screen may have changed. Ctrl+Shift+B browses it again.");
        app.writeTranscript("click-nothing-changed");
    }

    @Test
    @Order(3)
    void typeIntoTheSearchField() throws Exception {
        visitTheBrowserAndComeBack("Sightline. Question, edit text, empty");
        app.listen();
        JourneyDesktop.type("type hello into search");
        app.saidAfterQuiet();
        show("Enter", "Return");
        show("Enter", "Return");
        Thread.sleep(5000);
        System.out.println("SAID later " + app.saidAfterQuiet());
        app.writeTranscript("type");
    }

    private static void show(String step, String... keys) throws Exception {
        List<String> said = app.press(step, null, keys);
        if (said.isEmpty()) {
            Thread.sleep(5000);
            said = app.saidAfterQuiet();
        }
        System.out.println("SAID " + step + ": " + said);
    }
}
