package org.sightline.vision.vlm;

/** What a user wants to know about an image. */
public enum AskMode {
    /** One or two sentences: the default answer to "what is this?". */
    SHORT_DESCRIPTION,
    /** Layout, objects, text and colours, for when the short answer was not enough. */
    DETAILED_DESCRIPTION,
    /** The user's own question. */
    QUESTION,
    /** A description grounded in the text recognised on the image, which is put into the prompt. */
    DESCRIBE_WITH_TEXT
}
