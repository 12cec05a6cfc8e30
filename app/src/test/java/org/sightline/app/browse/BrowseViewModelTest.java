package org.sightline.app.browse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sightline.app.browse.BrowseViewModel.Key;
import org.sightline.app.browse.BrowseViewModel.Outcome;
import org.sightline.app.browse.BrowseViewModel.State;
import org.sightline.speech.RecordingSpeechOutput;

class BrowseViewModelTest {

    private final RecordingSpeechOutput speech = new RecordingSpeechOutput();
    private final RecordingDesktopInput desktop = new RecordingDesktopInput();
    private final ScreenActions actions = new ScreenActions(desktop, speech, Duration.ofMillis(300));
    private final BrowseViewModel browse = new BrowseViewModel(Screens.shop(true), speech, actions);

    @AfterEach
    void close() {
        actions.close();
    }

    @Test
    void arrowsGoElementByElementAndSpeakLabelAndType() {
        browse.start();
        assertThat(speech.spoken()).first().asString().startsWith("Browse mode, 13 elements.");
        assertThat(speech.lastSpoken()).isEqualTo("Outfield, heading level 1");
        browse.key(Key.DOWN, false);
        assertThat(speech.lastSpoken()).isEqualTo("Home, link");
        browse.key(Key.RIGHT, false);
        assertThat(speech.lastSpoken()).isEqualTo("Running, link");
        browse.key(Key.UP, false);
        assertThat(speech.lastSpoken()).isEqualTo("Home, link");
        browse.key(Key.END, false);
        assertThat(speech.lastSpoken()).isEqualTo("Returns policy, link");
        browse.key(Key.DOWN, false);
        assertThat(speech.lastSpoken()).isEqualTo("Bottom of the page.");
        browse.key(Key.HOME, false);
        browse.key(Key.UP, false);
        assertThat(speech.lastSpoken()).isEqualTo("Top of the page.");
    }

    @Test
    void dJumpsRegionByRegionSayingWhatEachHolds() {
        BrowseViewModel docs = new BrowseViewModel(Screens.docs(), speech, actions);
        docs.start();
        assertThat(speech.lastSpoken()).isEqualTo("Installation, link");
        docs.key(Key.D, false);
        assertThat(speech.spoken()).contains("main content, 2 links, one heading");
        assertThat(speech.lastSpoken()).isEqualTo("Getting started, heading");
        docs.key(Key.D, false);
        assertThat(speech.lastSpoken()).isEqualTo("No next region.");
        docs.key(Key.DOWN, false);
        docs.key(Key.D, true);
        assertThat(speech.spoken()).contains("navigation, 3 links");
        assertThat(speech.lastSpoken()).isEqualTo("Installation, link");
        docs.key(Key.D, true);
        assertThat(speech.lastSpoken()).isEqualTo("No previous region.");
    }

    @Test
    void letterKeysJumpByTypeAndShiftGoesBack() {
        browse.start();
        browse.key(Key.H, false);
        assertThat(speech.lastSpoken()).isEqualTo("Ridgeline Trail Shoe, heading level 2");
        browse.key(Key.H, true);
        assertThat(speech.lastSpoken()).isEqualTo("Outfield, heading level 1");
        browse.key(Key.B, false);
        assertThat(speech.lastSpoken()).isEqualTo("Sign in, button");
        browse.key(Key.B, false);
        assertThat(speech.lastSpoken()).isEqualTo("Add to basket, button");
        browse.key(Key.B, false);
        assertThat(speech.lastSpoken()).isEqualTo("No next button.");
        browse.key(Key.K, true);
        assertThat(speech.lastSpoken()).isEqualTo("Basket (0), link");
        browse.key(Key.F, false);
        assertThat(speech.lastSpoken()).isEqualTo("Search, edit field");
        browse.key(Key.F, false);
        assertThat(speech.lastSpoken()).isEqualTo("UK 8, radio button");
        browse.key(Key.F, false);
        assertThat(speech.lastSpoken()).isEqualTo("Wrap it as a gift, checkbox");
        browse.key(Key.G, true);
        assertThat(speech.lastSpoken()).isEqualTo("graphic");
        assertThat(Key.of("DOWN")).contains(Key.DOWN);
        assertThat(Key.of("F5")).isEmpty();
    }

    @Test
    void aHeadingThatIsALinkIsMetByHAndByKAndSaysBoth() throws Exception {
        BrowseViewModel page = new BrowseViewModel(Screens.sidebar(), speech, actions);
        page.start();
        assertThat(speech.lastSpoken()).isEqualTo("Crate syn, link");
        page.key(Key.H, false);
        assertThat(speech.lastSpoken()).isEqualTo("Fields, heading level 3, link");
        page.key(Key.H, false);
        assertThat(speech.lastSpoken()).isEqualTo("Struct PatBox, heading");
        page.key(Key.HOME, false);
        page.key(Key.K, false);
        assertThat(speech.lastSpoken()).isEqualTo("Fields, heading level 3, link");
        page.key(Key.K, false);
        assertThat(speech.lastSpoken()).isEqualTo("attrs, link");
        page.key(Key.K, true);
        page.key(Key.ENTER, false);
        assertThat(speech.lastSpoken()).isEqualTo("Press Enter to click Fields link, or Escape to cancel.");
        page.key(Key.ENTER, false);
        waitForEvents(2);
        assertThat(desktop.events()).containsExactly("move 49,191", "click");
    }

