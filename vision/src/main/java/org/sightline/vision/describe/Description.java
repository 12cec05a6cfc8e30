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
 * @param closerLook   after the first answer about an image the model looked at quickly: that a closer look is
 *                     available and how to ask for it
 */
public record Description(Kind kind, String text, Optional<String> caution, Optional<String> downloadHint,
                          Optional<String> closerLook) {

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
        Objects.requireNonNull(closerLook, "closerLook");
    }

    static Description blank(String sentence) {
        return new Description(Kind.BLANK, sentence, Optional.empty(), Optional.empty(), Optional.empty());
    }

    static Description answer(String text, Optional<String> caution, Optional<String> closerLook) {
        return new Description(Kind.ANSWER, text, caution, Optional.empty(), closerLook);
    }

    static Description summary(String text, Optional<String> downloadHint) {
        return new Description(Kind.SUMMARY, text, Optional.empty(), downloadHint, Optional.empty());
    }
}
