package org.sightline.vision.vlm.honesty;

import java.awt.image.BufferedImage;
import java.util.Optional;
import org.sightline.i18n.Messages;
import org.sightline.vision.image.ImageStats;

/**
 * The check that runs before any model: a blank or near-uniform capture (a screen curtain, a lens cap, a
 * black frame) is reported as such instead of being handed to a model that would invent a scene for it.
 */
public final class BlankCapture {

    private static final Messages MESSAGES = new Messages("org.sightline.vision.vlm.messages");

    private BlankCapture() {
    }

    /** The sentence to speak when {@code image} is blank; empty when there is something to describe. */
    public static Optional<String> message(BufferedImage image) {
        return ImageStats.of(image).isBlank() ? Optional.of(MESSAGES.get("vlm.blank")) : Optional.empty();
    }
}
