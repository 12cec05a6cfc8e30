package org.sightline.vision.describe;

import java.util.Objects;
import java.util.Optional;

/**
 * What a description came to.
 *
 * @param kind         a blank capture, a model's answer, or a summary of text and layout
 * @param text         the blank sentence, the answer (without the caution), or the summary
 * @param caution      after an answer that quotes text OCR did not find on the image: the sentence saying so
 * @param downloadHint after the first summary given because no model is installed: how to get one
 */
public record Description(Kind kind, String text, Optional<String> caution, Optional<String> downloadHint) {

    /** What kind of text a description holds. */
    public enum Kind {
        /** The capture is blank; no model ran. */
        BLANK,
        /** A vision-language model answered. */
        ANSWER,
        /** No model: what the text and layout show for sure. */
        SUMMARY
    }

    public Description {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(caution, "caution");
        Objects.requireNonNull(downloadHint, "downloadHint");
    }

    static Description blank(String sentence) {
        return new Description(Kind.BLANK, sentence, Optional.empty(), Optional.empty());
    }

    static Description answer(String text, Optional<String> caution) {
        return new Description(Kind.ANSWER, text, caution, Optional.empty());
    }

    static Description summary(String text, Optional<String> downloadHint) {
        return new Description(Kind.SUMMARY, text, Optional.empty(), downloadHint);
    }
}
