package org.sightline.app.watch;

import java.awt.Rectangle;
import java.util.Optional;

/**
 * A region typed as "X,Y,W,H": the command line's {@code watch region} and the app's region prompt read it the
 * same way. Commas or spaces separate the four whole numbers, so "100, 200, 400, 300" and "100 200 400 300"
 * both work; width and height must be positive.
 */
public final class WatchRegions {

    private WatchRegions() {
    }

    /** The rectangle, or empty when {@code text} is not four whole numbers with a positive width and height. */
    public static Optional<Rectangle> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String[] parts = text.strip().split("\\s*[,\\s]\\s*");
        if (parts.length != 4) {
            return Optional.empty();
        }
        try {
            Rectangle r = new Rectangle(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]),
                    Integer.parseInt(parts[2]), Integer.parseInt(parts[3]));
            return r.width > 0 && r.height > 0 ? Optional.of(r) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
