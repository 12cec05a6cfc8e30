package org.sightline.vision.live;

import java.awt.Rectangle;
import java.time.Instant;
import java.util.Objects;

/**
 * A line to tell the user: its text, where it is in the watched frame (frame pixels), when it was seen, whether
 * it should cut off what is still being spoken ({@code interrupts}, the "latest first" policy), and whether it
 * is a new value of a line that keeps changing ({@code update}, such as a percentage) rather than a new line.
 */
public record LiveLine(String text, Rectangle box, Instant seenAt, boolean interrupts, boolean update) {

    public LiveLine {
        Objects.requireNonNull(text, "text");
        box = new Rectangle(Objects.requireNonNull(box, "box"));
        Objects.requireNonNull(seenAt, "seenAt");
    }

    @Override
    public Rectangle box() {
        return new Rectangle(box);
    }
}
