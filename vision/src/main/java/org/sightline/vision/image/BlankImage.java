package org.sightline.vision.image;

import java.awt.image.BufferedImage;
import java.util.Optional;
import org.sightline.error.Problem;
import org.sightline.error.SightlineException;
import org.sightline.i18n.Messages;

/**
 * The one sentence for a blank or near-uniform capture (a screen curtain, a lens cap, a black frame), said
 * before any model runs, and the checks that use it. Every feature says the same words, so they live here once.
 */
public final class BlankImage {

    private static final Messages MESSAGES = new Messages("org.sightline.vision.image.messages");

    private BlankImage() {
    }

    /** "The capture is blank; is a screen curtain on?", in the user's language. */
    public static String sentence() {
        return MESSAGES.get("image.blank");
    }

    /** The sentence when {@code image} is blank; empty when there is something to look at. */
    public static Optional<String> message(BufferedImage image) {
        return ImageStats.of(image).isBlank() ? Optional.of(sentence()) : Optional.empty();
    }

    /**
     * Refuses a blank image before any model is loaded or run.
     *
     * @throws SightlineException BAD_INPUT with the sentence when the image is blank
     */
    public static void refuse(BufferedImage image) {
        if (ImageStats.of(image).isBlank()) {
            throw new SightlineException(Problem.BAD_INPUT, sentence());
        }
    }
}
