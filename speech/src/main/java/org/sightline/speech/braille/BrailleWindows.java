package org.sightline.speech.braille;

import java.util.ArrayList;
import java.util.List;

/**
 * A message cut into pieces as wide as the braille display, the way a reader pans through it. Breaks fall
 * between words where a word fits, so that a word is not split across two windows unless it is wider than the
 * display itself; runs of white space (line breaks included) read as one space, since the display has one line.
 */
public record BrailleWindows(List<String> windows) {

    public BrailleWindows {
        windows = List.copyOf(windows);
        if (windows.isEmpty()) {
            throw new IllegalArgumentException("at least one window, possibly empty");
        }
    }

    /** The windows of {@code text} on a display of {@code width} cells. */
    public static BrailleWindows of(String text, int width) {
        if (width < 1) {
            throw new IllegalArgumentException("width " + width);
        }
        String rest = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        List<String> out = new ArrayList<>();
        while (rest.length() > width) {
            int cut = rest.lastIndexOf(' ', width);
            if (cut <= 0) {
                cut = width;
            }
            out.add(rest.substring(0, cut).strip());
            rest = rest.substring(cut).strip();
        }
        out.add(rest);
        return new BrailleWindows(out);
    }

    public int count() {
        return windows.size();
    }

    /** Window {@code index}, clamped to the first and last. */
    public String window(int index) {
        return windows.get(Math.max(0, Math.min(windows.size() - 1, index)));
    }
}
