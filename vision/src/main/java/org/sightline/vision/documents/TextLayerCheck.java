package org.sightline.vision.documents;

import java.util.List;
import java.util.Locale;
import org.sightline.vision.ocr.Scripts;

/**
 * Decides whether a page's text layer can be read as it is, or the page must be drawn and read by OCR: when
 * there is (almost) no text, when the text is garbage (a font without a usable encoding gives symbols or
 * private-use characters; a poor OCR program gives words without vowels and letters mixed with digits), or
 * when an invisible OCR layer over a scan is not clean enough to trust over Sightline's own OCR.
 */
public final class TextLayerCheck {

    /** Fewer readable characters than this and the page is treated as having no text layer. */
    static final int MIN_CHARACTERS = 12;
    /** The share of plausible words a visible text layer needs. */
    static final double MIN_PLAUSIBLE = 0.7;
    /** The share an invisible layer (someone's OCR) needs: Sightline's OCR is preferred to a doubtful one. */
    static final double MIN_PLAUSIBLE_HIDDEN = 0.9;

    private TextLayerCheck() {
    }

    /** Whether {@code layer} is used as the page's text. */
    public static boolean isUsable(TextLayer layer) {
        String text = String.join(" ", layer.runs().stream().map(DocumentLine::text).toList());
        long readable = text.codePoints().filter(Character::isLetterOrDigit).count();
        if (readable < MIN_CHARACTERS) {
            return false;
        }
        return plausibility(text) >= (layer.hidden() ? MIN_PLAUSIBLE_HIDDEN : MIN_PLAUSIBLE);
    }

    /** The share of the text's characters, weighted by word, that belong to plausible words (0 to 1). */
    public static double plausibility(String text) {
        int total = 0;
        int good = 0;
        for (String token : text.split("\\s+")) {
            String word = strip(token);
            if (word.isEmpty()) {
                // Punctuation alone (dot leaders of a table of contents, a dash) says nothing either way.
                continue;
            }
            total += token.length();
            if (isPlausible(word)) {
                good += token.length();
            }
        }
        return total == 0 ? 0 : (double) good / total;
    }

    /** The word without the punctuation around it (quotes, brackets, a comma or full stop). */
    private static String strip(String token) {
        int start = 0;
        int end = token.length();
        while (start < end && isEdgePunctuation(token.charAt(start))) {
            start++;
        }
        while (end > start && isEdgePunctuation(token.charAt(end - 1))) {
            end--;
        }
        return token.substring(start, end);
    }

    private static boolean isEdgePunctuation(char c) {
        return "\"'()[]{}<>.,;:!?\u201c\u201d\u2018\u2019\u00ab\u00bb-\u2013\u2014*\u2022".indexOf(c) >= 0;
    }

    static boolean isPlausible(String word) {
        if (word.chars().anyMatch(c -> c == 0xFFFD || Character.getType(c) == Character.PRIVATE_USE
                || Character.isISOControl(c))) {
            return false;
        }
        if (word.chars().allMatch(c -> Scripts.writtenWithoutSpaces(c) || !Character.isLetter(c))) {
            // Chinese (no spaces between words), numbers, codes, symbols of a formula: judged by letters alone.
            return word.chars().anyMatch(c -> Scripts.writtenWithoutSpaces(c) || Character.isDigit(c))
                    || word.length() <= 2;
        }
        long letters = word.chars().filter(Character::isLetter).count();
        long digits = word.chars().filter(Character::isDigit).count();
        long other = word.length() - letters - digits;
        if (other > Math.max(1, word.length() / 4)) {
            return false;
        }
        if (digits > 0 && letters > 0 && !looksLikeCode(word)) {
            return false;
        }
        String lower = word.toLowerCase(Locale.ROOT);
        boolean latin = lower.chars().allMatch(c -> c < 0x250 || !Character.isLetter(c));
        if (!latin || letters <= 3) {
            return true;
        }
        // A Latin word of four letters or more has a vowel; identifiers in manuals (snake_case, CamelCase)
        // have one too.
        return lower.chars().anyMatch(c -> "aeiouy\u00e0\u00e1\u00e2\u00e4\u00e8\u00e9\u00ea\u00eb\u00ec\u00ed\u00ee\u00ef\u00f2\u00f3\u00f4\u00f6\u00f9\u00fa\u00fb\u00fc".indexOf(c) >= 0);
    }

    /** Letters and digits mixed as in "v2", "3rd", "A4", "x86_64", "ISO-8859-1" rather than as in "f0x". */
    private static boolean looksLikeCode(String word) {
        return word.matches("(?i)(\\d+(st|nd|rd|th|s|px|pt|mm|cm|kg|ms|mb|gb|kb|x|d))|[a-z]{1,3}\\d+[a-z]?"
                + "|\\d+[a-z]{1,2}\\d*|.*[_./:\\-].*|[A-Z0-9]+");
    }
}
