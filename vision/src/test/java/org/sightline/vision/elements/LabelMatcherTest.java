package org.sightline.vision.elements;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Rectangle;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LabelMatcherTest {

    @ParameterizedTest
    @CsvSource({
        "log in, Sign in",
        "login, Sign in",
        "sign in, Sign In",
        "search, Search products",
        "cart, Basket (0)",
        "register, Create an account",
        "preferences, Settings",
        "sign in, Sign ln",
        "登录, Sign in",
        "forgot password, Forgot password?"
    })
    void wordingDifferencesStillMatch(String query, String label) {
        assertThat(LabelMatcher.score(query, label)).isGreaterThanOrEqualTo(LabelMatcher.THRESHOLD);
    }

    @ParameterizedTest
    @CsvSource({
        "sign in, Sign out",
        "delete, Save changes",
        "search, Privacy policy",
        "next, Back"
    })
    void differentThingsDoNotMatch(String query, String label) {
        assertThat(LabelMatcher.score(query, label)).isLessThan(LabelMatcher.THRESHOLD);
    }

    @Test
    void aTypeHintPicksTheFieldOverAButtonWithTheSameWord() {
        Element button = element(ElementType.BUTTON, "Search");
        Element field = element(ElementType.FIELD, "Search products");
        assertThat(LabelMatcher.best("search", List.of(button, field), ElementType.FIELD)).contains(field);
        assertThat(LabelMatcher.best("search", List.of(button, field), ElementType.BUTTON)).contains(button);
    }

    @Test
    void nothingCloseEnoughIsEmpty() {
        assertThat(LabelMatcher.best("checkout", List.of(element(ElementType.LINK, "Privacy")), null)).isEmpty();
    }

    private static Element element(ElementType type, String label) {
        Rectangle box = new Rectangle(0, 0, 10, 10);
        return new Element(type, label, box, box, 0.9);
    }
}
