package org.sightline.vision.documents;

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
 * it is used page by page, like {@link RunningLines}.
 */
final class PageFootnotes {

    /** A line at most this share of the body size is small: footnote size. */
    static final double SMALL = 0.9;
    /** Footnotes stand below this share of the page height. */
    static final double LOWER_PART = 0.5;
    /** A note's next line stands at most this many line heights below the one before. */
    static final double LINE_GAP = 0.8;

    private static final String MARK_FORM =
            "[\u2070\u00b9\u00b2\u00b3\u2074-\u2079]+|\\d{1,3}(?=[\\s.)]|$)[.)]?|[*\u2020\u2021\u00a7]";
    /** A line that starts a note: its mark, then the note. */
    private static final Pattern NOTE = Pattern.compile("^(" + MARK_FORM + ")\\s*(\\S.*)$");
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
