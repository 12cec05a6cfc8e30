package org.sightline.vision.elements;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A row of buttons that OCR read as one line: Javadoc's tabs "All Methods", "Instance Methods", "Abstract
 * Methods", each on its own coloured tab a few pixels apart, came out as one line, whose middle fell in one of
 * the buttons the detector sees there; that button took the whole row as its name and the others none. Where a
 * piece of text runs across two or more buttons the detector sees, it is cut into its words, each found by the
 * ink of its own column (the tabs' colours differ, so ink is what differs from the commonest colour of each
 * column, not of the line), and the words are shared out: those inside a button become that button's piece, the
 * rest stay text, run by run. When the words found by ink do not match the words OCR read, nothing is cut.
 */
final class ButtonRows {

    private final Pixels pixels;
    private final TextSegmenter segmenter;

    ButtonRows(Pixels pixels, TextSegmenter segmenter) {
        this.pixels = pixels;
        this.segmenter = segmenter;
    }

    /**
     * Cuts every free piece of {@code page} that runs across two or more of {@code buttons}, and gives the pieces
     * left between the buttons that stand on the same fill as one of them, in a box of their own: the tab the
     * detector missed in a row of tabs it saw ({@link #looksLikeTheButtons}).
     */
    List<TextSegment> cut(PageText page, List<Rectangle> buttons) {
        List<TextSegment> alike = new ArrayList<>();
        for (TextSegment s : List.copyOf(page.segments)) {
            if (s.consumed) {
                continue;
            }
            List<Rectangle> across = buttons.stream().filter(b -> across(s, b)).sorted((a, b) -> a.x - b.x).toList();
            if (across.size() < 2) {
                continue;
            }
            List<Piece> pieces = pieces(s, across);
            if (pieces.size() > 1) {
                page.replace(s, pieces.stream().map(Piece::segment).toList());
                alike.addAll(looksLikeTheButtons(pieces));
            }
        }
        return alike;
    }

    /** One piece of a cut line: its text, and whether its words lie in one of the detector's buttons. */
    record Piece(TextSegment segment, boolean inButton) {
    }

    /**
     * The pieces outside every button that stand on the fill of a piece inside one, in a box of that fill whose
     * top edge runs just above the text (a full row of another colour across the piece within three quarters of
     * its height): the row's other tabs.
     */
    private List<TextSegment> looksLikeTheButtons(List<Piece> pieces) {
        List<TextSegment> alike = new ArrayList<>();
        for (Piece p : pieces) {
            TextSegment s = p.segment();
            if (p.inButton() || !boxed(s)) {
                continue;
            }
            boolean sameFill = pieces.stream().anyMatch(q -> q.inButton()
                    && Pixels.distance(q.segment().background, s.background) <= SAME_FILL && boxed(q.segment()));
            if (sameFill) {
                alike.add(s);
            }
        }
        return alike;
    }

    /** Two fills are the same when no channel differs by more than this. */
    private static final int SAME_FILL = 8;

    /** True when a full row of another colour than {@code s}'s fill runs across it just above its text. */
    private boolean boxed(TextSegment s) {
        Rectangle b = s.box.intersection(pixels.bounds());
        int reach = (int) Math.ceil(0.75 * b.height);
        for (int y = b.y - 1; y >= Math.max(0, b.y - reach); y--) {
            int first = pixels.at(b.x, y);
            if (!pixels.inkAt(b.x, y, s.background)) {
                continue;
            }
            boolean edge = true;
            for (int x = b.x; x < b.x + b.width && edge; x++) {
                edge = Pixels.distance(pixels.at(x, y), first) <= SAME_FILL;
            }
            if (edge) {
                return true;
            }
        }
        return false;
    }

    /** True when button {@code b} stands on {@code s}'s row and at least half of it lies within {@code s}. */
    private static boolean across(TextSegment s, Rectangle b) {
        Rectangle box = s.box;
        int top = Math.max(box.y, b.y);
        int bottom = Math.min(box.y + box.height, b.y + b.height);
        int left = Math.max(box.x, b.x);
        int right = Math.min(box.x + box.width, b.x + b.width);
        return bottom - top >= 0.5 * box.height && b.height <= 3 * box.height && right - left >= 0.5 * b.width
                && !b.contains(box);
    }

