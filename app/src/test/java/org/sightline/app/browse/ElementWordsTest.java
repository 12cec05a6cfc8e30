package org.sightline.app.browse;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Rectangle;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sightline.i18n.Messages;
import org.sightline.vision.elements.Element;
import org.sightline.vision.elements.ElementMap;
import org.sightline.vision.elements.ElementState;
import org.sightline.vision.elements.ElementType;

/** How browse mode names an element it arrives on. */
class ElementWordsTest {

    private Locale before;

    @BeforeEach
    void english() {
        before = Messages.locale();
        Messages.setLocale(Locale.ENGLISH);
    }

    @AfterEach
    void restore() {
        Messages.setLocale(before);
    }

    private static Element element(ElementType type, String label) {
        Rectangle box = new Rectangle(10, 10, 20, 20);
        return new Element(type, label, box, box, 0.8);
    }

    @Test
    void aButtonWithOnlyAnIconIsCalledSoAndGivenNoName() {
        assertThat(ElementWords.spoken(element(ElementType.BUTTON, ""))).isEqualTo("button, icon");
    }

    @Test
    void inChineseToo() {
        Messages.setLocale(Locale.SIMPLIFIED_CHINESE);
        assertThat(ElementWords.spoken(element(ElementType.BUTTON, ""))).isEqualTo("按钮，图标");
    }

    @Test
    void inBrowseModeAnIconButtonSaysWhereItIsSinceItsNameCannotBeRead() {
        Rectangle field = new Rectangle(900, 12, 240, 30);
        Rectangle icon = new Rectangle(1160, 14, 26, 26);
        Rectangle menu = new Rectangle(12, 14, 26, 26);
        Element search = new Element(ElementType.FIELD, "Search", field, field, 0.8);
        Element close = new Element(ElementType.BUTTON, "", icon, icon, 0.8);
        Element hamburger = new Element(ElementType.BUTTON, "", menu, menu, 0.8);
        ElementMap map = new ElementMap(List.of(hamburger, search, close), 1280, 800, true);
        assertThat(ElementWords.spoken(close, map)).isEqualTo("button, icon, at the top right, right of Search");
        assertThat(ElementWords.spoken(hamburger, map)).isEqualTo("button, icon, at the top left");
        assertThat(ElementWords.spoken(search, map)).isEqualTo("Search, edit field");
        Messages.setLocale(Locale.SIMPLIFIED_CHINESE);
        assertThat(ElementWords.spoken(close, map)).isEqualTo("按钮，图标，顶部右侧，Search右边");
    }

    @Test
    void aDisclosureSaysTheStateItsMarkShowsAfterItsType() {
        Rectangle box = new Rectangle(40, 20, 120, 20);
        Element closed = new Element(ElementType.BUTTON, "Changelog", box, box, 0.7, 0, false, ElementState.COLLAPSED);
        Element open = new Element(ElementType.BUTTON, "impl Clone for Fuse", box, box, 0.7, 0, false,
                ElementState.EXPANDED);
        assertThat(ElementWords.spoken(closed)).isEqualTo("Changelog, button, collapsed");
        assertThat(ElementWords.spoken(open)).isEqualTo("impl Clone for Fuse, button, expanded");
        Messages.setLocale(Locale.SIMPLIFIED_CHINESE);
        assertThat(ElementWords.spoken(closed)).isEqualTo("Changelog，按钮，已折叠");
    }

    @Test
    void labelledElementsAndOtherUnlabelledOnesAreAsBefore() {
        assertThat(ElementWords.spoken(element(ElementType.BUTTON, "Search"))).isEqualTo("Search, button");
        assertThat(ElementWords.spoken(element(ElementType.IMAGE, ""))).isEqualTo("graphic");
    }
}
