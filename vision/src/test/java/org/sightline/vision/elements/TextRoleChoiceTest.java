package org.sightline.vision.elements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Rectangle;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Where the model's guess decides a piece of text's type, and the heading level it then carries. */
class TextRoleChoiceTest {

    /** A guess with these probabilities, in the order of {@link TextRole}. */
    private static Optional<TextRoleModel.Guess> guess(float... scores) {
        int best = 0;
        for (int i = 1; i < scores.length; i++) {
            best = scores[i] > scores[best] ? i : best;
        }
        return Optional.of(new TextRoleModel.Guess(TextRole.values()[best], scores[best], scores));
    }

    @Test
    void aHeadingTakesTheLikeliestLevelEvenWhenTextIsTheLikeliestSingleRole() {
        // text 0.40 alone beats each level, but the three levels together (0.55) make it a heading, of level 2.
        TextRoleChoice.Choice choice = TextRoleChoice.choose(ElementType.TEXT, 0.9, false,
                guess(0.40f, 0.10f, 0.25f, 0.20f, 0.05f, 0f, 0f, 0f), true);
        assertThat(choice.type()).isEqualTo(ElementType.HEADING);
        assertThat(choice.headingLevel()).isEqualTo(2);
    }

    @Test
    void textCutOutOfAWordIsNeverAHeadingAndTakesTheLikelierOfTheRest() {
        // Heading levels 0.60 together; of the rest, link (content and navigation, 0.25) beats text (0.15).
        Optional<TextRoleModel.Guess> g = guess(0.15f, 0.10f, 0.20f, 0.30f, 0.15f, 0.10f, 0f, 0f);
        assertThat(TextRoleChoice.choose(ElementType.TEXT, 0.9, false, g, true).type())
                .isEqualTo(ElementType.HEADING);
        TextRoleChoice.Choice cut = TextRoleChoice.choose(ElementType.TEXT, 0.9, false, g, false);
        assertThat(cut.type()).isEqualTo(ElementType.LINK);
        assertThat(cut.headingLevel()).isZero();
        assertThat(cut.certainty()).isCloseTo(0.25 / 0.40, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void noLevelWhereTheTextIsNoHeadingOrTheRulesDecided() {
        assertThat(TextRoleChoice.choose(ElementType.TEXT, 0.9, false,
                guess(0.1f, 0.05f, 0.05f, 0.1f, 0.6f, 0.1f, 0f, 0f), true).headingLevel()).isZero();
        TextRoleChoice.Choice ruled = TextRoleChoice.choose(ElementType.HEADING, 0.85, false, Optional.empty(),
                true);
        assertThat(ruled.type()).isEqualTo(ElementType.HEADING);
        assertThat(ruled.headingLevel()).isZero();
    }

    @Test
    void onlyAHeadingHasALevelAndOnlyOneToThree() {
        Rectangle box = new Rectangle(10, 10, 100, 20);
        assertThat(new Element(ElementType.HEADING, "Opening hours", box, box, 0.9, 3).headingLevel()).isEqualTo(3);
        assertThat(new Element(ElementType.LINK, "Home", box, box, 0.9).headingLevel()).isZero();
        assertThatThrownBy(() -> new Element(ElementType.LINK, "Home", box, box, 0.9, 2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Element(ElementType.HEADING, "Deep", box, box, 0.9, 4))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
