package org.sightline.vision.documents;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the page furniture that a reader does not want on every page: page numbers ("12", "- 12 -",
 * "Page 12 of 40", "第 12 页") and running headers and footers, lines at the top or bottom edge of a page that
 * stood at the edge of an earlier page too (with numbers ignored, so "Chapter 3 - 41" matches "Chapter 3 -
 * 43"). Remembers the edges of the pages it has seen, so it works page by page; on the first page only page
 * numbers are recognised.
 */
final class RunningLines {

    /** The share of the page height at the top and at the bottom where furniture stands. */
    static final double EDGE = 0.1;
    private static final Pattern PAGE_NUMBER = Pattern.compile(
            "(?i)^[\\s\\-\u2013\u2014|\\[(]*(?:page\\s*|p\\.\\s*|\u7b2c\\s*)?(\\d{1,4}|[ivxlcdm]{1,7})"
                    + "(?:\\s*(?:of|/|\u5171)\\s*\\d{1,4})?\\s*\u9875?[\\s\\-\u2013\u2014|\\])]*$");

    private final Set<String> seenEdges = new HashSet<>();

    /** A page's lines sorted into what is read and what is furniture, and the printed page number. */
    record Split(List<List<DocumentLine>> content, List<DocumentLine> furniture, Optional<String> label) {
    }

    Split split(List<List<DocumentLine>> blocks, int pageHeight) {
        return split(blocks, pageHeight, line -> false);
    }

    /** As {@link #split(List, int)}, where the lines {@code always} says (a table's rows) always stay content. */
    Split split(List<List<DocumentLine>> blocks, int pageHeight, Predicate<DocumentLine> always) {
        Set<String> edgesHere = new HashSet<>();
        List<DocumentLine> furniture = new ArrayList<>();
        List<List<DocumentLine>> content = new ArrayList<>();
        Optional<String> label = Optional.empty();
        for (List<DocumentLine> block : blocks) {
            List<DocumentLine> kept = new ArrayList<>();
            for (DocumentLine line : block) {
                if (always.test(line) || !atEdge(line, pageHeight)) {
                    kept.add(line);
                    continue;
                }
                String key = key(line.text());
                edgesHere.add(key);
                Matcher number = PAGE_NUMBER.matcher(line.text().strip());
                if (number.matches()) {
                    label = label.or(() -> Optional.of(number.group(1)));
                    furniture.add(line);
                } else if (seenEdges.contains(key)) {
                    furniture.add(line);
                } else {
                    kept.add(line);
                }
            }
            if (!kept.isEmpty()) {
                content.add(kept);
            }
        }
        seenEdges.addAll(edgesHere);
        return new Split(content, furniture, label);
    }

    /** Whether a line is only a page number ("12", "- 12 -", "Page 12 of 40", "第 12 页"). */
    static boolean isPageNumber(String text) {
        return PAGE_NUMBER.matcher(text.strip()).matches();
    }

    /** Whether a line lies in the band at the top or the bottom of the page where furniture stands. */
    static boolean atEdge(DocumentLine line, int pageHeight) {
        return line.box().y + line.box().height <= EDGE * pageHeight || line.box().y >= (1 - EDGE) * pageHeight;
    }

    /** The line with its numbers and spacing ignored. */
    static String key(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("\\d+", "#").replaceAll("\\s+", " ").strip();
    }
}
