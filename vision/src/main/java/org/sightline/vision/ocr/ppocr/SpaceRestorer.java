package org.sightline.vision.ocr.ppocr;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a recogniser reading into text and puts back the spaces between words that the model, trained
 * mostly on Chinese, leaves out of English screen text. A space is inserted between two characters when the
 * model gave the space class real probability between them and the crop shows an empty gap there, or when
 * the model is fairly sure of a space it did not pick. Both measures come from the same reading, so no
 * font or size is assumed. A line set in a monospaced font (code, logs) takes its spaces from its character
 * grid instead ({@link MonospaceGrid}). The glyphs' heights then settle letter case and vertical bars
 * ({@link LetterCase}, {@link VerticalBars}).
 */
final class SpaceRestorer {

    /** Space probability that alone is enough to restore a space. */
    static final float SURE_SPACE = 0.10f;
    /** Space probability that, with an empty gap in the image, restores a space. */
    static final float POSSIBLE_SPACE = 0.012f;
    /** An empty gap at least this share of the text height looks like a word space. */
    static final double GAP_SHARE_OF_HEIGHT = 0.16;

    /** A gap under this many times its neighbours' median gap is no word space, however wide. */
    static final double WORD_GAP = 2.5;

    /** Narrowest character cell, in pixels of the 48-pixel-high line image, tried when looking for a grid. */
    static final double MIN_PITCH = 6;

    private static final String NO_SPACE_BEFORE = ".,;:)]}!?'";
    private static final String NO_SPACE_AFTER = "([{";

    record Text(String text, List<Float> confidences) {
    }

    Text restore(TextRecognizer.Reading reading) {
        List<CtcDecoder.DecodedChar> chars = reading.chars();
        LineInk lineInk = LineInk.of(reading.input());
        if (couldBeGrid(chars)) {
            MonospaceGrid grid = gridOf(reading, lineInk);
            if (grid != null) {
                return fromGrid(chars, grid, lineInk);
            }
        }
        return byGaps(reading, LetterCase.byHeight(chars, reading.pixelsPerStep(), lineInk), lineInk,
                new boolean[chars.size()]);
    }

