package org.sightline.vision.vlm.honesty;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sightline.i18n.Messages;

class QuoteCheckTest {

    private Locale saved;

    @BeforeEach
    void english() {
        saved = Messages.locale();
        Messages.setLocale(Locale.ENGLISH);
    }

    @AfterEach
    void restore() {
        Messages.setLocale(saved);
    }

    private static final String OCR = "File  Edit  View\nSave Flle 2024: Open Settings\nCancel   OK";

    @Test
    void quotesFoundOnTheImageNeedNoCaution() {
        assertThat(QuoteCheck.caution("A dialog titled \"Save File 2024\" with buttons 'Cancel' and “OK”.", OCR)).isEmpty();
        assertThat(QuoteCheck.caution("The button says open settings.", OCR)).isEmpty();
    }

    @Test
    void aQuoteMissingFromTheRecognisedTextIsFollowedByACaution() {
        assertThat(QuoteCheck.caution("The heading reads \"Quarterly Report\".", OCR))
                .hasValue("Careful: the answer quotes \"Quarterly Report\", but text recognition did not find that on the image.");
        assertThat(QuoteCheck.caution("The sign says Closed for lunch.", OCR)).isPresent();
    }

    @Test
    void claimsAreExtractedFromQuotesAndFromSaysAndReads() {
        assertThat(QuoteCheck.claims("It says: Welcome home. The title is \"Inbox\" and ‘Drafts’; it reads well."))
                .contains("Welcome home", "Inbox", "Drafts")
                .doesNotContain("well");
        assertThat(QuoteCheck.claims("The cat's toy isn't here.")).isEmpty();
    }

    @Test
    void withoutRecognisedTextThereIsNothingToCheck() {
        assertThat(QuoteCheck.caution("It says \"Hello\".", null)).isEmpty();
        assertThat(QuoteCheck.caution("It says \"Hello\".", "")).isPresent();
    }

    @Test
    void matchingForgivesCaseSpacingAndSmallRecognitionSlips() {
        assertThat(QuoteCheck.found(QuoteCheck.normalise("SAVE FILE"), QuoteCheck.normalise(OCR))).isTrue();
        assertThat(QuoteCheck.found(QuoteCheck.normalise("Open Setings"), QuoteCheck.normalise(OCR))).isTrue();
        assertThat(QuoteCheck.found(QuoteCheck.normalise("Print"), QuoteCheck.normalise(OCR))).isFalse();
    }
}
