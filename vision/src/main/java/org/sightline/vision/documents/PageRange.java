package org.sightline.vision.documents;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sightline.error.Problem;
import org.sightline.error.SightlineException;

/** The pages to read, numbered from 1 as the user counts them: {@code 3-7}, {@code 5}, {@code 3-} (to the end). */
public record PageRange(int first, int last) {

    /** Every page. */
    public static final PageRange ALL = new PageRange(1, Integer.MAX_VALUE);

    private static final Pattern FORM = Pattern.compile("\\s*(\\d{1,6})\\s*(?:(-)\\s*(\\d{1,6})?)?\\s*");

    public PageRange {
        if (first < 1 || last < first) {
            throw new SightlineException(Problem.BAD_INPUT, DocumentFiles.MESSAGES.get("pages.invalid", first + "-" + last));
        }
    }

    /**
     * Parses the user's range.
     *
     * @throws SightlineException BAD_INPUT when it is not of a form above
     */
    public static PageRange parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new SightlineException(Problem.BAD_INPUT, DocumentFiles.MESSAGES.get("pages.invalid", text));
        }
        int first = Integer.parseInt(m.group(1));
        if (m.group(2) == null) {
            return new PageRange(first, first);
        }
        int last = m.group(3) == null ? Integer.MAX_VALUE : Integer.parseInt(m.group(3));
        if (first < 1 || last < first) {
            throw new SightlineException(Problem.BAD_INPUT, DocumentFiles.MESSAGES.get("pages.invalid", text));
        }
        return new PageRange(first, last);
    }

    /** How many of a document's {@code pageCount} pages the range selects. */
    public int selected(int pageCount) {
        return Math.max(0, Math.min(last, pageCount) - first + 1);
    }
}