    @Test
    void enterAsksFirstAndOnlyTheSecondEnterClicks() throws Exception {
        browse.start();
        browse.key(Key.B, false);
        browse.key(Key.ENTER, false);
        assertThat(browse.state()).isEqualTo(State.CONFIRMING);
        assertThat(speech.lastSpoken()).isEqualTo("Press Enter to click Sign in button, or Escape to cancel.");
        Thread.sleep(400);
        assertThat(desktop.events()).isEmpty();
        browse.key(Key.ENTER, false);
        assertThat(speech.spoken()).contains("Clicking Sign in button.");
        waitForEvents(2);
        // The pointer goes to the centre of the button, then clicks; the announcement came first.
        assertThat(desktop.events()).containsExactly("move 1240,87", "click");
    }

    @Test
    void escapeCancelsAProposalAndAnActionStillInItsLeadTime() throws Exception {
        browse.start();
        browse.key(Key.B, false);
        browse.key(Key.ENTER, false);
        assertThat(browse.key(Key.ESCAPE, false)).isEqualTo(Outcome.HANDLED);
        assertThat(speech.lastSpoken()).isEqualTo("Cancelled.");
        assertThat(browse.pending()).isEmpty();
        browse.key(Key.ENTER, false);
        browse.key(Key.ENTER, false);
        assertThat(browse.state()).isEqualTo(State.ACTING);
        browse.key(Key.ESCAPE, false);
        Thread.sleep(500);
        assertThat(desktop.events()).isEmpty();
        assertThat(browse.key(Key.ESCAPE, false)).isEqualTo(Outcome.LEFT_BROWSE_MODE);
    }

    @Test
    void anotherKeyDropsTheProposal() throws Exception {
        browse.start();
        browse.key(Key.B, false);
        browse.key(Key.ENTER, false);
        browse.key(Key.DOWN, false);
        assertThat(browse.pending()).isEmpty();
        browse.key(Key.ENTER, false); // on the next element: asks again, does not act
        Thread.sleep(400);
        assertThat(desktop.events()).isEmpty();
    }

    @Test
    void typingIntoAFieldIsOfferedThenConfirmed() throws Exception {
        browse.start();
        browse.key(Key.F, false);
        browse.key(Key.ENTER, false);
        assertThat(browse.state()).isEqualTo(State.ENTERING_TEXT);
        assertThat(speech.lastSpoken()).startsWith("Search, edit field. Type the text");
        assertThat(browse.key(Key.H, false)).isEqualTo(Outcome.IGNORED); // a letter, typed not a jump
        browse.typed("h");
        browse.typed("ix");
        browse.key(Key.BACK_SPACE, false);
        browse.key(Key.ENTER, false);
        assertThat(speech.lastSpoken()).isEqualTo("Press Enter to type \u201chi\u201d into Search edit field, or Escape to cancel.");
        browse.key(Key.ENTER, false);
        waitForEvents(3);
        assertThat(desktop.events()).containsExactly("move 1050,87", "click", "type hi");
    }

    @Test
    void chatProposalWaitsForTheSameConfirmation() throws Exception {
        browse.start();
        RequestAnswer.Proposal proposal = (RequestAnswer.Proposal) ElementRequests
                .answer("click add to cart", Screens.shop(true)).orElseThrow();
        browse.propose(proposal.action());
        assertThat(speech.lastSpoken()).isEqualTo(proposal.text());
        Thread.sleep(400);
        assertThat(desktop.events()).isEmpty();
        browse.key(Key.ENTER, false);
        waitForEvents(2);
        assertThat(desktop.events()).containsExactly("move 675,323", "click");
    }

    @Test
    void nothingIsClickedInAPictureFromAFile() {
        BrowseViewModel fromFile = new BrowseViewModel(Screens.shop(false), speech, actions);
        fromFile.start();
        fromFile.key(Key.B, false);
        fromFile.key(Key.ENTER, false);
        fromFile.key(Key.ENTER, false);
        assertThat(speech.lastSpoken()).contains("not of the screen");
        assertThat(desktop.events()).isEmpty();
    }

    private void waitForEvents(int count) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (desktop.events().size() < count && System.nanoTime() < end) {
            Thread.sleep(20);
        }
    }

    @Test
    void nothingIsTypedWhenTheKeyboardStayedWithSightlineAfterTheClick() throws Exception {
        try (ScreenActions stuck = new ScreenActions(desktop, speech, Duration.ZERO)) {
            stuck.setOwnWindowHasKeyboard(() -> true);
            org.sightline.vision.elements.Element field = Screens.shop(true).elements().stream()
                    .filter(e -> e.type() == org.sightline.vision.elements.ElementType.FIELD).findFirst().orElseThrow();
            ScreenActions.Outcome outcome = stuck.perform(ProposedAction.type(field, "trail shoes")).outcome()
                    .get(10, TimeUnit.SECONDS);
            assertThat(outcome).isEqualTo(ScreenActions.Outcome.NOT_SEEN);
            assertThat(desktop.events()).as("clicked, never typed").noneMatch(e -> e.startsWith("type"))
                    .contains("click");
            assertThat(speech.lastSpoken()).startsWith("I clicked Search edit field, but the keyboard stayed with"
                    + " Sightline, so nothing was typed.");
        }
    }
}
