package org.sightline.speech.braille;

import java.util.Optional;

/** One BrlAPI connection holding the display for Sightline's terminal, as {@link BrailleOutput} uses it. */
interface BrailleDisplay extends AutoCloseable {

    /** How many cells the display has on its line; 0 while BRLTTY has no display. */
    int cells();

    /** Shows {@code text} (as wide as the display, or narrower) from the first cell. */
    void show(String text);

    /** The next key from the display that Sightline uses, or empty after {@code timeoutMillis}. */
    Optional<BrlApi.Command> readCommand(int timeoutMillis);

    @Override
    void close();
}
