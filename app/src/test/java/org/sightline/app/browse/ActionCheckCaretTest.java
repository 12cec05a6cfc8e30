package org.sightline.app.browse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The text caret after typed text is not part of what the field shows (seen: "hellol" read for "hello"). */
class ActionCheckCaretTest {

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "hellol; hello; hello",
            "hello|; hello; hello",
            "helloI; hello; hello",
            "hello; hello; hello",
            // Anything else the field shows is kept: it is what the user must hear about.
            "hellox; hello; hellox",
            "hello world; hello; hello world",
            "jello; hello; jello",
            "hel; hello; hel"})
    void onlyACaretRightAfterTheTypedTextIsLeftOut(String read, String typed, String shown) {
        assertThat(ActionCheck.withoutCaret(read, typed)).isEqualTo(shown);
    }
}
