package org.sightline.vision.elements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Rectangle;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A heading whose text is a link counts as a heading and as a link, and only a heading can be one. */
class ElementTest {

    private static final Rectangle BOX = new Rectangle(24, 180, 50, 22);

    @Test
    void aHeadingThatIsALinkIsFoundAmongTheHeadingsAndTheLinksAndCanBeClicked() {
        Element title = new Element(ElementType.HEADING, "Fields", BOX, BOX, 0.8, 3, true);
        Element plain = new Element(ElementType.HEADING, "Struct PatBox", BOX, BOX, 0.8, 1);
        Element link = new Element(ElementType.LINK, "attrs", BOX, BOX, 0.8);
        ElementMap map = new ElementMap(List.of(title, plain, link), 1280, 800, true);
        assertThat(map.ofType(ElementType.HEADING)).containsExactly(title, plain);
        assertThat(map.ofType(ElementType.LINK)).containsExactly(title, link);
        assertThat(title.isClickable()).isTrue();
        assertThat(plain.isClickable()).isFalse();
        assertThat(title.is(ElementType.BUTTON)).isFalse();
        assertThat(map.counts()).containsEntry("heading", 2).containsEntry("link", 1);
    }

    @Test
    void onlyAHeadingIsMarkedAsAlsoALink() {
        assertThatThrownBy(() -> new Element(ElementType.BUTTON, "Go", BOX, BOX, 0.8, 0, true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a BUTTON");
    }
}
