package org.sightline.vision.documents;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Superscript digits in a page's text. A text layer sets a footnote mark or a power as smaller, raised digits;
 * they are kept as the Unicode superscript digits ("survey¹", "10²"), so the text says what the page shows
 * instead of running the mark into the word ("survey1"), and the footnote a mark refers to can be found.
 */
public final class Superscripts {

    private static final String NORMAL = "0123456789";
    private static final String RAISED = "\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079";
    /**
     * A reference to a note in running text: raised digits (all of them, not the end of a longer mark), or a
     * dagger, right after a word or one space after it.
     */
    private static final Pattern REFERENCE = Pattern.compile(
            "(?<![" + RAISED + "])(?<=[\\p{L}\\p{N}\\p{P}]\\s?)([" + RAISED + "]+|[\u2020\u2021])");

    private Superscripts() {
    }

    /** The text with its digits raised; other characters are kept. */
    static String raise(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            int at = NORMAL.indexOf(c);
            out.append(at >= 0 ? RAISED.charAt(at) : c);
        }
        return out.toString();
    }

    /** The text with raised digits made plain ("¹²" to "12"); other characters are kept. */
    public static String lower(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            int at = RAISED.indexOf(c);
            out.append(at >= 0 ? NORMAL.charAt(at) : c);
        }
        return out.toString();
    }

    /** The marks that {@code text} refers to as notes ("1" for "survey¹"), in order, each once. */
    public static Set<String> references(String text) {
        Set<String> marks = new LinkedHashSet<>();
        Matcher m = REFERENCE.matcher(text);
        while (m.find()) {
            marks.add(lower(m.group(1)));
        }
        return marks;
    }

    /** The references to notes in {@code text}, for an exporter to replace; group 1 is the raised mark. */
    public static Matcher referenceMatcher(String text) {
        return REFERENCE.matcher(text);
    }
}
