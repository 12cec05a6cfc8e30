package org.sightline.vision.ocr.ppocr;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Settles 0 and O where the whole word says which it is, for the names that code and manuals print: in a name
 * of capitals joined by underscores ({@code MD4_BLOCK_SIZE}) a 0 between two capitals is the letter O
 * ("MD4_BL0CK_SIZE") and an O after two or more digits is a zero ("RIPEMD16O_DIGEST_SIZE"); in a version
 * joined to a name by a hyphen ({@code debhello-0.0.tar.gz}) a lone O between dots is a zero
 * ("debhello-O.O.tar.gz"). Words without such a shape are left alone (so "H2O", "CO2" and "O.K." stay). One
 * character for one, so confidences stay aligned.
 */
final class IdentifierRepair {

    /** A word of capitals, digits and underscores with at least one underscore between two of them. */
    private static final Pattern CONSTANT =
            Pattern.compile("(?<![\\p{L}\\p{N}_])[A-Z0-9]+(?:_[A-Z0-9]+)+(?![\\p{L}\\p{N}_])");
    /** A zero with a capital on each side. */
    private static final Pattern ZERO_IN_LETTERS = Pattern.compile("(?<=[A-Z])0+(?=[A-Z])");
    /** A letter O that ends a run of at least two digits. */
    private static final Pattern O_AFTER_DIGITS = Pattern.compile("(?<=\\d\\d)O+(?![A-Z])");
    /** A version after a name and a hyphen: parts of digits or a lone O, joined by dots, at least two. */
    private static final Pattern VERSION =
            Pattern.compile("(?<=\\p{L}-)(?:\\d+|[Oo])(?:\\.(?:\\d+|[Oo]))+(?=[.\\s]|$)");

    private IdentifierRepair() {
    }

    static String repair(String text) {
        StringBuilder sb = new StringBuilder(text);
        Matcher constant = CONSTANT.matcher(text);
        while (constant.find()) {
            String word = constant.group();
            String fixed = O_AFTER_DIGITS.matcher(word).replaceAll(m -> "0".repeat(m.group().length()));
            fixed = ZERO_IN_LETTERS.matcher(fixed).replaceAll(m -> "O".repeat(m.group().length()));
            sb.replace(constant.start(), constant.end(), fixed);
        }
        Matcher version = VERSION.matcher(sb.toString());
        while (version.find()) {
            String fixed = version.group().replaceAll("[Oo]", "0");
            sb.replace(version.start(), version.end(), fixed);
        }
        return sb.toString();
    }
}
