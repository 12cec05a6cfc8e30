package org.sightline.vision.elements;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Disclosure buttons: a small mark just before the start of a line that opens or closes what follows it, a solid
 * triangle pointing right or down (an HTML {@code <summary>}: "▶ Changelog") or a bar in brackets or a box
 * ("[−] impl Clone for Fuse", rustdoc's toggles). OCR reads the line but not the mark, so the mark is looked for
 * in the pixels left of each line's first text. The button covers the mark and that text and is named by the
 * row's text; the text keeps its own element (a heading, a link) as well.
 */
final class DisclosureFinder {

    /** The mark lies within this many line heights left of its text. */
    private static final double SEARCH_WIDTH = 2.5;
    /** A mark is at least this share of its line's height tall, and at most the next. */
    private static final double MIN_SIZE = 0.35;
    private static final double MAX_SIZE = 1.2;
    /**
     * Columns of ink with gaps of at most this many pixels (or an eighth of the line's height) between them are one
     * mark ("[", "−" and "]").
     */
    private static final int MARK_GAP = 2;
    /** A solid triangle fills between these shares of its box (half, drawn with anti-aliasing). */
    private static final double TRIANGLE_MIN_FILL = 0.35;
    private static final double TRIANGLE_MAX_FILL = 0.7;
    /** A stroke (a bracket's side, the bar) covers at least this share of its column or row. */
    private static final double STROKE = 0.6;
    /** Inside a bracketed bar, apart from the strokes, at most this share of the pixels is ink. */
    private static final double EMPTY_INSIDE = 0.15;
    /** The upright of a cross covers at least this share of its mark's height ("+" in brackets: about half). */
    private static final double CROSS_STROKE = 0.4;

    /** A summary line has at most this many words; more, or a full stop, is running text. */
    private static final int SUMMARY_WORDS = 8;
    /** Triangles this many pixels apart in x, at most this many rows apart, stand in one column. */
    private static final int COLUMN_SLACK = 3;
    private static final int TREE_ROWS = 3;
    /** What OCR reads a mark as, when it reads it at all. */
    private static final Pattern MARK_TEXT = Pattern.compile("^(\\[[^\\]\\w]{0,2}\\]|[▶▼▸▾►>])\\s*");

    /** What OCR may read a mark inside its line as: a digit or signs, no letter, before a space. */
    private static final Pattern MARK_READ = Pattern.compile("^[^\\p{L}\\s]{1,2}\\s+");

    private final PageText page;
    private final Pixels pixels;

    DisclosureFinder(PageText page) {
        this.page = page;
        this.pixels = page.pixels;
    }

    /**
     * The disclosure buttons of the page, each over its mark and the first text of its row. A triangle standing
     * in a column of marks, one before each of several rows close together, is a tree's or a list's (a
     * documentation tree of links, a list drawn with triangle bullets), not a disclosure of its own: only a lone
     * triangle counts. A bracketed bar is a toggle wherever it stands.
     */
    List<Found> find() {
        List<Mark> marks = new ArrayList<>();
        for (TextSegment s : page.segments) {
            if (!s.consumed && !startsAfterOtherText(s)) {
                Mark mark = markBefore(s);
                if (mark != null) {
                    marks.add(mark);
                }
            }
        }
        List<Found> found = new ArrayList<>();
        for (Mark mark : marks) {
            Rectangle m = mark.box();
            int reach = TREE_ROWS * mark.line().box.height;
            boolean inColumn = mark.shape().triangle() && marks.stream().anyMatch(o -> o != mark
                    && o.shape().triangle() && Math.abs(o.box().x - m.x) <= COLUMN_SLACK
                    && Math.abs(o.box().y - m.y) <= reach);
            String label = withoutMark(rowText(mark.line()));
            if (m.x >= mark.line().box.x - 1) {
                // OCR took the mark into the line and may have read it as a digit or a sign ("7 conjure.c").
                label = MARK_READ.matcher(label).replaceFirst("");
            }
            if (mark.shape() == Shape.OTHER || label.isBlank() || readAsWord(mark)) {
                continue;
            }
            if (inColumn) {
                // A tree's expander (Doxygen's navigation tree): a link of its own, the mark alone, that opens or
                // closes the row's branch; the row's text is the link to its page.
                found.add(new Found(ElementType.LINK, label, m, 0.6, 0, false, mark.shape().state()));
                continue;
            }
            if (!mark.sized()) {
                continue;
            }
            // A summary line opens or closes when clicked anywhere; beside running text the mark alone does
            // (rustdoc's toggle of a description), so the button is the mark there.
            boolean sentence = label.split("\\s+").length > SUMMARY_WORDS || label.endsWith(".");
            found.add(new Found(ElementType.BUTTON, label, sentence ? m : m.union(mark.line().box), 0.7, 0, false,
                    mark.shape().state()));
        }
        return found;
    }

    /**
     * Whether the mark is the line's first word, which OCR read as letters: a mark inside the line's box that OCR
     * took for a word of two letters or more, about the mark's width ("In" at the start of a paragraph, whose I and
     * n stand like a bracket's sides), is that word. OCR reads a real mark as a sign, a digit or a bracket, or not
     * at all.
     */
    private static boolean readAsWord(Mark mark) {
        TextSegment line = mark.line();
        if (mark.box().x < line.box.x - 1) {
            return false;
        }
        String text = line.text.strip();
        String first = text.split("\\s+", 2)[0];
        // OCR's box may take in a mark it did not read ("Installation" from "▸ Installation"): then its first word
        // is far wider than the mark. The word's width is guessed by its share of the line's characters.
        double wordWidth = (double) line.box.width * first.length() / Math.max(1, text.length());
        return FIRST_WORD.matcher(first).matches() && wordWidth >= 0.4 * mark.box().width
                && wordWidth <= 2.5 * mark.box().width;
    }

    /** A word of letters, as OCR reads the first word of a line. */
    private static final Pattern FIRST_WORD = Pattern.compile("\\p{L}{2,}");

    /** Whether other text stands just left of {@code s} on its row: then {@code s} does not start the line. */
    private boolean startsAfterOtherText(TextSegment s) {
        double reach = SEARCH_WIDTH * s.box.height;
        return page.segments.stream().anyMatch(o -> o != s && o.sameRow(s) && o.box.x < s.box.x
                && o.box.x + o.box.width > s.box.x - reach);
    }

    /**
     * What a mark before a line looks like: a disclosure's triangle (pointing right: closed; down: open), its bar
     * in brackets ("[−]": open) or cross ("[+]": closed), or something else.
     */
    private enum Shape {
        TRIANGLE_RIGHT, TRIANGLE_DOWN, BAR, CROSS, OTHER;

        boolean triangle() {
            return this == TRIANGLE_RIGHT || this == TRIANGLE_DOWN;
        }

        /** The state the mark shows its block in. */
        ElementState state() {
            return this == TRIANGLE_DOWN || this == BAR ? ElementState.EXPANDED : ElementState.COLLAPSED;
        }
    }

    /**
     * A mark before the text {@code line}: its box and shape, whether it has a disclosure's size for its line (a
     * triangle of another size still counts as one of a column of triangles, a tree's, never as a disclosure).
     */
    private record Mark(TextSegment line, Rectangle box, Shape shape, boolean sized) {
    }

    /** The text without what OCR made of the mark at its start ("[]", "[-]", "▶", ">"). */
    private static String withoutMark(String text) {
        return MARK_TEXT.matcher(text).replaceFirst("");
    }

    /** The row's text from {@code s} on, while the gaps between its pieces stay those of words. */
    private String rowText(TextSegment s) {
        List<TextSegment> row = page.segments.stream().filter(o -> o.sameRow(s) && o.box.x >= s.box.x)
                .sorted((a, b) -> Integer.compare(a.box.x, b.box.x)).toList();
        StringBuilder text = new StringBuilder();
        int right = s.box.x;
        for (TextSegment o : row) {
            if (o.box.x - right > 1.5 * s.box.height) {
                break;
            }
            text.append(text.isEmpty() ? "" : " ").append(o.text);
            right = Math.max(right, o.box.x + o.box.width);
        }
        return text.toString();
    }

    /**
     * The mark before {@code s}'s first line: the first ink left of its text (or at the very start of its box, where
     * OCR took the mark in), nothing before it in the search, a word space after it; of any size and shape, which
     * the mark records. Null when there is none.
     */
    private Mark markBefore(TextSegment s) {
        int lineHeight = Math.min(s.box.height, (int) Math.ceil(1.6 * page.bodyHeight));
        int top = s.box.y;
        int bottom = Math.min(pixels.height, s.box.y + lineHeight);
        int left = Math.max(0, s.box.x - (int) (SEARCH_WIDTH * lineHeight));
        int background = s.background;
        // The first ink from the left, where nothing stands before the line's text: the mark may lie just before the
        // text's box or at its start (OCR's box often takes in a triangle it does not read).
        int joins = Math.max(MARK_GAP, (int) (0.12 * lineHeight));
        int end = Math.min(pixels.width - 1, s.box.x + (int) (0.3 * lineHeight));
        int markLeft = -1;
        for (int x = left; x <= end && markLeft < 0; x++) {
            if (columnHasInk(x, top, bottom, background)) {
                markLeft = x;
            }
        }
        if (markLeft <= left) {
            return null; // none, or ink running in from further left
        }
        int markRight = markLeft;
        int gap = 0;
        for (int c = markLeft + 1; c < pixels.width && gap <= joins; c++) {
            if (columnHasInk(c, top, bottom, background)) {
                markRight = c;
                gap = 0;
            } else {
                gap++;
            }
        }
        // A space after it, as after a word: letters of one word stand closer.
        int space = Math.max(joins + 2, (int) (0.25 * lineHeight));
        for (int k = markRight + 1; k <= markRight + space && k < pixels.width; k++) {
            if (columnHasInk(k, top, bottom, background)) {
                return null;
            }
        }
        int markTop = -1;
        int markBottom = -1;
        for (int y = top; y < bottom; y++) {
            for (int x = markLeft; x <= markRight; x++) {
                if (pixels.inkAt(x, y, background)) {
                    markTop = markTop < 0 ? y : markTop;
                    markBottom = y;
                    break;
                }
            }
        }
        Rectangle mark = new Rectangle(markLeft, markTop, markRight - markLeft + 1, markBottom - markTop + 1);
        boolean sized = mark.height >= MIN_SIZE * lineHeight && mark.height <= MAX_SIZE * lineHeight
                && mark.width >= MIN_SIZE * lineHeight && mark.width <= MAX_SIZE * lineHeight;
        Shape shape = triangle(mark, background);
        return new Mark(s, mark, shape == Shape.OTHER ? bracketedBar(mark, background) : shape, sized);
    }

    private boolean columnHasInk(int x, int top, int bottom, int background) {
        for (int y = top; y < bottom; y++) {
            if (pixels.inkAt(x, y, background)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code m} is a solid triangle pointing right (its columns shorten left to right) or down (its rows
     * narrow downwards); {@link Shape#OTHER} when it is neither.
     */
    private Shape triangle(Rectangle m, int background) {
        int[] columns = new int[m.width];
        int[] rows = new int[m.height];
        int ink = 0;
        for (int y = 0; y < m.height; y++) {
            for (int x = 0; x < m.width; x++) {
                if (pixels.inkAt(m.x + x, m.y + y, background)) {
                    columns[x]++;
                    rows[y]++;
                    ink++;
                }
            }
        }
        double fill = ink / (double) (m.width * m.height);
        if (fill < TRIANGLE_MIN_FILL || fill > TRIANGLE_MAX_FILL) {
            return Shape.OTHER;
        }
        return narrowing(columns, m.height) ? Shape.TRIANGLE_RIGHT
                : narrowing(rows, m.width) ? Shape.TRIANGLE_DOWN : Shape.OTHER;
    }

    /** Whether counts start near {@code full} and fall, never rising by more than a pixel, to under half. */
    private static boolean narrowing(int[] counts, int full) {
        if (counts[0] < 0.8 * full || counts[counts.length - 1] > 0.5 * full) {
            return false;
        }
        for (int i = 1; i < counts.length; i++) {
            if (counts[i] > counts[i - 1] + 1) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether {@code m} is a bar in brackets or in a box ("[−]", "⊟") or a cross ("[+]", "⊞"): strokes down both
     * sides, a bar across the middle (and for a cross one down it), and nothing else inside; {@link Shape#OTHER}
     * when it is neither.
     */
    private Shape bracketedBar(Rectangle m, int background) {
        if (m.width < 5 || m.height < 5) {
            return Shape.OTHER;
        }
        int midY = m.height / 2;
        int midX = m.width / 2;
        boolean sides = columnShare(m, 0, background) >= STROKE && columnShare(m, m.width - 1, background) >= STROKE;
        boolean bar = Math.max(rowShare(m, midY, background),
                Math.max(rowShare(m, midY - 1, background), rowShare(m, midY + 1, background))) >= STROKE;
        if (!sides || !bar) {
            return Shape.OTHER;
        }
        boolean cross = Math.max(columnShare(m, midX, background),
                Math.max(columnShare(m, midX - 1, background), columnShare(m, midX + 1, background))) >= CROSS_STROKE;
        int inside = 0;
        int total = 0;
        for (int y = 1; y < m.height - 1; y++) {
            for (int x = 2; x < m.width - 2; x++) {
                boolean onBar = Math.abs(y - midY) <= 1 || cross && Math.abs(x - midX) <= 1;
                if (!onBar) {
                    total++;
                    inside += pixels.inkAt(m.x + x, m.y + y, background) ? 1 : 0;
                }
            }
        }
        return total == 0 || inside > EMPTY_INSIDE * total ? Shape.OTHER : cross ? Shape.CROSS : Shape.BAR;
    }

    private double columnShare(Rectangle m, int x, int background) {
        int ink = 0;
        for (int y = 0; y < m.height; y++) {
            ink += pixels.inkAt(m.x + x, m.y + y, background) ? 1 : 0;
        }
        return ink / (double) m.height;
    }

    private double rowShare(Rectangle m, int y, int background) {
        int ink = 0;
        for (int x = 0; x < m.width; x++) {
            ink += pixels.inkAt(m.x + x, m.y + y, background) ? 1 : 0;
        }
        return ink / (double) m.width;
    }
}
