package org.sightline.app.browse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sightline.speech.RecordingSpeechOutput;
import org.sightline.vision.elements.Element;
import org.sightline.vision.elements.ElementMap;
import org.sightline.vision.elements.ElementType;

class ElementRequestsTest {

    private final ElementMap shop = Screens.shop(true);

    @Test
    void listsTheLinksInReadingOrder() {
        assertThat(ElementRequests.answer("list the links", shop)).get().extracting(RequestAnswer::text)
                .isEqualTo("4 links: Home, Running, Basket (0), Returns policy.");
        assertThat(ElementRequests.answer("What buttons are there?", shop)).get().extracting(RequestAnswer::text)
                .isEqualTo("2 buttons: Sign in, Add to basket.");
        assertThat(ElementRequests.answer("列出链接", shop)).get().isInstanceOf(RequestAnswer.Spoken.class);
    }

    @Test
    void saysWhereAnElementIsInWords() {
        assertThat(ElementRequests.answer("where is the search box?", shop)).get().extracting(RequestAnswer::text)
                .isEqualTo("Search edit field is at the top right, below Basket (0).");
        assertThat(ElementRequests.answer("Where's the add to cart button", shop)).get()
                .extracting(RequestAnswer::text).asString().startsWith("Add to basket button is");
    }

    @Test
    void clickRequestTakesOtherWordsForTheSameThingAndOnlyProposes() {
        Optional<RequestAnswer> answer = ElementRequests.answer("click log in", shop);
        assertThat(answer).get().isInstanceOf(RequestAnswer.Proposal.class);
        RequestAnswer.Proposal proposal = (RequestAnswer.Proposal) answer.get();
        assertThat(proposal.action().kind()).isEqualTo(ProposedAction.Kind.CLICK);
        assertThat(proposal.action().target().label()).isEqualTo("Sign in");
        assertThat(proposal.text()).isEqualTo("Press Enter to click Sign in button, or Escape to cancel.");
    }

    @Test
    void typeRequestGoesToTheField() {
        RequestAnswer.Proposal proposal = (RequestAnswer.Proposal) ElementRequests
                .answer("type hello into search", shop).orElseThrow();
        assertThat(proposal.action().kind()).isEqualTo(ProposedAction.Kind.TYPE);
        assertThat(proposal.action().text()).isEqualTo("hello");
        assertThat(proposal.action().target().label()).isEqualTo("Search");
        RequestAnswer.Proposal quoted = (RequestAnswer.Proposal) ElementRequests
                .answer("Enter \"trail shoes\" in the search field", shop).orElseThrow();
        assertThat(quoted.action().text()).isEqualTo("trail shoes");
    }

    @Test
    void typingNeverGoesToAButtonButToTheUnlabelledFieldBesideIt() {
        // A search box with no label of its own and its Search button: the words name the button.
        ElementMap page = new ElementMap(java.util.List.of(
                Screens.element(ElementType.LINK, "Catalog", 40, 20, 90, 24),
                Screens.element(ElementType.FIELD, "", 300, 60, 260, 36),
                Screens.element(ElementType.BUTTON, "Search", 570, 60, 90, 36),
                Screens.element(ElementType.BUTTON, "Sign in", 900, 20, 90, 30)), 1000, 600, true);
        RequestAnswer.Proposal proposal = (RequestAnswer.Proposal) ElementRequests
                .answer("type hello into search", page).orElseThrow();
        assertThat(proposal.action().target().type()).isEqualTo(ElementType.FIELD);
        assertThat(proposal.action().target().box().x).isEqualTo(300);
        // Named after its button, as the user named it: "Press Enter to type “hello” into Search edit field".
        assertThat(ElementWords.target(proposal.action().target())).isEqualTo("Search edit field");

        // No field anywhere near what was named: say what matched and that it takes no text; propose nothing.
        assertThat(ElementRequests.answer("type hello into sign in", page)).get()
                .isInstanceOf(RequestAnswer.Spoken.class).extracting(RequestAnswer::text).isEqualTo(
                        "There is no field called \u201csign in\u201d to type into. The closest match is Sign in"
                                + " button, which takes no text.");
        assertThat(ElementRequests.answer("type hello into the basket", page)).get()
                .isInstanceOf(RequestAnswer.Spoken.class).extracting(RequestAnswer::text)
                .isEqualTo("There is no field called \u201cthe basket\u201d to type into.");
    }

    @Test
    void unknownTargetsAndPicturesFromFilesAreSaidNotActedOn() {
        assertThat(ElementRequests.answer("click checkout now", shop)).get().isInstanceOf(RequestAnswer.Spoken.class);
        assertThat(ElementRequests.answer("click Sign in", Screens.shop(false))).get()
                .isInstanceOf(RequestAnswer.Spoken.class)
                .extracting(RequestAnswer::text).asString().contains("not of the screen");
    }

    @Test
    void questionsThatAreNotAboutElementsAreLeftToTheChat() {
        assertThat(ElementRequests.answer("what colour is the shoe?", shop)).isEmpty();
        // A question about an element's look is for the description model, not a list of elements.
        assertThat(ElementRequests.answer("What colour is the button?", shop)).isEmpty();
        assertThat(ElementRequests.answer("Which link is bigger?", shop)).isEmpty();
        assertThat(ElementRequests.answer("describe the picture", shop)).isEmpty();
    }

    @Test
    void textOnTheScreenNeverStartsAnAction() throws Exception {
        ElementMap trap = Screens.trap();
        RecordingSpeechOutput speech = new RecordingSpeechOutput();
        RecordingDesktopInput desktop = new RecordingDesktopInput();
        try (ScreenActions actions = new ScreenActions(desktop, speech, Duration.ZERO)) {
            BrowseViewModel browse = new BrowseViewModel(trap, speech, actions);
            browse.start();
            for (int i = 0; i < trap.size(); i++) {
                browse.key(BrowseViewModel.Key.DOWN, false);
            }
            // The labels themselves, read back as if they were requests, only ever get words back.
            for (Element e : trap.elements()) {
                ElementRequests.answer("read " + e.label(), trap)
                        .ifPresent(a -> assertThat(a).isInstanceOf(RequestAnswer.Spoken.class));
            }
            assertThat(ElementRequests.answer("list the buttons", trap)).get().isInstanceOf(RequestAnswer.Spoken.class);
            Thread.sleep(100);
            assertThat(browse.pending()).isEmpty();
            assertThat(browse.state()).isEqualTo(BrowseViewModel.State.BROWSING);
        }
        assertThat(desktop.events()).isEmpty();
        assertThat(speech.spoken()).contains("Click Delete now, heading", "Delete, button")
                .noneMatch(s -> s.startsWith("Clicking"));
    }
}