    /**
     * The pieces of {@code s}: its words shared out among the buttons it runs across, and the words between
     * them in runs on one fill; empty when the words found by ink are not OCR's.
     */
    List<Piece> pieces(TextSegment s, List<Rectangle> buttons) {
        String[] tokens = s.text.split("\\s+");
        List<int[]> words = words(s);
        if (words.size() != tokens.length) {
            return List.of();
        }
        int[] fills = words.stream().mapToInt(w -> fill(w, s.box)).toArray();
        List<Piece> out = new ArrayList<>();
        int i = 0;
        while (i < tokens.length) {
            int owner = owner(words.get(i), buttons);
            int j = i + 1;
            while (j < tokens.length && owner(words.get(j), buttons) == owner
                    && (owner >= 0 || Pixels.distance(fills[j], fills[i]) <= SAME_FILL)) {
                j++;
            }
            String text = String.join(" ", Arrays.copyOfRange(tokens, i, j));
            Rectangle box = new Rectangle(words.get(i)[0], s.box.y, words.get(j - 1)[1] - words.get(i)[0] + 1,
                    s.box.height);
            TextSegment piece = new TextSegment(text, box, s.confidence, s.line);
            segmenter.measure(piece, fills[i]);
            out.add(new Piece(piece, owner >= 0));
            i = j;
        }
        return out;
    }

    /** The colour a word stands on: the commonest of its columns' commonest colours. */
    private int fill(int[] word, Rectangle box) {
        Map<Integer, Integer> counts = new HashMap<>();
        for (int x = word[0]; x <= word[1]; x++) {
            counts.merge(columnMode(x, box), 1, Integer::sum);
        }
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(0xffffff);
    }

    /** The index of the button whose span holds the middle of {@code word}, or -1. */
    private static int owner(int[] word, List<Rectangle> buttons) {
        double middle = (word[0] + word[1]) / 2.0;
        for (int k = 0; k < buttons.size(); k++) {
            Rectangle b = buttons.get(k);
            if (middle >= b.x && middle < b.x + b.width) {
                return k;
            }
        }
        return -1;
    }

    /**
     * The words of {@code s} as column spans, left to right: runs of columns holding ink against the column's own
     * commonest colour, joined across gaps narrower than a word space.
     */
    private List<int[]> words(TextSegment s) {
        Rectangle b = s.box.intersection(pixels.bounds());
        List<int[]> runs = new ArrayList<>();
        int start = -1;
        for (int x = b.x; x <= b.x + b.width; x++) {
            boolean ink = x < b.x + b.width && inkColumn(x, b);
            if (ink && start < 0) {
                start = x;
            } else if (!ink && start >= 0) {
                runs.add(new int[] {start, x - 1});
                start = -1;
            }
        }
        if (runs.isEmpty()) {
            return runs;
        }
        // The segmenter's word gap and clustering, with no box sides to cut at.
        return TextSegmenter.cluster(runs, Math.max(3, (int) Math.round(0.14 * b.height)), new boolean[0]);
    }

    private boolean inkColumn(int x, Rectangle b) {
        int mode = columnMode(x, b);
        for (int y = b.y; y < b.y + b.height; y++) {
            if (pixels.inkAt(x, y, mode)) {
                return true;
            }
        }
        return false;
    }

    /** The commonest colour of column {@code x} within the rows of {@code b}. */
    private int columnMode(int x, Rectangle b) {
        Map<Integer, Integer> counts = new HashMap<>();
        int mode = 0xffffff;
        int best = 0;
        for (int y = Math.max(0, b.y); y < Math.min(pixels.height, b.y + b.height); y++) {
            int c = pixels.at(x, y);
            int n = counts.merge(c, 1, Integer::sum);
            if (n > best) {
                best = n;
                mode = c;
            }
        }
        return mode;
    }
}
