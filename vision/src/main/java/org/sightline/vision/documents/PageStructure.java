package org.sightline.vision.documents;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns a page's lines, grouped into blocks in reading order, into headings, paragraphs and list items.
 * A heading is set larger than the body text, or in bold at body size while the body is not, and is short;
 * its level follows from how much larger it is (the same ratios on every page, so levels agree across a
 * document read page by page). A list item starts with a bullet or a number and runs until the next item.
 */
public final class PageStructure {

    /** Size ratios to the body text from which a heading is level 1, 2 and 3; bold body size is level 4. */
    private static final double[] LEVEL_RATIOS = {1.7, 1.35, 1.15};
    /** A heading has at most this many lines and characters. */
    private static final int HEADING_LINES = 3;
    private static final int HEADING_CHARS = 160;

    private static final Pattern LIST_MARK = Pattern.compile(
            "^(?:[\u2022\u25e6\u25aa\u25cf\u25cb\u25a0\u25a1\u2023\u2043\u2013\u2014*\u00b7-]|\\(?\\d{1,3}[.)]|\\(?[a-zA-Z][.)])\\s+\\S.*");

    private static final Pattern ENDS_IN_NUMBER = Pattern.compile("\\s\\(?[0-9ivxlc]{1,5}\\)?$");
    /** A line that ends more than this share of the block's width before its right edge is short. */
    private static final double SHORT_LINE = 0.3;

    private PageStructure() {
    }

    /** The blocks of a page whose blocks of lines are given in reading order. */
    public static List<DocumentBlock> of(List<List<DocumentLine>> blocks) {
        return of(blocks, Map.of());
    }

    /**
     * As {@link #of(List)}, where a block whose first line is in {@code tables} (each row line of a table to the
     * table) is that table; tables do not count towards the body text size.
     */
    static List<DocumentBlock> of(List<List<DocumentLine>> blocks, Map<DocumentLine, DocumentBlock> tables) {
        List<DocumentLine> all = blocks.stream().flatMap(List::stream).filter(l -> !tables.containsKey(l)).toList();
        double body = bodySize(all);
        boolean bodyBold = all.stream().filter(l -> Math.abs(l.fontSize() - body) < 0.1 * body)
                .filter(DocumentLine::bold).mapToInt(l -> l.text().length()).sum()
                > 0.5 * all.stream().filter(l -> Math.abs(l.fontSize() - body) < 0.1 * body)
                .mapToInt(l -> l.text().length()).sum();
        List<DocumentBlock> out = new ArrayList<>();
        for (List<DocumentLine> block : blocks) {
            DocumentBlock table = tables.get(block.get(0));
            if (table != null) {
                out.add(table);
                continue;
            }
            for (List<DocumentLine> part : byStyle(block)) {
                int level = headingLevel(part, body, bodyBold);
                if (level > 0) {
                    out.add(new DocumentBlock(BlockKind.HEADING, level, part));
                } else {
                    addParagraphsAndItems(part, out);
                }
            }
        }
        return out;
    }

    /** The size most of the page's characters are set in. */
    static double bodySize(List<DocumentLine> lines) {
        Map<Long, Integer> chars = new HashMap<>();
        for (DocumentLine line : lines) {
            chars.merge(Math.round(line.fontSize() * 2), line.text().length(), Integer::sum);
        }
        return chars.entrySet().stream().max(Map.Entry.comparingByValue()).map(e -> e.getKey() / 2.0).orElse(1.0);
    }

    /** Splits a block where the size or weight changes (a heading set close above its paragraph). */
    private static List<List<DocumentLine>> byStyle(List<DocumentLine> block) {
        List<List<DocumentLine>> parts = new ArrayList<>();
        List<DocumentLine> current = new ArrayList<>();
        for (DocumentLine line : block) {
            if (!current.isEmpty() && !sameStyle(current.get(current.size() - 1), line)) {
                parts.add(current);
                current = new ArrayList<>();
            }
            current.add(line);
        }
        if (!current.isEmpty()) {
            parts.add(current);
        }
        return parts;
    }

    private static boolean sameStyle(DocumentLine a, DocumentLine b) {
        double ratio = Math.max(a.fontSize(), b.fontSize()) / Math.max(1e-6, Math.min(a.fontSize(), b.fontSize()));
        return ratio < 1.1 && a.bold() == b.bold();
    }

    private static int headingLevel(List<DocumentLine> part, double body, boolean bodyBold) {
        int chars = part.stream().mapToInt(l -> l.text().length()).sum();
        if (part.size() > HEADING_LINES || chars > HEADING_CHARS || chars == 0) {
            return 0;
        }
        if (part.stream().allMatch(l -> l.text().strip().matches("[\\p{N}\\p{P}\\p{S}\\s]*"))) {
            return 0;
        }
        double ratio = part.get(0).fontSize() / body;
        for (int k = 0; k < LEVEL_RATIOS.length; k++) {
            if (ratio >= LEVEL_RATIOS[k]) {
                return k + 1;
            }
        }
        boolean bold = part.stream().allMatch(DocumentLine::bold);
        String last = part.get(part.size() - 1).text().strip();
        boolean sentence = last.endsWith(".") || last.endsWith("\u3002") || last.endsWith(",");
        if (bold && !bodyBold && ratio > 0.95 && !sentence) {
            return LEVEL_RATIOS.length + 1;
        }
        return 0;
    }

    /**
     * Whether a block's lines are entries rather than running text, to be read one by one: most of them end in
     * a number (a table of contents, an index, a price list), or most lines but the last stop well short of the
     * block's right edge (code, an address, a reference card's entries), where running text fills each line.
     */
    static boolean linesStandAlone(List<DocumentLine> lines) {
        if (lines.size() < 2) {
            return false;
        }
        long numbered = lines.stream().filter(l -> ENDS_IN_NUMBER.matcher(l.text().strip()).find()).count();
        if (numbered >= 0.6 * lines.size()) {
            return true;
        }
        int left = lines.stream().mapToInt(l -> l.box().x).min().orElse(0);
        int right = lines.stream().mapToInt(l -> l.box().x + l.box().width).max().orElse(0);
        long shortLines = lines.subList(0, lines.size() - 1).stream()
                .filter(l -> l.box().x + l.box().width < right - SHORT_LINE * (right - left)).count();
        return shortLines >= 0.5 * (lines.size() - 1);
    }

    /**
     * A paragraph, split into list items at each line that starts with a bullet or a number; a block whose lines
     * stand on their own (see {@link #linesStandAlone}) becomes one paragraph per line.
     */
    private static void addParagraphsAndItems(List<DocumentLine> part, List<DocumentBlock> out) {
        if (linesStandAlone(part)) {
            for (DocumentLine line : part) {
                boolean marked = LIST_MARK.matcher(line.text().strip()).matches();
                out.add(new DocumentBlock(marked ? BlockKind.LIST_ITEM : BlockKind.PARAGRAPH, 0, List.of(line)));
            }
            return;
        }
        List<DocumentLine> current = new ArrayList<>();
        boolean inItem = false;
        for (DocumentLine line : part) {
            boolean marked = LIST_MARK.matcher(line.text().strip()).matches();
            if (marked && !current.isEmpty()) {
                out.add(new DocumentBlock(inItem ? BlockKind.LIST_ITEM : BlockKind.PARAGRAPH, 0, current));
                current = new ArrayList<>();
            }
            inItem |= marked;
            current.add(line);
        }
        if (!current.isEmpty()) {
            out.add(new DocumentBlock(inItem ? BlockKind.LIST_ITEM : BlockKind.PARAGRAPH, 0, current));
        }
    }
}
