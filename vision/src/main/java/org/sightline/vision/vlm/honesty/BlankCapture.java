package org.sightline.vision.vlm.honesty;

import java.awt.image.BufferedImage;
import java.util.Optional;
import org.sightline.vision.image.BlankImage;

/**
 * The check that runs before any model: a blank or near-uniform capture (a screen curtain, a lens cap, a
 * black frame) is reported as such instead of being handed to a model that would invent a scene for it.
 */
public final class BlankCapture {

    private BlankCapture() {
    }

    /** The sentence to speak when {@code image} is blank; empty when there is something to describe. */
    public static Optional<String> message(BufferedImage image) {
        return BlankImage.message(image);
    }
}
