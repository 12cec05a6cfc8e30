package org.sightline.vision.documents;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the footnotes of text-layer pages before their columns are found, so a note set across the foot of a
 * two-column page is never read between the columns. Footnotes are the lines below the last line of body text,
 * set smaller than the body, in the lower half of the page, that start with a mark the body refers to as a
 * superscript ("survey¹" ... "1 The survey asked ..."), on this page or the page before (a note that did not fit
 * under its reference is set on the next page), or the number after the note above; a note runs on over the
 * lines right under it until the next mark. The rule is strict, as a paragraph taken out of the body would be read out of place: without such a mark
 * the small lines stay in the body. What stands below the notes apart from them (a running footer, the page
 * number) stays in the body too, where the running lines are found. Remembers the marks of the page before, so
 * it is used page by page, like {@link RunningLines}. Pages read by OCR have their own rule, {@link #scanned}.
 */
final class PageFootnotes {

    /** A line at most this share of the body size is small: footnote size. */
    static final double SMALL = 0.9;
    /** Footnotes stand below this share of the page height. */
    static final double LOWER_PART = 0.5;
    /** A note's next line stands at most this many line heights below the one before. */
    static final double LINE_GAP = 0.8;
    /** On a scan without a rule above the notes, they stand at least this many of their line heights below the body. */
    static final double SCAN_GAP = 1.0;
    /** A rule above the notes on a scan is at least this many of their line heights long (text has no such run). */
    static final double RULE_LENGTH = 4;
    /** Grey levels under this are ink. */
    private static final int DARK = 160;

    private static final String MARK_FORM =
            "[\u2070\u00b9\u00b2\u00b3\u2074-\u2079]+|\\d{1,3}(?=[\\s.)]|$)[.)]?|[*\u2020\u2021\u00a7]";
    /** A line that starts a note: its mark, then the note. */
    private static final Pattern NOTE = Pattern.compile("^(" + MARK_FORM + ")\\s*(\\S.*)$");
    /**
     * A line that starts a note on a scan: as {@link #NOTE}, or a number run into the capital that starts the
     * note ("4Although"): the OCR often reads the raised mark without the gap after it.
     */
    private static final Pattern SCANNED_NOTE =
            Pattern.compile("^(" + MARK_FORM + "|\\d{1,3}(?=\\p{Lu}))\\s*(\\S.*)$");
    /** A mark set apart from its note's first line (a piece of its own, raised above the note's baseline). */
    private static final Pattern MARK_ONLY = Pattern.compile("^(?:" + MARK_FORM + ")$");

    /** The marks the page before referred to and gave no note for. */
    private Set<String> waiting = Set.of();

    /** A page's runs parted into the body and the footnotes, in the order of their marks on the page. */
    record Split(List<DocumentLine> body, List<DocumentBlock> notes) {
    }

    Split split(List<DocumentLine> runs, int pageHeight) {
        double body = PageStructure.bodySize(runs);
        Set<String> referred = new HashSet<>();
        runs.stream().filter(r -> r.fontSize() > SMALL * body)
                .forEach(run -> referred.addAll(Superscripts.references(run.text())));
        Set<String> expected = new HashSet<>(referred);
        expected.addAll(waiting);
        Split split = expected.isEmpty() ? new Split(runs, List.of()) : notes(runs, pageHeight, body, expected);
        Set<String> unanswered = new HashSet<>(referred);
        split.notes().forEach(note -> unanswered.remove(note.mark().orElseThrow()));
        waiting = unanswered;
        return split;
    }

    private static Split notes(List<DocumentLine> runs, int pageHeight, double body, Set<String> expected) {
        Split none = new Split(runs, List.of());
        int bodyBottom = runs.stream()
                .filter(r -> r.fontSize() > SMALL * body && !RunningLines.isPageNumber(r.text())
                        && r.box().y < (1 - RunningLines.EDGE) * pageHeight)
                .mapToInt(r -> r.box().y + r.box().height).max().orElse(-1);
        if (bodyBottom < 0) {
            return none;
        }
        List<DocumentLine> below = runs.stream()
                .filter(r -> r.box().y >= Math.max(bodyBottom, LOWER_PART * pageHeight))
                .filter(r -> r.fontSize() <= SMALL * body)
                .sorted(Comparator.comparingInt((DocumentLine r) -> r.box().y).thenComparingInt(r -> r.box().x))
                .toList();
        List<DocumentBlock> notes = new ArrayList<>();
        Set<DocumentLine> taken = new HashSet<>();
        List<DocumentLine> lines = new ArrayList<>();
        String mark = null;
        DocumentLine previous = null;
        for (int i = 0; i < below.size(); i++) {
            DocumentLine line = below.get(i);
            if (taken.contains(line)) {
                continue;
            }
            DocumentLine read = line;
            DocumentLine note = MARK_ONLY.matcher(line.text().strip()).matches() ? noteBeside(line, below) : null;
            if (note == null && RunningLines.isPageNumber(line.text())) {
                // The page number under the notes; a lone number beside a note's first line is that note's mark.
                break;
            }
            if (note != null) {
                read = new DocumentLine(line.text().strip() + " " + note.text(), line.box().union(note.box()),
                        note.fontSize(), note.bold());
                taken.add(note);
            }
            Matcher m = NOTE.matcher(read.text().strip());
            String own = m.matches() ? Superscripts.lower(m.group(1)).replaceAll("[.)]$", "") : null;
            boolean sameRow = previous != null && Math.abs(previous.box().getCenterY() - read.box().getCenterY())
                    < 0.3 * Math.min(previous.box().height, read.box().height);
            if (own != null && (expected.contains(own) || follows(mark, own)) && !sameRow) {
                if (mark != null) {
                    notes.add(DocumentBlock.footnote(mark, lines));
                }
                mark = own;
                lines = new ArrayList<>();
                lines.add(new DocumentLine(m.group(2), read.box(), read.fontSize(), read.bold()));
            } else if (mark != null && (sameRow || under(previous, read))) {
                lines.add(read);
            } else {
                if (note != null) {
                    taken.remove(note);
                }
                break;
            }
            taken.add(line);
            previous = read;
        }
        if (mark == null) {
            return none;
        }
        notes.add(DocumentBlock.footnote(mark, lines));
        return new Split(runs.stream().filter(r -> !taken.contains(r)).toList(), notes);
    }

    /**
     * The footnotes of a page read by OCR, where neither font sizes nor raised marks are known: the lines in the
     * lower half of the page whose first starts with a mark, set apart from the body above by a short rule or
     * a gap of at least {@link #SCAN_GAP} line heights, in smaller type than the body's down to the foot of the
     * page (the text's width per character, most of their characters at most {@link #SMALL} of the body's);
     * the notes after the first are numbered on from it (or marked by a symbol), each running over the lines
     * right under it. Lines below the notes (a page number, a running footer) stay in the body. {@code rules}
     * tells whether a rule is drawn across the rows between two heights.
     */
    static Split scanned(List<DocumentLine> lines, int pageHeight, Rules rules) {
        Split none = new Split(lines, List.of());
        if (lines.size() < 2) {
            return none;
        }
        double body = charWidth(lines);
        List<DocumentLine> sorted = lines.stream()
                .sorted(Comparator.comparingInt((DocumentLine r) -> r.box().y).thenComparingInt(r -> r.box().x))
                .toList();
        int bottom = (int) ((1 - RunningLines.EDGE) * pageHeight);
        for (int start = 1; start < sorted.size(); start++) {
            DocumentLine first = sorted.get(start);
            if (first.box().y < LOWER_PART * pageHeight || first.box().y >= bottom) {
                continue;
            }
            Matcher m = SCANNED_NOTE.matcher(first.text().strip());
            if (!m.matches() || RunningLines.isPageNumber(first.text())) {
                continue;
            }
            DocumentLine above = sorted.get(start - 1);
            int aboveBottom = above.box().y + above.box().height;
            int height = first.box().height;
            boolean apart = first.box().y - aboveBottom >= SCAN_GAP * height
                    || rules.between(aboveBottom, first.box().y + height / 4, (int) (RULE_LENGTH * height));
            List<DocumentLine> zone = sorted.subList(start, sorted.size()).stream()
                    .filter(l -> l.box().y < bottom).toList();
            if (!apart || charWidth(List.of(first)) > SMALL * body || charWidth(zone) > SMALL * body) {
                continue;
            }
            Split split = scannedNotes(sorted.subList(start, sorted.size()), lines);
            if (!split.notes().isEmpty()) {
                return split;
            }
        }
        return none;
    }

    /** Whether a rule at least {@code length} pixels long is drawn in the rows from {@code top} to {@code bottom}. */
    @FunctionalInterface
    interface Rules {
        boolean between(int top, int bottom, int length);

        /** Rules are dark runs in {@code page}, read over three rows at a time so a rule a row thick is seen. */
        static Rules in(BufferedImage page) {
            return (top, bottom, length) -> {
                int w = page.getWidth();
                int[] rows = new int[3 * w];
                for (int y = Math.max(1, top); y < Math.min(page.getHeight() - 1, bottom); y++) {
                    page.getRGB(0, y - 1, w, 3, rows, 0, w);
                    int run = 0;
                    for (int x = 0; x < w; x++) {
                        boolean dark = false;
                        for (int r = 0; r < 3 && !dark; r++) {
                            int rgb = rows[r * w + x];
                            int grey = (((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff)) / 3;
                            dark = grey < DARK;
                        }
                        run = dark ? run + 1 : 0;
                        if (run >= length) {
                            return true;
                        }
                    }
                }
                return false;
            };
        }
    }

    /** The notes from the first of {@code below}, which starts with its mark; {@code all} are the page's lines. */
    private static Split scannedNotes(List<DocumentLine> below, List<DocumentLine> all) {
        List<DocumentBlock> notes = new ArrayList<>();
        Set<DocumentLine> taken = new HashSet<>();
        List<DocumentLine> lines = new ArrayList<>();
        String mark = null;
        DocumentLine previous = null;
        for (DocumentLine line : below) {
            Matcher m = SCANNED_NOTE.matcher(line.text().strip());
            String own = m.matches() ? Superscripts.lower(m.group(1)).replaceAll("[.)]$", "") : null;
            boolean symbol = own != null && !own.matches("\\d+");
            if (own != null && (mark == null || follows(mark, own) || symbol)) {
                if (mark != null) {
                    notes.add(DocumentBlock.footnote(mark, lines));
                }
                mark = own;
                lines = new ArrayList<>();
                lines.add(new DocumentLine(m.group(2), line.box(), line.fontSize(), line.bold()));
            } else if (mark != null && under(previous, line)) {
                lines.add(line);
            } else {
                break;
            }
            taken.add(line);
            previous = line;
        }
        if (mark == null) {
            return new Split(all, List.of());
        }
        notes.add(DocumentBlock.footnote(mark, lines));
        return new Split(all.stream().filter(r -> !taken.contains(r)).toList(), notes);
    }

    /** The width per character most of {@code lines}' characters are set in (the median over characters). */
    private static double charWidth(List<DocumentLine> lines) {
        List<DocumentLine> bySize = lines.stream().filter(l -> !l.text().isBlank())
                .sorted(Comparator.comparingDouble(PageFootnotes::widthPerChar)).toList();
        int total = bySize.stream().mapToInt(l -> l.text().length()).sum();
        int seen = 0;
        for (DocumentLine line : bySize) {
            seen += line.text().length();
            if (2 * seen >= total) {
                return widthPerChar(line);
            }
        }
        return 0;
    }

    private static double widthPerChar(DocumentLine line) {
        return line.box().width / (double) Math.max(1, line.text().length());
    }

    /** Whether {@code mark} is the number after {@code before} (the next note, whatever it refers to). */
    private static boolean follows(String before, String mark) {
        return before != null && before.matches("\\d{1,3}") && mark.matches("\\d{1,3}")
                && Integer.parseInt(mark) == Integer.parseInt(before) + 1;
    }

    /** The first line of a note whose mark is {@code mark}, set apart: right of it, level with it. */
    private static DocumentLine noteBeside(DocumentLine mark, List<DocumentLine> lines) {
        int right = mark.box().x + mark.box().width;
        for (DocumentLine line : lines) {
            boolean level = line.box().y < mark.box().y + mark.box().height
                    && mark.box().y < line.box().y + line.box().height;
            if (line != mark && level && line.box().x >= right - 1 && line.box().x - right <= 2 * line.box().height) {
                return line;
            }
        }
        return null;
    }

    /** Whether {@code line} carries on the note of {@code above}: right under it, not left of it. */
    private static boolean under(DocumentLine above, DocumentLine line) {
        int gap = line.box().y - (above.box().y + above.box().height);
        return gap <= LINE_GAP * line.box().height && line.box().x >= above.box().x - 3 * line.box().height;
    }
}
