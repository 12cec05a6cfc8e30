package org.sightline.vision.vlm;

/**
 * The instructions sent to the model for each {@link AskMode}, shared by every backend. They ask the
 * model to say what it cannot tell rather than guess: small models invent scenes for blank or plain
 * images unless told that "I can't tell" is a good answer.
 */
public final class PromptTexts {

    /** Recognised text beyond this many characters is cut, so a full page cannot crowd out the image. */
    public static final int MAX_RECOGNISED_CHARS = 2000;

    private static final String UNSURE = " If you are not sure about something, say so; if you cannot tell, say that.";

    private PromptTexts() {
    }

    /** The user-turn text for {@code question}, without any image markers. */
    public static String userText(Question question) {
        return switch (question.mode()) {
            case SHORT_DESCRIPTION -> "Describe this image in one or two sentences." + UNSURE;
            case DETAILED_DESCRIPTION -> "Describe this image in detail: what it shows, its layout, any text, and "
                    + "the main colours." + UNSURE;
            case QUESTION -> question.text().strip();
            case DESCRIBE_WITH_TEXT -> "Describe this image. Text recognised on it, which may contain errors:\n\"\"\"\n"
                    + clip(question.recognisedText()) + "\n\"\"\"\nOnly quote text that appears above." + UNSURE;
        };
    }

    private static String clip(String text) {
        String t = text.strip();
        return t.length() <= MAX_RECOGNISED_CHARS ? t : t.substring(0, MAX_RECOGNISED_CHARS) + " ...";
    }
}
