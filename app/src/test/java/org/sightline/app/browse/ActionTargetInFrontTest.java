package org.sightline.app.browse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sightline.i18n.Messages;
import org.sightline.speech.RecordingSpeechOutput;
import org.sightline.vision.elements.ElementType;

/**
 * Before clicking or typing, the target's window must be in front: when it could not be brought there, nothing
 * is clicked or typed (it would land in whatever is in front) and the user hears why.
 */
class ActionTargetInFrontTest {

    @BeforeAll
    static void english() {
        Messages.setLocale(Locale.ENGLISH);
    }

    @Test
    void aWindowThatStaysBehindIsNotActedOn() throws Exception {
        RecordingDesktopInput desktop = new RecordingDesktopInput();
        RecordingSpeechOutput speech = new RecordingSpeechOutput();
        try (ScreenActions actions = new ScreenActions(desktop, speech, Duration.ZERO)) {
            actions.setBeforeAction(() -> false);
            ScreenActions.Outcome outcome = actions.perform(ProposedAction.type(
                    Screens.element(ElementType.FIELD, "Search", 900, 70, 300, 34), "hello"))
                    .outcome().get(10, TimeUnit.SECONDS);
            assertThat(outcome).isEqualTo(ScreenActions.Outcome.FAILED);
        }
        assertThat(desktop.events()).isEmpty();
        assertThat(speech.spoken()).containsExactly("Typing \u201chello\u201d into Search edit field.",
                "Nothing was done: Sightline could not bring the window with Search edit field to the front. "
                        + "Switch to that window, then ask again.");
    }

    @Test
    void aWindowInFrontIsActedOn() throws Exception {
        RecordingDesktopInput desktop = new RecordingDesktopInput();
        try (ScreenActions actions = new ScreenActions(desktop, new RecordingSpeechOutput(), Duration.ZERO)) {
            actions.setBeforeAction(() -> true);
            actions.perform(ProposedAction.click(Screens.element(ElementType.BUTTON, "Sign in", 1210, 70, 60, 34)))
                    .outcome().get(10, TimeUnit.SECONDS);
        }
        assertThat(desktop.events()).containsExactly("move 1240,87", "click");
    }
}
