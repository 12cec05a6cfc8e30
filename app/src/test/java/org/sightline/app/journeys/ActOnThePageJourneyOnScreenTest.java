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

    private static final String AFTER_ACTION =
            "Browse mode is off; the screen may have changed. Ctrl+Shift+B browses it again.";

    @Test
    @Order(1)
    void clickJoinAndHearWhatAppeared() throws Exception {
        visitTheBrowserAndComeBack("Sightline. Question, edit text, empty");
        assertThat(app.press("Ctrl+Shift+B", "Home, link", "ctrl+shift+b")).hasSize(2);
        assertThat(app.press("End", "Print, button", "End")).containsExactly("Print, button");
        assertThat(app.press("Up", "Join, button", "Up")).containsExactly("Join, button");
        assertThat(app.press("Enter", "Press Enter to click Join button, or Escape to cancel.", "Return"))
                .containsExactly("Press Enter to click Join button, or Escape to cancel.");
        assertThat(app.press("Enter", AFTER_ACTION, "Return")).containsExactly("Clicking Join button.",
                "Clicked Join button; what changed reads: \u201cWelcome to the group\u201d.", AFTER_ACTION);
        app.writeTranscript("click");
    }

    @Test
    @Order(2)
    void clickPrintAndHearThatNothingChanged() throws Exception {
        visitTheBrowserAndComeBack("Sightline. Question, edit text, empty");
        // A fresh look at the page after the click before: sixteen elements now, with the line Join showed.
        assertThat(app.press("Ctrl+Shift+B", "Home, link", "ctrl+shift+b")).hasSize(2);
        assertThat(app.press("End", null, "End")).singleElement().asString().startsWith("Welcome to the group");
        assertThat(app.press("Up", "Print, button", "Up")).containsExactly("Print, button");
        assertThat(app.press("Enter", "Press Enter to click Print button, or Escape to cancel.", "Return"))
                .containsExactly("Press Enter to click Print button, or Escape to cancel.");
        assertThat(app.press("Enter", AFTER_ACTION, "Return")).containsExactly("Clicking Print button.",
                "I clicked Print button, but nothing visible changed.", AFTER_ACTION);
        app.writeTranscript("click-nothing-changed");
    }

    @Test
    @Order(3)
    void typeIntoTheSearchFieldBesideTheSearchButton() throws Exception {
        visitTheBrowserAndComeBack("Sightline. Question, edit text, empty");
        app.listen();
        app.step("typing: type hello into search");
        JourneyDesktop.type("type hello into search");
        assertThat(app.saidAfterQuiet()).hasSize("type hello into search".length());
        List<String> proposal = app.pressUntilStart("Enter", "Press Enter to type \u201chello\u201d into ", "Return");
        String last = proposal.get(proposal.size() - 1);
        // The search box has no label of its own: it is the field beside the Search button, never the button.
        assertThat(last).endsWith("edit field, or Escape to cancel.").doesNotContain("button");
        String field = last.substring("Press Enter to type \u201chello\u201d into ".length(),
                last.length() - ", or Escape to cancel.".length());
        assertThat(app.press("Enter", AFTER_ACTION, "Return")).containsExactly(
                "Typing \u201chello\u201d into " + field + ".",
                "Typed \u201chello\u201d into " + field + "; the field shows it.", AFTER_ACTION);
        app.writeTranscript("type");
    }
}