    /**
     * The text with spaces where the model put them or gave the space class probability over an empty gap;
     * {@code spaceBefore[i]} is set for each character {@code i} that gets a space before it.
     */
    private static Text byGaps(TextRecognizer.Reading reading, List<CtcDecoder.DecodedChar> chars, LineInk lineInk,
                               boolean[] spaceBefore) {
        boolean pending = false;
        boolean[] ink = null;
        int textHeight = 0;
        StringBuilder sb = new StringBuilder();
        List<Float> conf = new ArrayList<>();
        for (int i = 0; i < chars.size(); i++) {
            CtcDecoder.DecodedChar c = chars.get(i);
            if (c.text().equals(" ")) {
                boolean beforePunctuation = i + 1 < chars.size()
                        && NO_SPACE_BEFORE.indexOf(chars.get(i + 1).text().charAt(0)) >= 0
                        && chars.get(i + 1).text().charAt(0) != '\'';
                boolean sideBearing = evenGaps(chars, i - 1, i + 1, lineInk, reading.pixelsPerStep());
                if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ' ' && !beforePunctuation && !sideBearing) {
                    sb.append(' ');
                    conf.add(c.confidence());
                    pending = true;
                }
                continue;
            }
            if (i > 0 && sb.length() > 0 && sb.charAt(sb.length() - 1) != ' ' && isLatin(sb.charAt(sb.length() - 1))
                    && isLatin(c.text().charAt(0))) {
                CtcDecoder.DecodedChar prev = chars.get(i - 1);
                float p = maxSpace(reading.spaceProbability(), prev.lastStep() + 1, c.firstStep());
                if (c.firstStep() == prev.lastStep() + 1) {
                    // Two characters on adjacent steps leave no step between them for the space: its probability
                    // then shows on their own steps ("accountant,tried", the comma's last step).
                    p = Math.max(p, maxSpace(reading.spaceProbability(), prev.lastStep(), c.firstStep() + 1));
                }
                char last = sb.charAt(sb.length() - 1);
                boolean memberAccess = last == '.' && Character.isLowerCase(c.text().charAt(0))
                        && sb.length() >= 2 && Character.isLetterOrDigit(sb.charAt(sb.length() - 2));
                if (NO_SPACE_BEFORE.indexOf(c.text().charAt(0)) >= 0 || NO_SPACE_AFTER.indexOf(last) >= 0
                        || memberAccess) {
                    // Narrow punctuation in monospaced code leaves wide gaps; a space there is rare in text.
                    p = 0;
                }
                boolean space = p >= SURE_SPACE;
                if (!space && p >= POSSIBLE_SPACE && insideNumber(sb, c.text().charAt(0))) {
                    // "1.4.2", "1,234", "10:42": the dot leaves a wide empty gap that is not a space.
                    p = 0;
                }
                if (!space && p >= POSSIBLE_SPACE) {
                    if (ink == null) {
                        ink = lineInk.columns();
                        textHeight = lineInk.textHeight();
                    }
                    space = emptyGap(ink, prev, c, reading.pixelsPerStep()) >= GAP_SHARE_OF_HEIGHT * textHeight;
                }
                space = space && !evenGaps(chars, i - 1, i, lineInk, reading.pixelsPerStep());
                if (space) {
                    // The space's confidence is that of the gap's neighbours, not the small class probability.
                    sb.append(' ');
                    conf.add(Math.min(prev.confidence(), c.confidence()));
                    pending = true;
                }
            }
            spaceBefore[i] = pending;
            pending = false;
            sb.append(c.text());
            for (int k = 0; k < c.text().length(); k++) {
                conf.add(c.confidence());
            }
        }
        while (sb.length() > 0 && sb.charAt(sb.length() - 1) == ' ') {
            sb.setLength(sb.length() - 1);
            conf.remove(conf.size() - 1);
        }
        return new Text(IdentifierRepair.repair(NumberRepair.repair(latinPunctuation(sb.toString()))), conf);
    }

    /**
     * The character grid of a monospaced line, or null for proportional text. The recogniser's character
     * positions must agree with the grid's inked cells, one for one, so a grid that fits the ink by chance (or a
     * character the model missed) leaves the line to the gap rules.
     */
    static MonospaceGrid gridOf(TextRecognizer.Reading reading) {
        return couldBeGrid(reading.chars()) ? gridOf(reading, LineInk.of(reading.input())) : null;
    }

    /** Only lines of enough Latin characters are looked at for a grid. */
    private static boolean couldBeGrid(List<CtcDecoder.DecodedChar> chars) {
        int n = 0;
        for (CtcDecoder.DecodedChar c : chars) {
            if (!c.text().isBlank()) {
                char ch = c.text().charAt(0);
                if (c.text().length() != 1 || !isLatin(ch) && FULL_WIDTH.indexOf(ch) < 0) {
                    // Wide scripts take two cells per character; their lines keep the gap rules. Full-width
                    // punctuation among Latin characters is the model's misreading of "(" and the like.
                    return false;
                }
                n++;
            }
        }
        return n >= MonospaceGrid.MIN_CHARACTERS;
    }

    private static MonospaceGrid gridOf(TextRecognizer.Reading reading, LineInk ink) {
        List<CtcDecoder.DecodedChar> letters = reading.chars().stream().filter(c -> !c.text().isBlank()).toList();
        MonospaceGrid grid = MonospaceGrid.fit(ink.columns(), letters.size(), MIN_PITCH, reading.input().getHeight());
        if (grid == null) {
            return null;
        }
        int[] cells = grid.inkedCells();
        for (int i = 0; i < letters.size(); i++) {
            CtcDecoder.DecodedChar c = letters.get(i);
            double centre = ((c.firstStep() + c.lastStep()) / 2.0 + 0.5) * reading.pixelsPerStep();
            if (Math.abs(centre - grid.centre(cells[i])) > grid.pitch()) {
                return null;
            }
        }
        // Digits take equal widths in most proportional fonts too, and a line of numbers can fit a grid whose
        // cells are wider than a digit, with each narrow space hidden in a cell ("12 34 56" read "123456"). The
        // gap rules then find spaces where the grid has none; a true grid may overrule them once, not again and
        // again.
        List<CtcDecoder.DecodedChar> all = reading.chars();
        boolean[] gapSpaces = new boolean[all.size()];
        byGaps(reading, all, ink, gapSpaces);
        int modelSpaces = 0;
        int overruled = 0;
        int k = 0;
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).text().isBlank()) {
                continue;
            }
            if (k > 0 && gapSpaces[i]) {
                modelSpaces++;
                if (cells[k] - cells[k - 1] == 1) {
                    overruled++;
                }
            }
            k++;
        }
        if (overruled >= 2 && 2 * overruled > modelSpaces) {
            return null;
        }
        return grid;
    }

    /**
     * Spaces from the grid: one wherever empty cells lie between two characters, and nowhere else. The cells
     * also give each glyph's own ink, which settles the case of letters like o and O.
     */
    private static Text fromGrid(List<CtcDecoder.DecodedChar> chars, MonospaceGrid grid, LineInk ink) {
        List<CtcDecoder.DecodedChar> letters = chars.stream().filter(c -> !c.text().isBlank()).toList();
        int[] cells = grid.inkedCells();
        char[] text = new char[letters.size()];
        int[] tops = new int[letters.size()];
        int[] bottoms = new int[letters.size()];
        List<LineInk.Blob> blobs = ink.blobs();
        for (int i = 0; i < letters.size(); i++) {
            text[i] = letters.get(i).text().charAt(0);
            glyphExtent(blobs, grid, cells[i], tops, bottoms, i);
        }
        text = LetterCase.byHeight(text, tops, bottoms, ink.textHeight());
        // An underline (a link, a spelling mark) fills the cell's bottom row; a bar's foot is narrow.
        int[] barBottoms = bottoms.clone();
        for (int i = 0; i < letters.size(); i++) {
            int from = (int) Math.ceil(grid.origin() + cells[i] * grid.pitch() - 0.5);
            int to = (int) Math.ceil(grid.origin() + (cells[i] + 1) * grid.pitch() - 0.5);
            if (bottoms[i] >= 0 && ink.inkedInRow(bottoms[i], from, to) > 0.6 * (to - from)) {
                barBottoms[i] = -1;
            }
        }
        text = VerticalBars.find(text, tops, barBottoms);
        StringBuilder sb = new StringBuilder();
        List<Float> conf = new ArrayList<>();
        for (int i = 0; i < letters.size(); i++) {
            if (i > 0 && cells[i] - cells[i - 1] > 1) {
                sb.append(' ');
                conf.add(Math.min(letters.get(i - 1).confidence(), letters.get(i).confidence()));
            }
            sb.append(text[i]);
            conf.add(letters.get(i).confidence());
        }
        return new Text(IdentifierRepair.repair(NumberRepair.repair(latinPunctuation(sb.toString()))), conf);
    }

    /**
     * The rows of the glyph in cell {@code cell}: the pieces of ink centred in the cell. Wide glyphs (W, m) reach
     * over the cell's borders, so ink is not cut at them; but a piece that spreads well into the next cells (a
     * glyph touching its neighbour, an underline) makes the glyph unknown (-1).
     */
    private static void glyphExtent(List<LineInk.Blob> blobs, MonospaceGrid grid, int cell, int[] tops,
                                    int[] bottoms, int i) {
        double left = grid.origin() + cell * grid.pitch();
        double right = left + grid.pitch();
        double reach = 0.3 * grid.pitch();
        int top = -1;
        int bottom = -1;
        for (LineInk.Blob b : blobs) {
            double centre = (b.left() + b.right() + 1) / 2.0;
            if (centre < left || centre >= right) {
                continue;
            }
            if (b.left() < left - reach || b.right() + 1 > right + reach) {
                top = -1;
                bottom = -1;
                break;
            }
            top = top < 0 ? b.top() : Math.min(top, b.top());
            bottom = Math.max(bottom, b.bottom());
        }
        tops[i] = top;
        bottoms[i] = bottom;
    }

    private static final String FULL_WIDTH = "（）［］｛｝，：；！？";
    private static final String HALF_WIDTH = "()[]{},:;!?";

    /**
     * In a line that is mostly Latin, full-width punctuation is the model confusing "(" with "（": use the
     * ASCII form, one character for one so confidences stay aligned.
     */
    static String latinPunctuation(String text) {
        long latin = text.chars().filter(ch -> ch < 0x2E80 && Character.isLetterOrDigit(ch)).count();
        long other = text.chars().filter(ch -> ch >= 0x2E80 && FULL_WIDTH.indexOf(ch) < 0).count();
        if (latin <= 3 * other) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text);
        for (int i = 0; i < sb.length(); i++) {
            int k = FULL_WIDTH.indexOf(sb.charAt(i));
            if (k >= 0) {
                sb.setCharAt(i, HALF_WIDTH.charAt(k));
            }
        }
        return sb.toString();
    }

    private static boolean insideNumber(StringBuilder sb, char next) {
        int n = sb.length();
        return Character.isDigit(next) && n >= 2 && ".,:".indexOf(sb.charAt(n - 1)) >= 0
                && Character.isDigit(sb.charAt(n - 2));
    }

    /** Chinese runs without spaces; only letters, digits and Latin punctuation get word spaces back. */
    static boolean isLatin(char ch) {
        return ch < 0x2E80;
    }

    /**
     * Whether the empty gap before character {@code i} is a monospaced font's side bearing rather than a word
     * space: both neighbouring pairs of letters are set as far apart ({@value #WORD_GAP} times their gap is still
     * wider). Courier set inside proportional text ("debian/changelog" in a manual) leaves gaps beside narrow
     * letters as wide as a word space of the text around it, but so do its other letters; in proportional text
     * letters nearly touch and a word space is several times wider. Only letters with letters on both sides are
     * judged, so one-letter words and a change of font at a word's edge keep the gap rule.
     */
    private static boolean evenGaps(List<CtcDecoder.DecodedChar> chars, int before, int after, LineInk lineInk,
                                    double pixelsPerStep) {
        int first = before - 1;
        while (first >= 0 && chars.get(first).text().isBlank()) {
            first--;
        }
        int last = after + 1;
        while (last < chars.size() && chars.get(last).text().isBlank()) {
            last++;
        }
        if (before < 0 || first < 0 || last >= chars.size() || !wordLike(chars.get(first))
                || !wordLike(chars.get(before)) || !wordLike(chars.get(after)) || !wordLike(chars.get(last))) {
            return false;
        }
        boolean[] ink = lineInk.columns();
        int neighbours = Math.min(emptyGap(ink, chars.get(first), chars.get(before), pixelsPerStep),
                emptyGap(ink, chars.get(after), chars.get(last), pixelsPerStep));
        return neighbours > 0
                && emptyGap(ink, chars.get(before), chars.get(after), pixelsPerStep) < WORD_GAP * neighbours;
    }

    /** Letters, digits and the punctuation inside paths and names ("debian/rules", "config.sub"). */
    private static boolean wordLike(CtcDecoder.DecodedChar c) {
        return c.text().length() == 1
                && (Character.isLetterOrDigit(c.text().charAt(0)) || "/._-".indexOf(c.text().charAt(0)) >= 0);
    }

    private static int emptyGap(boolean[] ink, CtcDecoder.DecodedChar prev, CtcDecoder.DecodedChar c,
                                double pixelsPerStep) {
        int from = (int) Math.floor((prev.lastStep() + 0.5) * pixelsPerStep);
        int to = (int) Math.ceil((c.firstStep() + 0.5) * pixelsPerStep);
        return longestEmptyRun(ink, from, to);
    }

    private static float maxSpace(float[] space, int from, int to) {
        float m = 0;
        for (int t = Math.max(0, from); t < Math.min(space.length, to); t++) {
            m = Math.max(m, space[t]);
        }
        return m;
    }

    private static int longestEmptyRun(boolean[] ink, int from, int to) {
        int best = 0;
        int run = 0;
        for (int x = Math.max(0, from); x < Math.min(ink.length, to); x++) {
            run = ink[x] ? 0 : run + 1;
            best = Math.max(best, run);
        }
        return best;
    }
}
