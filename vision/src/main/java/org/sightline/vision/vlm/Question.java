package org.sightline.vision.vlm;

import java.util.Objects;

/**
 * One thing asked about an image. {@code text} is the user's question (only for
 * {@link AskMode#QUESTION}); {@code recognisedText} is what OCR read on the same image, or null when OCR
 * did not run. It is put into the prompt for {@link AskMode#DESCRIBE_WITH_TEXT} and used afterwards to
 * check quotes in every answer.
 */
public record Question(AskMode mode, String text, String recognisedText) {

    public Question {
        Objects.requireNonNull(mode, "mode");
        if (mode == AskMode.QUESTION && (text == null || text.isBlank())) {
            throw new IllegalArgumentException("a question needs its text");
        }
        if (mode == AskMode.DESCRIBE_WITH_TEXT && recognisedText == null) {
            throw new IllegalArgumentException("describing with text needs the recognised text");
        }
    }

    public static Question shortDescription() {
        return new Question(AskMode.SHORT_DESCRIPTION, null, null);
    }

    public static Question detailedDescription() {
        return new Question(AskMode.DETAILED_DESCRIPTION, null, null);
    }

    public static Question of(String question) {
        return new Question(AskMode.QUESTION, question, null);
    }

    public static Question describeWithText(String recognisedText) {
        return new Question(AskMode.DESCRIBE_WITH_TEXT, null, recognisedText);
    }

    /** The same question, with the text OCR found on the image attached for the quote check. */
    public Question withRecognisedText(String ocrText) {
        return new Question(mode, text, ocrText);
    }
}
