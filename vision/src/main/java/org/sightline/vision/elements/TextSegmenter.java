package org.sightline.vision.elements;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sightline.vision.ocr.Scripts;
import org.sightline.vision.ocr.TextLine;

/**
 * Cuts OCR lines where the ink has a gap much wider than a word space (the detector often joins the items of
 * a menu bar into one line) and measures the look of each piece. Words are given to pieces by counting the
 * word-sized ink clusters; when the count does not match the text, by position along the line. A line that runs
 * across the side of a box is cut there too, however narrow the gap: a field's label and its hint, read by OCR as
 * one line ("SEARCH: Search"), are a label outside the box and a hint inside it.
 */
final class TextSegmenter {

    /** A box's side cuts a line only where the box is at most this many times the line's height. */
    private static final double WALL_BOX_HEIGHTS = 4;

    private final Pixels pixels;
    /** The boxes whose sides cut the lines that run across them. */
    private final List<Rectangle> boxes;
    /** The median, over the page's lines, of an OCR line box's height over its ink's; 0 before {@link #splitAll}. */
    private double boxToInk;

    TextSegmenter(Pixels pixels) {
        this(pixels, List.of());
    }

    TextSegmenter(Pixels pixels, List<Rectangle> boxes) {
        this.pixels = pixels;
        this.boxes = List.copyOf(boxes);
    }

    List<TextSegment> split(TextLine line, int lineIndex) {
        Rectangle lb = line.box().intersection(pixels.bounds());
        String text = line.text().strip();
        if (lb.isEmpty() || text.isEmpty()) {
            return new ArrayList<>();
        }
        int bg = pixels.dominantColour(lb);
        lb = fittedToInk(lb, bg);
        boolean[][] ruled = ruledPixels(lb, bg);
        boolean[] wall = walls(lb);
        if (anyTrue(wall)) {
            // Cut at the boxes' sides only where every word can be given to its piece by its ink: a filled
            // button's colour is ink on a white line, and sharing words out by position across it misplaces them.
            List<TextSegment> walled = cut(line, lineIndex, lb, text, bg, ruled, wall);
            if (walled != null) {
                return walled;
            }
        }
        return cut(line, lineIndex, lb, text, bg, ruled, null);
    }

    /**
     * The pieces of every line of a page, each line's box first fitted to its ink where OCR gave it a box far
     * taller, for its ink, than it gave the page's other lines ({@link #fittedToInk}).
     */
    List<TextSegment> splitAll(List<TextLine> lines) {
        double[] ratios = new double[lines.size()];
        int n = 0;
        for (TextLine line : lines) {
            Rectangle lb = line.box().intersection(pixels.bounds());
            if (!lb.isEmpty()) {
                int[] rows = pixels.inkRows(lb, pixels.dominantColour(lb));
                if (rows[1] >= rows[0]) {
                    ratios[n++] = (double) lb.height / (rows[1] - rows[0] + 1);
                }
            }
        }
        Arrays.sort(ratios, 0, n);
        boxToInk = n == 0 ? 0 : ratios[n / 2];
        List<TextSegment> segments = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            segments.addAll(split(lines.get(i), i));
        }
        return segments;
    }

    /**
     * {@code lb} cut down to its ink where OCR gave the line a box far taller for its ink than the page's lines
     * have ({@link #TALL_BOX} times their median ratio {@link #boxToInk}): a bar of dotted-underlined links at a
     * page's top came as 38 pixels for 22 of ink, where the page's lines have 26 for 23. A piece's height stands
     * for its size among the page's text, and the gap that parts a line's pieces is measured in it. The fitted
     * box has the page's ratio, centred on the ink.
     */
    private Rectangle fittedToInk(Rectangle lb, int bg) {
        if (boxToInk <= 0) {
            return lb;
        }
        int[] rows = pixels.inkRows(lb, bg);
        int ink = rows[1] - rows[0] + 1;
        if (ink <= 0 || lb.height <= TALL_BOX * boxToInk * ink) {
            return lb;
        }
        int pad = (int) Math.round((boxToInk - 1) * ink / 2);
        return new Rectangle(lb.x, rows[0] - pad, lb.width, ink + 2 * pad).intersection(lb);
    }

    /** A line's box this many times the page's usual height for its ink is fitted to the ink. */
    private static final double TALL_BOX = 1.4;

    /**
     * The pieces of {@code line} (box {@code lb}, its text, background and ruled pixels), cut at the columns of
     * {@code wall} as well as at wide gaps; with a wall, null where the words cannot each be placed by their ink.
     */
    private List<TextSegment> cut(TextLine line, int lineIndex, Rectangle lb, String text, int bg,
                                  boolean[][] ruled, boolean[] walls) {
        List<TextSegment> out = new ArrayList<>();
        boolean[] wall = walls == null ? new boolean[lb.width] : walls;
        boolean[] inkColumn = new boolean[lb.width];
        for (int x = 0; x < lb.width; x++) {
            for (int y = lb.y; y < lb.y + lb.height && !wall[x]; y++) {
                if (!ruled[y - lb.y][x] && pixels.inkAt(lb.x + x, y, bg)) {
                    inkColumn[x] = true;
                    break;
                }
            }
        }
        // Ink runs (letters or letter groups), then word clusters, then segments.
        List<int[]> runs = new ArrayList<>();
        for (int x = 0; x < lb.width; x++) {
            if (inkColumn[x]) {
                int start = x;
                while (x + 1 < lb.width && inkColumn[x + 1]) {
                    x++;
                }
                runs.add(new int[] {start, x});
            }
        }
        if (runs.isEmpty()) {
            TextSegment whole = new TextSegment(text, lb, line.confidence(), lineIndex);
            measure(whole, bg);
            out.add(whole);
            return out;
        }
        int h = lb.height;
        int wordGap = Math.max(3, (int) Math.round(0.14 * h));
        int segmentGap = Math.max(10, (int) Math.round(0.8 * h));
        List<int[]> words = cluster(runs, wordGap, wall);
        if (walls != null) {
            words = withPunctuation(words, 2 * wordGap, Math.max(2, (int) Math.round(0.2 * h)), wall);
        }
        List<int[]> segments = cluster(runs, segmentGap, wall);
        String[] tokens = text.split("\\s+");
        if (walls != null && segments.size() > 1 && tokens.length != words.size()) {
            return null;
        }
        List<StringBuilder> texts = new ArrayList<>();
        for (int i = 0; i < segments.size(); i++) {
            texts.add(new StringBuilder());
        }
        if (segments.size() == 1) {
            texts.get(0).append(text);
        } else if (tokens.length == words.size()) {
            for (int i = 0; i < tokens.length; i++) {
                append(texts.get(segmentOf(segments, (words.get(i)[0] + words.get(i)[1]) / 2)), tokens[i], " ");
            }
        } else if (tokens.length > 1) {
            // A word is never cut between two menu items.
            shareWords(tokens, segments, texts);
        } else {
            // Character by character along the segments' ink (Chinese has no spaces between words).
            for (int i = 0; i < text.length(); i++) {
                texts.get(segmentAt(segments, (i + 0.5) / text.length())).append(text.charAt(i));
            }
        }
        for (int i = 0; i < segments.size(); i++) {
            String t = texts.get(i).toString().strip();
            if (t.isEmpty()) {
                continue;
            }
            int[] s = segments.get(i);
            Rectangle box = new Rectangle(lb.x + s[0], lb.y, s[1] - s[0] + 1, lb.height);
            TextSegment segment = new TextSegment(t, box, line.confidence(), lineIndex);
            measure(segment, bg);
            out.add(segment);
        }
        return out.size() > 1 ? fitHeights(out, bg) : out;
    }

    /**
     * The pixels of {@code lb} (indexed [row][column]) left out of the line's ink: every row crossed by a straight
     * horizontal stroke longer than a letter is wide. A link's underline runs under the space between the words of
     * "Sign in", so counting words by ink columns must look past it, or the words of a menu bar are shared out
     * among its items by position and come out cut ("Home C"); a highlighted menu item's box that spans the line
     * leaves no ink at all, and the line stays whole for the menu rules. Where the rows left hold ink over less
     * than half the line but some (a white language menu in a coloured bar leaves only the logo beside it), only
     * the strokes themselves are left out, so the letters beside them keep their ink.
     */
    private boolean[][] ruledPixels(Rectangle lb, int bg) {
        boolean[][] strokes = new boolean[lb.height][lb.width];
        boolean[] ruledRow = new boolean[lb.height];
        int longest = Math.max(12, (int) Math.round(1.2 * lb.height));
        for (int y = 0; y < lb.height; y++) {
            int run = 0;
            for (int x = 0; x <= lb.width; x++) {
                if (x < lb.width && pixels.inkAt(lb.x + x, lb.y + y, bg)) {
                    run++;
                    continue;
                }
                if (run >= longest) {
                    Arrays.fill(strokes[y], x - run, x, true);
                    ruledRow[y] = true;
                }
                run = 0;
            }
        }
        int first = -1;
        int last = -1;
        for (int x = 0; x < lb.width; x++) {
            for (int y = 0; y < lb.height; y++) {
                if (!ruledRow[y] && pixels.inkAt(lb.x + x, lb.y + y, bg)) {
                    first = first < 0 ? x : first;
                    last = x;
                    break;
                }
            }
        }
        if (first < 0 || last - first + 1 >= 0.5 * lb.width) {
            for (int y = 0; y < lb.height; y++) {
                Arrays.fill(strokes[y], ruledRow[y]);
            }
        }
        return strokes;
    }

    /**
     * When one OCR line holds text of different sizes (a site name beside its menu), the line's height
     * belongs to the biggest; the smaller pieces get boxes fitted to their own ink.
     */
    private List<TextSegment> fitHeights(List<TextSegment> pieces, int bg) {
        int[][] extents = new int[pieces.size()][];
        int tallest = 0;
        for (int i = 0; i < pieces.size(); i++) {
            extents[i] = pixels.inkRows(pieces.get(i).box, bg);
            tallest = Math.max(tallest, extents[i][1] - extents[i][0] + 1);
        }
        List<TextSegment> out = new ArrayList<>();
        for (int i = 0; i < pieces.size(); i++) {
            TextSegment s = pieces.get(i);
            int inkHeight = extents[i][1] - extents[i][0] + 1;
            if (inkHeight > 0 && inkHeight < 0.75 * tallest) {
                int pad = Math.max(2, (int) Math.round(0.2 * inkHeight));
                Rectangle fitted = new Rectangle(s.box.x, extents[i][0] - pad, s.box.width, inkHeight + 2 * pad)
                        .intersection(pixels.bounds());
                TextSegment smaller = new TextSegment(s.text, fitted, s.confidence, s.line);
                measure(smaller, bg);
                out.add(smaller);
            } else {
                out.add(s);
            }
        }
        return out;
    }

    private static void append(StringBuilder sb, String token, String sep) {
        if (sb.length() > 0) {
            sb.append(sep);
        }
        sb.append(token);
    }

    /** The segment at {@code fraction} (0 to 1) of the segments' ink widths added up, the gaps left out. */
    private static int segmentAt(List<int[]> segments, double fraction) {
        double total = 0;
        for (int[] s : segments) {
            total += s[1] - s[0] + 1;
        }
        double at = fraction * total;
        for (int i = 0; i < segments.size(); i++) {
            int[] s = segments.get(i);
            at -= s[1] - s[0] + 1;
            if (at < 0) {
                return i;
            }
        }
        return segments.size() - 1;
    }

    private static int segmentOf(List<int[]> segments, int x) {
        int best = 0;
        int bestDistance = Integer.MAX_VALUE;
        for (int i = 0; i < segments.size(); i++) {
            int[] s = segments.get(i);
            int d = x < s[0] ? s[0] - x : x > s[1] ? x - s[1] : 0;
            if (d < bestDistance) {
                bestDistance = d;
                best = i;
            }
        }
        return best;
    }

    /**
     * The columns of line box {@code lb} that are the side of a box the line runs across (a field's border
     * between its label and its hint), three pixels either side: no ink of the line, and a cut between pieces. The
     * box must span most of the line's height, be at most a few lines tall (a control, not a pane) and at least
     * twice as wide as tall (a field or a button; a square beside text is a checkbox, or the outline of a letter).
     */
    private boolean[] walls(Rectangle lb) {
        boolean[] wall = new boolean[lb.width];
        for (Rectangle b : boxes) {
            boolean across = b.y <= lb.y + 0.25 * lb.height && b.y + b.height >= lb.y + 0.75 * lb.height
                    && b.height >= 0.8 * lb.height && b.height <= WALL_BOX_HEIGHTS * lb.height
                    && b.width >= 2 * b.height;
            if (!across) {
                continue;
            }
            for (int side : new int[] {b.x, b.x + b.width - 1}) {
                int x = side - lb.x;
                if (x >= 2 && x < lb.width - 2) {
                    // The border's own width and its smoothed edges: three columns either side of the side found.
                    for (int k = Math.max(0, x - 3); k <= Math.min(lb.width - 1, x + 3); k++) {
                        wall[k] = true;
                    }
                }
            }
        }
        return wall;
    }

    /** Runs closer than {@code gap} join, unless a column of {@code wall} (indexed as the runs) lies between. */
    static List<int[]> cluster(List<int[]> runs, int gap, boolean[] wall) {
        List<int[]> out = new ArrayList<>();
        int[] current = runs.get(0).clone();
        for (int i = 1; i < runs.size(); i++) {
            int[] r = runs.get(i);
            if (r[0] - current[1] - 1 >= gap || walled(wall, current[1], r[0])) {
                out.add(current);
                current = r.clone();
            } else {
                current[1] = r[1];
            }
        }
        out.add(current);
        return out;
    }

    /**
     * {@code words} with each mark narrower than {@code narrow} (a colon, a full stop, a comma) joined to the word
     * it follows within {@code near}: "SEARCH:" is one word of the text, whatever the space before its colon.
     */
    private static List<int[]> withPunctuation(List<int[]> words, int near, int narrow, boolean[] wall) {
        List<int[]> out = new ArrayList<>();
        for (int[] w : words) {
            int[] last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && w[1] - w[0] + 1 < narrow && w[0] - last[1] - 1 < near && !walled(wall, last[1], w[0])) {
                last[1] = w[1];
            } else {
                out.add(w.clone());
            }
        }
        return out;
    }

    private static boolean anyTrue(boolean[] flags) {
        for (boolean f : flags) {
            if (f) {
                return true;
            }
        }
        return false;
    }

    private static boolean walled(boolean[] wall, int from, int to) {
        for (int x = Math.max(0, from + 1); x < Math.min(to, wall.length); x++) {
            if (wall[x]) {
                return true;
            }
        }
        return false;
    }

    /**
     * Cuts {@code s} into pieces, one per x range (image pixels, inclusive), giving each word to the range
     * that holds its ink. Words outside every range (a checkbox read as a letter) are dropped.
     */
    List<TextSegment> pieces(TextSegment s, List<int[]> ranges) {
        List<int[]> words = wordClusters(s);
        String[] tokens = s.text.split("\\s+");
        List<StringBuilder> texts = new ArrayList<>();
        List<int[]> extents = new ArrayList<>();
        for (int i = 0; i < ranges.size(); i++) {
            texts.add(new StringBuilder());
            extents.add(new int[] {Integer.MAX_VALUE, Integer.MIN_VALUE});
        }
        if (!words.isEmpty() && tokens.length < ranges.size()) {
            // Fewer words than pieces (Chinese has no spaces between words): character by character along the ink.
            int first = words.get(0)[0];
            int last = words.get(words.size() - 1)[1];
            String text = s.text;
            int[] at = new int[text.length()];
            int[] rangeAt = new int[text.length()];
            for (int i = 0; i < text.length(); i++) {
                at[i] = first + (int) Math.round((i + 0.5) / text.length() * (last - first));
                rangeAt[i] = rangeOf(ranges, at[i]);
            }
            wholeWords(text, rangeAt);
            for (int i = 0; i < text.length(); i++) {
                int r = rangeAt[i];
                if (r >= 0) {
                    texts.get(r).append(text.charAt(i));
                    extents.get(r)[0] = Math.max(ranges.get(r)[0], Math.min(extents.get(r)[0], at[i] - 3));
                    extents.get(r)[1] = Math.min(ranges.get(r)[1], Math.max(extents.get(r)[1], at[i] + 3));
                }
            }
        } else if (!words.isEmpty()) {
            List<int[]> placed = tokenExtents(tokens, words);
            if (words.size() > tokens.length && placed.stream().anyMatch(w -> rangeOf(ranges, (w[0] + w[1]) / 2) < 0)) {
                // Placed by shares of the letters, a word fell between two ranges (a word beside a highlighted
                // box, "TREE" after Javadoc's orange "USE", the line's end in a wider face): each word takes the
                // clusters that fit it instead.
                placed = aligned(tokens, words);
            }
            for (int i = 0; i < tokens.length; i++) {
                int[] w = placed.get(i);
                int r = rangeOf(ranges, (w[0] + w[1]) / 2);
                if (r >= 0) {
                    append(texts.get(r), tokens[i], " ");
                    extents.get(r)[0] = Math.max(ranges.get(r)[0], Math.min(extents.get(r)[0], w[0]));
                    extents.get(r)[1] = Math.min(ranges.get(r)[1], Math.max(extents.get(r)[1], w[1]));
                }
            }
        }
        List<TextSegment> out = new ArrayList<>();
        for (int r = 0; r < ranges.size(); r++) {
            String t = texts.get(r).toString().strip();
            int[] e = extents.get(r);
            if (t.isEmpty() || e[1] < e[0]) {
                continue;
            }
            out.add(piece(s, t, e[0], e[1]));
        }
        return out;
    }

    /**
     * Gives each word of letters and digits in a spaced script (not Chinese or Japanese, whose words are not
     * spaced) wholly to the range that holds most of its letters, where placing the letters evenly along the
     * ink put at most {@link #SHIFTED_LETTERS} of them elsewhere: ink with no letter of its own (a breadcrumb's
     * home icon before "／Extending") shifts the letters after it, and the word's first letters fell to the slash
     * ("tending").
     */
    private static void wholeWords(String text, int[] rangeAt) {
        int i = 0;
        while (i < text.length()) {
            if (!spacedLetter(text.charAt(i))) {
                i++;
                continue;
            }
            int end = i;
            while (end < text.length() && spacedLetter(text.charAt(end))) {
                end++;
            }
            Map<Integer, Integer> votes = new HashMap<>();
            for (int k = i; k < end; k++) {
                if (rangeAt[k] >= 0) {
                    votes.merge(rangeAt[k], 1, Integer::sum);
                }
            }
            Optional<Map.Entry<Integer, Integer>> best = votes.entrySet().stream().max(Map.Entry.comparingByValue());
            if (best.isPresent() && end - i - best.get().getValue() <= SHIFTED_LETTERS) {
                Arrays.fill(rangeAt, i, end, best.get().getKey());
            }
            i = end;
        }
    }

    /**
     * Letters of a word placed outside its main piece that are taken for a shift of the even placement; more are
     * two words OCR ran together ("TopContents" for Texinfo's "[Top] [Contents]"), which the ink keeps apart.
     */
    private static final int SHIFTED_LETTERS = 2;

    private static boolean spacedLetter(char c) {
        return Character.isLetterOrDigit(c) && !Scripts.writtenWithoutSpaces(c);
    }

    /**
     * Splits {@code s} where its words change colour: between the body text's colour, another colour (a link
     * inside a sentence) and a grey or black that is not the body's (the plain words beside a row of links,
     * on a page whose links outnumber its plain words and so set the body colour). Returns {@code s} alone when
     * it has one colour.
     */
    List<TextSegment> splitByColour(TextSegment s, int bodyInk) {
        List<int[]> words = wordClusters(s);
        if (words.size() < 2) {
            return List.of(s);
        }
        List<int[]> ranges = new ArrayList<>();
        int previous = -1;
        for (int[] w : words) {
            int kind = inkKind(s, w, bodyInk);
            if (previous == kind) {
                ranges.get(ranges.size() - 1)[1] = w[1];
            } else {
                ranges.add(new int[] {w[0], w[1]});
            }
            previous = kind;
        }
        ranges = oneTintJoined(s, ranges);
        if (ranges.size() == 1) {
            return List.of(s);
        }
        return withoutMarks(pieces(s, ranges));
    }

    /** Hues this many degrees apart or less are one hue. */
    private static final double SAME_HUE = 30;
    /** Below this chroma a colour is a neutral grey, which has no hue to compare. */
    private static final int TINTED = 16;
    /** Two pieces' inks this close (largest channel difference) may be one colour. */
    private static final int SAME_STRONGEST = 40;

    /**
     * {@code ranges} with neighbours joined whose ink is one tinted colour: the same hue, nearly the same colour,
     * and no neutral grey or black (as body text is). Small thin text in a greyish blue (Doxygen's italic
     * footer, "Generated on ... by doxygen") falls word by word on either side of the line between grey and
     * coloured, as smoothing lightens some letters more than others, though the darkest pixel of every word is the
     * same blue; each word was a link of its own.
     */
    private List<int[]> oneTintJoined(TextSegment s, List<int[]> ranges) {
        List<int[]> out = new ArrayList<>();
        int wordSpace = Math.max(3, (int) Math.round(0.2 * s.box.height));
        int last = -1;
        for (int[] r : ranges) {
            // The piece's ink as measured for any piece: the commonest of its strongest colours (its darkest pixel
            // may be a comma in the sentence's colour that OCR's word takes in).
            int ink = piece(s, "", r[0], r[1]).ink;
            // Only across a word space: inside a word a change of colour is meant ("Enum<E>", a linked name and
            // its type's brackets).
            boolean spaced = !out.isEmpty() && r[0] - out.get(out.size() - 1)[1] - 1 >= wordSpace;
            if (spaced && oneTint(ink, last)) {
                out.get(out.size() - 1)[1] = r[1];
            } else {
                out.add(r.clone());
            }
            last = ink;
        }
        return out;
    }

    private static boolean oneTint(int a, int b) {
        if (Pixels.chroma(a) < TINTED || Pixels.chroma(b) < TINTED
                || Pixels.distance(a, b) > SAME_STRONGEST) {
            return false;
        }
        double apart = Math.abs(hue(a) - hue(b));
        return Math.min(apart, 360 - apart) <= SAME_HUE;
    }

    /** The hue of {@code c} in degrees, 0 to 360. */
    private static double hue(int c) {
        float[] hsb = java.awt.Color.RGBtoHSB((c >> 16) & 0xff, (c >> 8) & 0xff, c & 0xff, null);
        return hsb[0] * 360.0;
    }

    /**
     * Leaves out each piece that holds no letter or digit (a list's bullet, drawn in another colour than its
     * link): alone it would pass for a link or a heading of its own, and joined to its link it would be
     * spoken as part of the link's name ("dot Options").
     */
    private static List<TextSegment> withoutMarks(List<TextSegment> pieces) {
        List<TextSegment> out = pieces.stream().filter(p -> p.text.chars().anyMatch(Character::isLetterOrDigit))
                .toList();
        return out.isEmpty() ? pieces : out;
    }

    /** Ink the colour of the body text. */
    private static final int BODY = 0;
    /** Ink in a colour of its own. */
    private static final int COLOURED = 1;
    /** Grey or black ink that is not the body text's. */
    private static final int OTHER = 2;

    /**
     * What most of a word's ink is, column by column (each column's strongest pixel): {@link #BODY},
     * {@link #COLOURED} or {@link #OTHER}.
     */
    private int inkKind(TextSegment s, int[] word, int bodyInk) {
        int[] kinds = new int[3];
        for (int x = word[0]; x <= word[1]; x++) {
            int kind = columnKind(s, x, bodyInk);
            if (kind >= 0) {
                kinds[kind]++;
            }
        }
        int inked = kinds[BODY] + kinds[COLOURED] + kinds[OTHER];
        if (kinds[COLOURED] * 2 > inked) {
            return COLOURED;
        }
        return kinds[OTHER] * 2 > inked ? OTHER : BODY;
    }

    /**
     * The kind of the strongest ink in column {@code x} of {@code s}: {@link #BODY}, {@link #COLOURED} or
     * {@link #OTHER}; -1 when the column holds no ink.
     */
    private int columnKind(TextSegment s, int x, int bodyInk) {
        return columnKind(s, x, bodyInk, Pixels.INK_CONTRAST);
    }

    /** As {@link #columnKind(TextSegment, int, int)}, with ink that differs from the background by more than
     * {@code contrast}. */
    private int columnKind(TextSegment s, int x, int bodyInk, int contrast) {
        int strongest = strongestInk(s, x);
        if (Pixels.distance(strongest, s.background) <= contrast) {
            return -1;
        }
        int chroma = Pixels.chroma(strongest);
        // A muted link colour may stand as near the body's grey as another grey would, yet be clearly
        // a colour where the body has none (Javadoc's slate blue beside its dark grey).
        boolean hue = chroma >= Pixels.HUE && chroma - Pixels.chroma(bodyInk) >= 30;
        return hue ? COLOURED : Pixels.distance(strongest, bodyInk) < Pixels.CLEARLY_APART ? BODY
                : chroma >= Pixels.GREY_BELOW ? COLOURED : OTHER;
    }

    /**
     * Cuts the words of {@code s} where their ink changes colour inside them: a coloured name and the brackets
     * after it in body ink ("accept()", "setAccepted(bool"), as member lists set a linked name against its
     * signature. The text is cut where its share of the letters falls along the word's ink, moved by at most a
     * letter to where letters give way to other marks; a last run of a letter's width with no such place is
     * a mark OCR misread or left out. The pieces of one colour in a row stay one. Returns {@code s} alone when
     * no word changes colour inside it, and for an item of a row in brackets (its brackets are inside its box).
     */
    List<TextSegment> splitInsideWords(TextSegment s, int bodyInk) {
        List<int[]> words = wordClusters(s);
        String[] tokens = s.text.split("\\s+");
        if (words.isEmpty() || s.text.isEmpty() || s.bracketItem) {
            return List.of(s);
        }
        List<int[]> placed = tokenExtents(tokens, words);
        int minRun = Math.max(2, (int) Math.round(0.12 * s.box.height));
        List<Unit> units = new ArrayList<>();
        boolean cut = false;
        for (int i = 0; i < tokens.length; i++) {
            int[] w = placed.get(i);
            // Only a word placed on whole clusters of ink is cut: where OCR's words and the ink's clusters do
            // not match, a word's ink may start inside its neighbour, in the neighbour's colour.
            boolean onClusters = words.stream().anyMatch(c -> c[0] == w[0])
                    && words.stream().anyMatch(c -> c[1] == w[1]);
            List<Run> runs = onClusters ? colourRuns(s, w, bodyInk, minRun) : List.of();
            String token = tokens[i];
            if (runs.size() < 2 || token.length() < 2) {
                units.add(new Unit(token, w[0], w[1], inkKind(s, w, bodyInk), false, false));
                continue;
            }
            int from = 0;
            for (int r = 0; r < runs.size(); r++) {
                Run run = runs.get(r);
                int to = token.length();
                if (r < runs.size() - 1) {
                    Run next = runs.get(r + 1);
                    double at = (next.from - w[0]) / (double) (w[1] - w[0] + 1) * token.length();
                    double letter = (w[1] - w[0] + 1) / (double) token.length();
                    int mark = markAt(token, at, from, run.kind == COLOURED);
                    if (from + 1 >= token.length()) {
                        to = from;
                    } else if (mark >= 0) {
                        to = mark;
                    } else if (r + 1 == runs.size() - 1 && next.to - next.from + 1 <= 1.5 * letter) {
                        // A mark of a letter's width at the end that OCR did not read as one: "()" read as
                        // "O" or "0" after the name, or a glyph OCR left out (a permalink's sign after a
                        // heading), which takes no letter of the word. The mark is left out, neither part of
                        // the name nor a word of its own.
                        char last = token.charAt(token.length() - 1);
                        boolean misread = (last == 'O' || last == '0') && next.kind != COLOURED;
                        String name = token.substring(from, misread ? token.length() - 1 : token.length());
                        units.add(unit(s, name, run, bodyInk, from > 0, true));
                        cut = true;
                        break;
                    } else {
                        to = Math.max(from + 1, Math.min(token.length() - 1, (int) Math.round(at)));
                    }
                }
                if (to > from) {
                    units.add(unit(s, token.substring(from, to), run, bodyInk, from > 0, false));
                    cut |= from > 0;
                    from = to;
                }
            }
        }
        if (!cut) {
            return List.of(s);
        }
        List<TextSegment> out = new ArrayList<>();
        int start = 0;
        for (int u = 1; u <= units.size(); u++) {
            if (u < units.size() && units.get(u).kind == units.get(start).kind) {
                continue;
            }
            // Units start .. u-1 share one kind of ink: one piece, its words spaced as they were.
            StringBuilder text = new StringBuilder(units.get(start).text);
            for (int k = start + 1; k < u; k++) {
                text.append(units.get(k).joined ? "" : " ").append(units.get(k).text);
            }
            TextSegment piece = piece(s, text.toString(), units.get(start).from, units.get(u - 1).to);
            piece.partOfWord = Pixels.chroma(piece.ink) >= Pixels.HUE && (units.get(start).joined
                    || units.get(u - 1).marksLeftOut || u < units.size() && units.get(u).joined);
            out.add(piece);
            start = u;
        }
        return withoutMarks(out);
    }

    /**
     * Part of a word of one ink kind, in {@link #splitInsideWords}: its text, its columns, whether it goes on a
     * word begun before it (no space between), and whether marks after it in its word were left out.
     */
    private record Unit(String text, int from, int to, int kind, boolean joined, boolean marksLeftOut) {
    }

    private Unit unit(TextSegment s, String text, Run run, int bodyInk, boolean joined, boolean marksLeftOut) {
        int kind = run.kind == COLOURED ? COLOURED : inkKind(s, new int[] {run.from, run.to}, bodyInk);
        return new Unit(text, run.from, run.to, kind, joined, marksLeftOut);
    }

    /** Columns of one ink kind inside a word, with the count and the summed channels of their strongest ink. */
    private static final class Run {
        int from;
        int to;
        final int kind;
        int columns;
        long red;
        long green;
        long blue;

        Run(int x, int kind) {
            this.from = x;
            this.to = x;
            this.kind = kind;
        }

        void add(int x, int c) {
            to = x;
            columns++;
            red += (c >> 16) & 0xff;
            green += (c >> 8) & 0xff;
            blue += c & 0xff;
        }

        void join(Run other) {
            to = other.to;
            if (other.kind == kind) {
                columns += other.columns;
                red += other.red;
                green += other.green;
                blue += other.blue;
            }
        }

        int meanInk() {
            int n = Math.max(1, columns);
            return (int) (red / n) << 16 | (int) (green / n) << 8 | (int) (blue / n);
        }
    }

    /**
     * The runs of one ink kind along columns {@code w} of {@code s}, where a colour of its own meets body ink (or
     * another grey): a run narrower than {@code minRun} inked columns (the blended edge of a letter) joins its
     * neighbour. Empty when the word is one colour, or when neighbouring runs differ by less than
     * {@link #RUN_COLOUR_STEP} or are alike in how coloured they are (one colour that only seems to change from
     * letter to letter: a pale, slanted comment in a code block; black beside grey).
     */
    private List<Run> colourRuns(TextSegment s, int[] w, int bodyInk, int minRun) {
        // Only the columns that cross a letter's stem count: a stroke's blended edge is paler, and a pale
        // colour reads as grey.
        int strongest = 0;
        for (int x = w[0]; x <= w[1]; x++) {
            strongest = Math.max(strongest, Pixels.distance(strongestInk(s, x), s.background));
        }
        int contrast = Math.max(Pixels.INK_CONTRAST, (int) (0.7 * strongest));
        List<Run> runs = new ArrayList<>();
        for (int x = w[0]; x <= w[1]; x++) {
            int kind = columnKind(s, x, bodyInk, contrast);
            if (kind < 0) {
                continue;
            }
            // Body ink and another grey are one here: only a colour of its own cuts a word (black line numbers
            // before a listing's coloured code are not cut off).
            kind = kind == COLOURED ? COLOURED : BODY;
            if (runs.isEmpty() || runs.get(runs.size() - 1).kind != kind) {
                runs.add(new Run(x, kind));
            }
            runs.get(runs.size() - 1).add(x, strongestInk(s, x));
        }
        List<Run> merged = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            Run r = runs.get(i);
            Run last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && (r.columns < minRun || last.kind == r.kind)) {
                last.join(r);
            } else if (last == null && r.columns < minRun && i + 1 < runs.size()) {
                runs.get(i + 1).from = r.from;
            } else {
                merged.add(r);
            }
        }
        if (merged.size() < 2) {
            return List.of();
        }
        for (int i = 1; i < merged.size(); i++) {
            int a = merged.get(i - 1).meanInk();
            int b = merged.get(i).meanInk();
            if (Pixels.distance(a, b) < RUN_COLOUR_STEP || Math.abs(Pixels.chroma(a) - Pixels.chroma(b)) < 40) {
                return List.of();
            }
        }
        return merged;
    }

    /** Neighbouring runs of ink inside a word differ by at least this much (channel difference). */
    private static final int RUN_COLOUR_STEP = 60;

    /** The pixel of column {@code x} inside {@code s}'s box that differs most from its background. */
    private int strongestInk(TextSegment s, int x) {
        int strongest = s.background;
        int best = -1;
        for (int y = s.box.y; y < Math.min(pixels.height, s.box.y + s.box.height); y++) {
            int c = pixels.at(x, y);
            int d = Pixels.distance(c, s.background);
            if (d > best) {
                best = d;
                strongest = c;
            }
        }
        return strongest;
    }

    /**
     * Where near {@code at} (within a letter and a half) the coloured part of {@code token} meets its marks: a
     * letter or digit before a mark when {@code colouredFirst} (a name, then its brackets), a mark before a letter
     * or digit otherwise ("[Index"); after {@code from} and before the token's end. -1 where there is no such
     * place.
     */
    private static int markAt(String token, double at, int from, boolean colouredFirst) {
        int best = -1;
        for (int i = Math.max(from + 1, (int) Math.floor(at - 1.5)); i <= Math.min(token.length() - 1, at + 1.5);
                i++) {
            boolean before = Character.isLetterOrDigit(token.charAt(i - 1));
            boolean after = Character.isLetterOrDigit(token.charAt(i));
            if (before != after && before == colouredFirst
                    && (best < 0 || Math.abs(i - at) < Math.abs(best - at))) {
                best = i;
            }
        }
        return best;
    }

    /** Marks that stand between the items of a menu or a trail of links ("Home | Docs", "Up · Next"). */
    private static final String SEPARATORS = "|\u00b7\u2022\u00bb\u203a\u300b";

    /**
     * Whether the character at {@code i} of {@code text} parts the items of a menu: one of {@link #SEPARATORS},
     * or a "&gt;" standing alone between spaces, as OCR reads a breadcrumb trail's "»" ("CMake &gt; 3.25.1
     * Documentation &gt; cmake-policies(7)").
     */
    private static boolean isSeparator(String text, int i) {
        char c = text.charAt(i);
        if (SEPARATORS.indexOf(c) >= 0) {
            return true;
        }
        return c == '>' && i > 0 && i + 1 < text.length() && text.charAt(i - 1) == ' ' && text.charAt(i + 1) == ' ';
    }

    /**
     * Splits {@code s} at the marks between the items of a menu or a trail of links: three items or more,
     * each short (at most five words) and holding a letter or digit. The marks themselves are left out.
     * Returns {@code s} alone when its text is not such a row.
     */
    List<TextSegment> splitAtSeparators(TextSegment s) {
        String text = s.text;
        List<TextSegment> bracketed = splitBracketed(s);
        if (bracketed.size() > 1) {
            return bracketed;
        }
        List<TextSegment> letters = splitAlphabet(s);
        if (letters.size() > 1) {
            return letters;
        }
        List<int[]> items = new ArrayList<>();
        List<Integer> marks = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || isSeparator(text, i)) {
                if (i < text.length()) {
                    marks.add(i);
                }
                String item = text.substring(start, i).strip();
                if (!item.isEmpty()) {
                    if (item.split("\\s+").length > 5 || item.chars().noneMatch(Character::isLetterOrDigit)) {
                        return List.of(s);
                    }
                    int lead = text.indexOf(item, start);
                    items.add(new int[] {lead, lead + item.length()});
                }
                start = i + 1;
            }
        }
        if (items.size() < 3) {
            return List.of(s);
        }
        List<int[]> ranges = itemInk(s, false);
        if (ranges.size() != items.size() && marks.size() == items.size() - 1) {
            ranges = inkBetweenMarks(s, text, marks);
        }
        if (ranges.size() != items.size()) {
            return List.of(s);
        }
        List<TextSegment> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String t = text.substring(items.get(i)[0], items.get(i)[1]);
            int[] r = ranges.get(i);
            out.add(piece(s, t, r[0], r[1]));
        }
        return out;
    }

    /**
     * Splits an index's row of letters ("A C D E F H I K ...", each a link to its part of the index), which OCR
     * reads as one word ("ACDEFHIK"), into one piece per letter: four capital letters or more in alphabetical
     * order, standing in as many clusters of ink. The thin bars a row may draw between its letters ("_ | A | B"),
     * which OCR leaves out or reads as "|" or "I" ({@link #indexLetters}), are left out of the ink, and so is a
     * leading underscore (the entries that begin with one). Returns {@code s} alone otherwise.
     */
    List<TextSegment> splitAlphabet(TextSegment s) {
        String letters = indexLetters(s.text);
        if (letters.length() < 4) {
            return List.of(s);
        }
        List<int[]> clusters = withoutBars(s, wordClusters(s));
        if (clusters.size() == letters.length() + 1 && isLowMark(s, clusters.get(0))) {
            clusters.remove(0);
        }
        if (clusters.size() != letters.length()) {
            return List.of(s);
        }
        List<TextSegment> out = new ArrayList<>();
        for (int i = 0; i < clusters.size(); i++) {
            int[] r = clusters.get(i);
            TextSegment letter = piece(s, String.valueOf(letters.charAt(i)), r[0], r[1]);
            letter.indexLetter = true;
            out.add(letter);
        }
        return out;
    }

    /** An item in brackets: "[Index]", "[ &lt;&lt; ]". */
    private static final Pattern BRACKETED = Pattern.compile("\\[([^\\[\\]]+)]");

    /**
     * Splits a row of items each in brackets, as Texinfo's manuals draw their links to the next page, the
     * contents and the index ("[Top] [Contents] [Index] [?]", "[&lt;&lt;][&gt;&gt;]"): one piece per item, named
     * by what its brackets hold, placed where its letters fall along the ink. Returns {@code s} alone unless its
     * text is two such items or more and nothing else.
     */
    List<TextSegment> splitBracketed(TextSegment s) {
        String text = s.text;
        Matcher m = BRACKETED.matcher(text);
        List<int[]> groups = new ArrayList<>();
        int end = 0;
        while (m.find()) {
            if (!text.substring(end, m.start()).isBlank() || m.group(1).isBlank()) {
                return List.of(s);
            }
            groups.add(new int[] {m.start(), m.end()});
            end = m.end();
        }
        List<int[]> words = wordClusters(s);
        if (groups.size() < 2 || !text.substring(end).isBlank() || words.isEmpty()) {
            return List.of(s);
        }
        int letters = text.replace(" ", "").length();
        List<TextSegment> out = new ArrayList<>();
        for (int[] g : groups) {
            double from = inkX(words, text.substring(0, g[0]).replace(" ", "").length() / (double) letters);
            double to = inkX(words, text.substring(0, g[1]).replace(" ", "").length() / (double) letters);
            int left = (int) Math.round(from);
            int right = Math.max(left, (int) Math.round(to) - 1);
            TextSegment piece = piece(s, text.substring(g[0] + 1, g[1] - 1), left, right);
            piece.bracketItem = true;
            out.add(piece);
        }
        return out;
    }

    /**
     * The ink of the items of a row of links, parted at the marks at {@code marks} of {@code text}: each mark is
     * the cluster of ink, narrower than {@link #MARK_WIDTH} of the line's height, nearest to where the mark's
     * share of the letters falls along the ink, and within three letters of it. For marks wider than a bar
     * ("»" in a large font) and items whose words break into several clusters ("3.25.1"), where counting
     * narrow clusters does not find the marks. Empty when a mark has no such cluster.
     */
    private List<int[]> inkBetweenMarks(TextSegment s, String text, List<Integer> marks) {
        List<int[]> words = wordClusters(s);
        int letters = text.replace(" ", "").length();
        if (words.size() < 3 || letters == 0) {
            return List.of();
        }
        double ink = 0;
        for (int[] w : words) {
            ink += w[1] - w[0] + 1;
        }
        double perLetter = ink / letters;
        List<int[]> out = new ArrayList<>();
        int next = 0;
        for (int mark : marks) {
            int before = text.substring(0, mark).replace(" ", "").length();
            double expected = inkX(words, (before + 0.5) / letters);
            int best = -1;
            double bestDistance = 3 * perLetter;
            for (int j = Math.max(1, next); j < words.size() - 1; j++) {
                int[] w = words.get(j);
                double distance = Math.abs((w[0] + w[1]) / 2.0 - expected);
                if (w[1] - w[0] + 1 <= MARK_WIDTH * s.box.height && distance <= bestDistance) {
                    best = j;
                    bestDistance = distance;
                }
            }
            if (best < 0 || best == next) {
                return List.of();
            }
            out.add(new int[] {words.get(next)[0], words.get(best - 1)[1]});
            next = best + 1;
        }
        if (next >= words.size()) {
            return List.of();
        }
        out.add(new int[] {words.get(next)[0], words.get(words.size() - 1)[1]});
        return out;
    }

    /** A mark between menu items is at most this share of its line's height wide. */
    private static final double MARK_WIDTH = 0.6;

    /**
     * Splits a line of a menu bar at the gaps between its items: gaps at least {@link #ITEM_GAP} times the
     * line's narrowest word gap and half its height, where the items are set apart by padding while the words
     * of one item ("Mailing Lists", "Release notes") keep their word spaces; or, where each item's underline
     * joins its words into one cluster of ink, at every gap; or, in a tab bar, at the thin lines between its
     * tabs. Needs items of at most {@link #ITEM_WORDS} words each (and three clusters of ink or more: a bar's
     * other items may stand in pieces of their own, cut off by their colour); returns {@code s} alone otherwise.
     * Only for text placed as a menu is (the caller decides): in running text the gaps differ for other reasons.
     */
    List<TextSegment> splitAtWideGaps(TextSegment s) {
        return splitAtWideGaps(s, false);
    }

    /**
     * As {@link #splitAtWideGaps(TextSegment)}; {@code bar} when {@code s} is one of several pieces of a bar's line
     * (Javadoc's "OVERVIEW  PACKAGE  [CLASS]  USE ..."), where two words set apart by at least half the line's
     * height are two items too, the bar's other pieces showing what its items look like.
     */
    List<TextSegment> splitAtWideGaps(TextSegment s, boolean bar) {
        if (s.box.y <= 0 || s.box.y + s.box.height >= pixels.height) {
            // A line the screenshot's edge cuts through shows only part of its letters' height, and its word
            // spaces are as wide as that part is tall: measured by it, every word would be an item of its own.
            return List.of(s);
        }
        List<int[]> words = wordClusters(s);
        String[] tokens = s.text.split("\\s+");
        if (tokens.length < words.size()) {
            // More clusters than words: the thin lines a tab bar draws between its tabs (and its menus' arrows)
            // are ink that OCR does not read. The lines part the tabs. Without such lines, a letter set apart
            // inside its word: each word takes the clusters that fit it.
            List<int[]> tabs = itemInk(s, true);
            if (tabs.size() >= 2 && tabs.size() <= tokens.length && tabs.size() < words.size()) {
                return byInkShare(s, tokens, tabs);
            }
            if (!bar) {
                return List.of(s);
            }
            words = aligned(tokens, words);
        }
        if (words.size() < 3 && !(bar && words.size() == 2 && tokens.length == 2)) {
            return List.of(s);
        }
        if (tokens.length > words.size()) {
            // Fewer ink clusters than words: each item's underline joins its words into one cluster, and
            // breaks between the items.
            return tokens.length <= 2 * words.size() ? byInkShare(s, tokens, words) : List.of(s);
        }
        int narrowest = Integer.MAX_VALUE;
        for (int i = 1; i < words.size(); i++) {
            narrowest = Math.min(narrowest, words.get(i)[0] - words.get(i - 1)[1] - 1);
        }
        // A gap of half the line's height is wider than any word space: where even the narrowest gap is that
        // wide, the line has no word spaces and each word is an item ("OVERVIEW  MODULE  PACKAGE"), unless the
        // words are single marks (shapes in a row of pictures that OCR reads as letters).
        boolean noWordSpaces = narrowest >= 0.5 * s.box.height
                && Arrays.stream(tokens).allMatch(t -> t.codePointCount(0, t.length()) > 1);
        double wide = noWordSpaces ? narrowest : Math.max(ITEM_GAP * narrowest, 0.5 * s.box.height);
        List<int[]> ranges = new ArrayList<>();
        int[] current = words.get(0).clone();
        int wordsInItem = 1;
        for (int i = 1; i < words.size(); i++) {
            int[] w = words.get(i);
            if (w[0] - current[1] - 1 >= wide) {
                ranges.add(current);
                current = w.clone();
                wordsInItem = 1;
            } else {
                current[1] = w[1];
                if (++wordsInItem > ITEM_WORDS) {
                    return List.of(s);
                }
            }
        }
        ranges.add(current);
        return ranges.size() >= 2 ? pieces(s, ranges) : List.of(s);
    }

    /**
     * One piece per range of ink, holding the whole words whose middles fall on it when the characters are
     * laid along the ranges' ink, the gaps between them left out.
     */
    private List<TextSegment> byInkShare(TextSegment s, String[] tokens, List<int[]> ranges) {
        List<StringBuilder> texts = new ArrayList<>();
        ranges.forEach(r -> texts.add(new StringBuilder()));
        shareWords(tokens, ranges, texts);
        List<TextSegment> out = new ArrayList<>();
        for (int i = 0; i < ranges.size(); i++) {
            if (texts.get(i).length() > 0) {
                int[] r = ranges.get(i);
                out.add(piece(s, texts.get(i).toString(), r[0], r[1]));
            }
        }
        return out;
    }

    /**
     * Appends each whole word to the text of the range its middle falls on, when the letters (spaces left out)
     * are laid along the ranges' ink and the gaps between the ranges are left out.
     */
    private static void shareWords(String[] tokens, List<int[]> ranges, List<StringBuilder> texts) {
        int letters = String.join("", tokens).length();
        int done = 0;
        for (String token : tokens) {
            append(texts.get(segmentAt(ranges, (done + token.length() / 2.0) / letters)), token, " ");
            done += token.length();
        }
    }

    /**
     * A name in a list of linked names: letters, digits and the marks of file and code names, or an issue's number
     * ("#1376").
     */
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}_.:/#-]*\\p{L}[\\p{L}\\p{N}_.:/#-]*|#\\p{N}+");

    /**
     * Splits a list of names parted by commas ("enhance.c, enhance.h"), set apart by gaps wider than those
     * between their letters, into one piece per name, the commas left out: a row of links that OCR reads as one
     * line. Only for a line drawn as links are (the caller decides): plain words parted by commas are text.
     * Returns {@code s} alone otherwise.
     */
    List<TextSegment> splitAtCommas(TextSegment s) {
        String text = s.text.endsWith(",") ? s.text.substring(0, s.text.length() - 1) : s.text;
        String[] tokens = text.split(",");
        if (tokens.length < 2) {
            return List.of(s);
        }
        for (int i = 0; i < tokens.length; i++) {
            // OCR sets a space before or after an underscore now and then ("mbedtls _x509 _crt"), and after an
            // issue's "#".
            String name = tokens[i].strip().replaceAll("\\s*_\\s*", "_").replaceAll("^#\\s+(?=\\p{N})", "#");
            // No space after a comma is OCR's loss as often as the page's ("equals,finalize" under a gap as wide as
            // a word space): the gaps in the ink decide below.
            if (!NAME.matcher(name).matches()) {
                return List.of(s);
            }
            tokens[i] = name;
        }
        List<int[]> items = widestGapsApart(wordClusters(s), tokens.length);
        if (items.isEmpty()) {
            return List.of(s);
        }
        List<TextSegment> out = new ArrayList<>();
        for (int i = 0; i < tokens.length; i++) {
            out.add(piece(s, tokens[i], items.get(i)[0], items.get(i)[1]));
        }
        return out;
    }

    /**
     * The ink of {@code count} items, parted at the {@code count - 1} widest gaps between {@code clusters} when
     * each of those is at least half as wide again as every other gap (the space after a comma against the
     * spaces between letters); empty when the gaps do not stand out so.
     */
    private static List<int[]> widestGapsApart(List<int[]> clusters, int count) {
        if (clusters.size() < count) {
            return List.of();
        }
        List<Integer> byWidth = new ArrayList<>();
        for (int j = 0; j + 1 < clusters.size(); j++) {
            byWidth.add(j);
        }
        byWidth.sort((a, b) -> Integer.compare(gapAfter(clusters, b), gapAfter(clusters, a)));
        List<Integer> cuts = new ArrayList<>(byWidth.subList(0, count - 1));
        if (count - 1 < byWidth.size()
                && gapAfter(clusters, cuts.get(cuts.size() - 1)) < 1.5 * gapAfter(clusters, byWidth.get(count - 1))) {
            return List.of();
        }
        cuts.sort(null);
        List<int[]> out = new ArrayList<>();
        int from = 0;
        for (int cut : cuts) {
            out.add(new int[] {clusters.get(from)[0], clusters.get(cut)[1]});
            from = cut + 1;
        }
        out.add(new int[] {clusters.get(from)[0], clusters.get(clusters.size() - 1)[1]});
        return out;
    }

    /** The width of the gap after cluster {@code j}. */
    private static int gapAfter(List<int[]> clusters, int j) {
        return clusters.get(j + 1)[0] - clusters.get(j)[1] - 1;
    }

    /** A menu item, cut at wide gaps, has at most this many words ("Java SE 17 &amp; JDK 17"). */
    private static final int ITEM_WORDS = 6;

    /** A gap between menu items is at least this many times the narrowest word gap of its line. */
    private static final double ITEM_GAP = 2.2;

    /**
     * Whether the ink in columns {@code w} of {@code s} is a thin upright line from the top of the line's box to
     * its bottom (a tab bar's divider), taller than any letter, not a narrow letter ("l", "i").
     */
    private boolean isRule(TextSegment s, int[] w) {
        if (w[1] - w[0] + 1 > 2) {
            return false;
        }
        // Faintly: a divider may fade towards one end (drawn as a gradient), a letter stops at its ascender.
        Rectangle b = new Rectangle(w[0], s.box.y, w[1] - w[0] + 1, s.box.height).intersection(pixels.bounds());
        int marked = 0;
        for (int y = b.y; y < b.y + b.height; y++) {
            for (int x = b.x; x < b.x + b.width; x++) {
                if (Pixels.distance(pixels.at(x, y), s.background) > RULE_CONTRAST) {
                    marked++;
                    break;
                }
            }
        }
        return marked >= 0.9 * s.box.height;
    }

    /**
     * {@code clusters} of {@code s} less the thin upright bars among them: at most two pixels wide and either in
     * another colour than the line's ink (Sphinx's grey bars between red letters), a rule from the top of the
     * line to its bottom, or taller than the other clusters by a sixth ("|" reaches below the baseline, where a
     * capital I stops).
     */
    private List<int[]> withoutBars(TextSegment s, List<int[]> clusters) {
        List<Integer> heights = new ArrayList<>();
        for (int[] w : clusters) {
            if (w[1] - w[0] + 1 > 2) {
                int[] rows = pixels.inkRows(new Rectangle(w[0], s.box.y, w[1] - w[0] + 1, s.box.height), s.background);
                heights.add(rows[1] - rows[0] + 1);
            }
        }
        heights.sort(null);
        double letter = heights.isEmpty() ? s.box.height : heights.get(heights.size() / 2);
        List<int[]> out = new ArrayList<>();
        for (int[] w : clusters) {
            boolean thin = w[1] - w[0] + 1 <= 2;
            int[] rows = pixels.inkRows(new Rectangle(w[0], s.box.y, w[1] - w[0] + 1, s.box.height), s.background);
            boolean apart = Pixels.distance(strongestInk(s, (w[0] + w[1]) / 2), s.ink) >= Pixels.CLEARLY_APART;
            if (!(thin && (apart || isRule(s, w) || rows[1] - rows[0] + 1 >= BAR_HEIGHT * letter))) {
                out.add(w);
            }
        }
        return out;
    }

    /** A bar between an index's letters is at least this many times as tall as its letters. */
    private static final double BAR_HEIGHT = 7 / 6.0;

    /** What OCR reads for the bars between an index's letters, or for its leading underscore. */
    private static final String BAR_READINGS = "|Il1!-_";

    /**
     * The letters of an index's row of letters read as {@code text}: its capitals in strictly alphabetical order,
     * the longest such run, when all else in it is what OCR reads for the bars between them ("A|BICIDE": A B C D
     * E, the bars read as "|" and "I"). Empty when {@code text} is not such a row.
     */
    static String indexLetters(String text) {
        String marks = text.replaceAll("\\s", "");
        int n = marks.length();
        // Longest strictly increasing run of capitals, each keeping the index of the one before it.
        int[] length = new int[n];
        int[] previous = new int[n];
        int best = -1;
        for (int i = 0; i < n; i++) {
            char c = marks.charAt(i);
            if (c < 'A' || c > 'Z') {
                if (BAR_READINGS.indexOf(c) < 0) {
                    return "";
                }
                continue;
            }
            length[i] = 1;
            previous[i] = -1;
            for (int j = 0; j < i; j++) {
                char b = marks.charAt(j);
                if (b >= 'A' && b < c && length[j] + 1 > length[i]) {
                    length[i] = length[j] + 1;
                    previous[i] = j;
                }
            }
            if (best < 0 || length[i] > length[best]) {
                best = i;
            }
        }
        if (best < 0) {
            return "";
        }
        boolean[] kept = new boolean[n];
        StringBuilder out = new StringBuilder();
        for (int i = best; i >= 0; i = previous[i]) {
            kept[i] = true;
            out.append(marks.charAt(i));
        }
        for (int i = 0; i < n; i++) {
            if (!kept[i] && BAR_READINGS.indexOf(marks.charAt(i)) < 0) {
                return "";
            }
        }
        return out.reverse().toString();
    }

    /** Whether the ink in columns {@code w} of {@code s} lies wholly in the bottom quarter of its box: "_". */
    private boolean isLowMark(TextSegment s, int[] w) {
        Rectangle b = new Rectangle(w[0], s.box.y, w[1] - w[0] + 1, s.box.height).intersection(pixels.bounds());
        for (int y = b.y; y < b.y + b.height * 3 / 4; y++) {
            for (int x = b.x; x < b.x + b.width; x++) {
                if (pixels.inkAt(x, y, s.background)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** A divider's faint end differs from the background by at least this much (channel difference). */
    private static final int RULE_CONTRAST = 25;

    /**
     * The ink of the items of a row of links, between its separators: a separator is a word-sized cluster of
     * ink narrower than a third of the line's height (a bar, a bullet, a chevron) with ink on both sides; when
     * {@code ruled}, only a thin line from the top of the line's box to its bottom.
     */
    private List<int[]> itemInk(TextSegment s, boolean ruled) {
        List<int[]> words = wordClusters(s);
        List<int[]> items = new ArrayList<>();
        int[] current = null;
        for (int i = 0; i < words.size(); i++) {
            int[] w = words.get(i);
            boolean separator = i > 0 && i < words.size() - 1 && w[1] - w[0] + 1 < s.box.height / 3.0
                    && (!ruled || isRule(s, w));
            if (separator) {
                if (current != null) {
                    items.add(current);
                }
                current = null;
            } else if (current == null) {
                current = w.clone();
            } else {
                current[1] = w[1];
            }
        }
        if (current != null) {
            items.add(current);
        }
        return items;
    }

    /**
     * Where each word of a line's text lies on its ink: on its own cluster when there are as many clusters as
     * words; else each boundary between two words goes to the gap between clusters nearest to where its share
     * of the letters falls along the ink (a word in brackets may be three clusters, the words of an underlined
     * link one), or inside a cluster when no gap is within a letter and a half of it. Words are never cut.
     */
    static List<int[]> tokenExtents(String[] tokens, List<int[]> words) {
        List<int[]> out = new ArrayList<>();
        if (tokens.length == words.size()) {
            words.forEach(w -> out.add(w.clone()));
            return out;
        }
        int letters = 0;
        for (String t : tokens) {
            letters += t.length();
        }
        double ink = 0;
        for (int[] w : words) {
            ink += w[1] - w[0] + 1;
        }
        double perLetter = ink / Math.max(1, letters);
        int start = words.get(0)[0];
        int nextGap = 0;
        int done = 0;
        for (int k = 0; k < tokens.length - 1; k++) {
            done += tokens[k].length();
            double expected = inkX(words, (double) done / letters);
            int best = -1;
            double bestDistance = 1.5 * perLetter;
            for (int j = nextGap; j < words.size() - 1; j++) {
                double gapMiddle = (words.get(j)[1] + words.get(j + 1)[0]) / 2.0;
                double distance = Math.max(0, Math.abs(gapMiddle - expected)
                        - (words.get(j + 1)[0] - words.get(j)[1]) / 2.0);
                if (distance <= bestDistance) {
                    best = j;
                    bestDistance = distance;
                }
            }
            if (best >= 0) {
                out.add(new int[] {start, words.get(best)[1]});
                start = words.get(best + 1)[0];
                nextGap = best + 1;
            } else {
                int at = Math.max(start, (int) Math.round(expected));
                out.add(new int[] {start, Math.max(start, at - 1)});
                start = at;
            }
        }
        out.add(new int[] {start, Math.max(start, words.get(words.size() - 1)[1])});
        return out;
    }

    /**
     * Each word given one run of whole clusters, more clusters than words: the runs whose ink best matches the
     * words' lengths in letters (least squares, at one width a letter for the line), found by dynamic programming.
     * A letter set apart inside its word ("N EW" in a bold menu) joins its word wherever it stands, where shares
     * of the letters along the line drift when one part of the line is set in a wider face.
     */
    private static List<int[]> aligned(String[] tokens, List<int[]> words) {
        int t = tokens.length;
        int c = words.size();
        int letters = 0;
        for (String token : tokens) {
            letters += token.codePointCount(0, token.length());
        }
        double ink = 0;
        for (int[] w : words) {
            ink += w[1] - w[0] + 1;
        }
        double perLetter = ink / Math.max(1, letters);
        double[][] cost = new double[t + 1][c + 1];
        int[][] from = new int[t + 1][c + 1];
        for (double[] row : cost) {
            Arrays.fill(row, Double.POSITIVE_INFINITY);
        }
        cost[0][0] = 0;
        for (int i = 1; i <= t; i++) {
            double want = perLetter * tokens[i - 1].codePointCount(0, tokens[i - 1].length());
            for (int j = i; j <= c - (t - i); j++) {
                for (int k = i - 1; k < j; k++) {
                    if (cost[i - 1][k] == Double.POSITIVE_INFINITY) {
                        continue;
                    }
                    double width = 0;
                    for (int m = k; m < j; m++) {
                        width += words.get(m)[1] - words.get(m)[0] + 1;
                    }
                    double candidate = cost[i - 1][k] + (width - want) * (width - want);
                    if (candidate < cost[i][j]) {
                        cost[i][j] = candidate;
                        from[i][j] = k;
                    }
                }
            }
        }
        int[][] runs = new int[t][];
        int j = c;
        for (int i = t; i >= 1; i--) {
            int k = from[i][j];
            runs[i - 1] = new int[] {words.get(k)[0], words.get(j - 1)[1]};
            j = k;
        }
        return new ArrayList<>(Arrays.asList(runs));
    }

    /** The x at {@code fraction} (0 to 1) of the clusters' ink widths added up, the gaps left out. */
    private static double inkX(List<int[]> words, double fraction) {
        double total = 0;
        for (int[] w : words) {
            total += w[1] - w[0] + 1;
        }
        double at = fraction * total;
        for (int[] w : words) {
            double width = w[1] - w[0] + 1;
            if (at <= width) {
                return w[0] + at;
            }
            at -= width;
        }
        return words.get(words.size() - 1)[1];
    }

    /** Word-sized clusters of ink columns inside {@code s.box}, in image x coordinates. */
    private List<int[]> wordClusters(TextSegment s) {
        Rectangle b = s.box.intersection(pixels.bounds());
        return inkClusters(b, s.background, Math.max(3, (int) Math.round(0.14 * b.height)));
    }

    /**
     * The column ranges (inclusive) of {@code area} that hold ink on {@code background}, joined across fewer than
     * {@code gap} empty columns.
     */
    private List<int[]> inkClusters(Rectangle area, int background, int gap) {
        Rectangle b = area.intersection(pixels.bounds());
        List<int[]> runs = new ArrayList<>();
        int start = -1;
        for (int x = b.x; x <= b.x + b.width; x++) {
            boolean ink = false;
            if (x < b.x + b.width) {
                for (int y = b.y; y < b.y + b.height && !ink; y++) {
                    ink = pixels.inkAt(x, y, background);
                }
            }
            if (ink && start < 0) {
                start = x;
            } else if (!ink && start >= 0) {
                runs.add(new int[] {start, x - 1});
                start = -1;
            }
        }
        return runs.isEmpty() ? runs : cluster(runs, gap, new boolean[0]);
    }

    private static int rangeOf(List<int[]> ranges, int x) {
        for (int i = 0; i < ranges.size(); i++) {
            if (x >= ranges.get(i)[0] && x <= ranges.get(i)[1]) {
                return i;
            }
        }
        return -1;
    }

    /**
     * {@code s} without a pale mark OCR read as a character at its start: the triangle of a documentation tree's
     * entry (Doxygen's "►", pale blue before a link, read as "7": "7 composite.h"). The first word is such a mark
     * when it is one character whose ink is clearly fainter than the rest of the piece (its strongest pixel at
     * most {@link #PALE_MARK} as far from the background as the rest's). Returns {@code s} otherwise.
     */
    TextSegment withoutPaleMark(TextSegment s) {
        String[] tokens = s.text.split("\\s+", 2);
        if (tokens.length < 2 || tokens[0].codePointCount(0, tokens[0].length()) != 1) {
            return s;
        }
        List<int[]> words = wordClusters(s);
        if (words.size() < 2) {
            return s;
        }
        int[] mark = words.get(0);
        int markInk = 0;
        for (int x = mark[0]; x <= mark[1]; x++) {
            markInk = Math.max(markInk, Pixels.distance(strongestInk(s, x), s.background));
        }
        int restInk = 0;
        for (int x = words.get(1)[0]; x < s.box.x + s.box.width && x < pixels.width; x++) {
            restInk = Math.max(restInk, Pixels.distance(strongestInk(s, x), s.background));
        }
        if (markInk > PALE_MARK * restInk) {
            return s;
        }
        return piece(s, tokens[1], words.get(1)[0], s.box.x + s.box.width - 1);
    }

    /** A mark's ink reaches at most this share of its piece's ink contrast to be a pale mark. */
    private static final double PALE_MARK = 0.6;

    /**
     * Cuts a piece where its underline breaks with nothing at all above the break: two links side by
     * side in one colour ("Bee swarm plots  Index", gnuplot's navigation), each underlined on its own, which OCR
     * reads as one line. A link's underline runs on under the spaces between its words; where it stops short of a
     * descender (the gaps browsers leave around "g" and "p") the descender is there above the gap. Returns
     * {@code s} alone otherwise.
     */
    List<TextSegment> splitAtUnderlineBreaks(TextSegment s) {
        Rectangle b = s.box.intersection(pixels.bounds());
        if (b.width < 8) {
            return List.of(s);
        }
        // Not only pieces measured as underlined: the break itself can bring an underline's cover of the piece under
        // the measure's share. The underline's row: the row in the lower part of the box with the most ink along it.
        int row = -1;
        int most = 0;
        for (int y = b.y + (int) (0.55 * b.height); y < Math.min(pixels.height, b.y + b.height + 2); y++) {
            int covered = 0;
            for (int x = b.x; x < b.x + b.width; x++) {
                if (pixels.inkAt(x, y, s.background)) {
                    covered++;
                }
            }
            if (covered > most) {
                most = covered;
                row = y;
            }
        }
        if (row < 0) {
            return List.of(s);
        }
        // Parted where every column of the line, the underline's row included, is empty.
        int bottom = Math.max(row, b.y + b.height - 1);
        List<int[]> ranges = inkClusters(new Rectangle(b.x, b.y, b.width, bottom - b.y + 1), s.background,
                Math.max(2, (int) Math.round(UNDERLINE_BREAK * b.height)));
        // Each part a link of its own: a word's width or more (the foot of a digit is no underline), underlined along
        // most of its width.
        int underline = row;
        if (ranges.size() < 2 || ranges.stream().anyMatch(r -> r[1] - r[0] + 1 < b.height
                || underlineShare(r, underline, s.background) < 0.8)) {
            return List.of(s);
        }
        List<TextSegment> out = pieces(s, ranges);
        return out.size() == ranges.size() ? out : List.of(s);
    }

    /** An underline's break with nothing above it at least this share of the line's height wide parts two links. */
    private static final double UNDERLINE_BREAK = 0.15;

    /**
     * The share of {@code range}'s columns that an underline on {@code row} covers; 0 when the longest unbroken run
     * on the row is under {@link #UNDERLINE_RUN} of the range: the feet of a bold word's letters, side by side, are
     * no underline, while an underline breaks only around descenders.
     */
    private double underlineShare(int[] range, int row, int background) {
        int on = 0;
        int run = 0;
        int longest = 0;
        for (int x = range[0]; x <= range[1]; x++) {
            if (pixels.inkAt(x, row, background)) {
                on++;
                run++;
                longest = Math.max(longest, run);
            } else {
                run = 0;
            }
        }
        int width = range[1] - range[0] + 1;
        return longest < UNDERLINE_RUN * width ? 0 : (double) on / width;
    }

    /** An underline's longest unbroken run is at least this share of its link's width. */
    private static final double UNDERLINE_RUN = 0.4;

    /**
     * {@code s} without a list's bullet at its start: one small blot of ink (a disc, a ring, a square) level with the
     * line's middle, set well apart from the words after it ({@link #isBullet}). OCR reads a ring as "o", "0" or "D",
     * runs a small round one into the first word ("。IdentityMap"), or reads nothing there; the bullet's word or
     * marks go with it. Spoken, "o ColumnProperty" is no link's name, and the bullet stuck to the item keeps
     * a column of items from being seen as one. Returns {@code s} otherwise.
     */
    TextSegment withoutBullet(TextSegment s) {
        List<int[]> words = wordClusters(s);
        if (words.size() < 2) {
            return s;
        }
        int[] first = words.get(0);
        int[] next = words.get(1);
        // What OCR read for the bullet: up to two leading words of one character each ("o", "0 o" for one ring), or
        // marks the first word begins with ("。IdentityMap"). A word of one letter after a bullet OCR did not read
        // would go too; lists of links seldom start an item so.
        String[] tokens = s.text.split("\\s+");
        int single = 0;
        while (single < Math.min(BULLET_WORDS, tokens.length - 1)
                && tokens[single].codePointCount(0, tokens[single].length()) == 1) {
            single++;
        }
        String text = LEADING_MARKS.matcher(String.join(" ", Arrays.copyOfRange(tokens, single, tokens.length)))
                .replaceFirst("");
        if (text.isBlank()) {
            return s;
        }
        TextSegment item = piece(s, text, next[0], s.box.x + s.box.width - 1);
        Rectangle bullet = new Rectangle(first[0], s.box.y, first[1] - first[0] + 1, s.box.height);
        return isBullet(bullet, next[0], s.background, item.ink) ? item : s;
    }

    /** Marks (no letter or digit) at the start of a text: a bullet OCR joined to the first word. */
    private static final Pattern LEADING_MARKS = Pattern.compile("^[^\\p{L}\\p{N}]+");

    /**
     * Whether a piece read as one character and nothing else is a list's bullet standing before the text on its row
     * ({@link #isBullet}): OCR gives a bullet a line of its own now and then.
     */
    boolean isLoneBullet(TextSegment s, List<TextSegment> others) {
        if (s.text.codePointCount(0, s.text.length()) != 1) {
            return false;
        }
        for (TextSegment o : others) {
            if (o != s && o.sameRow(s) && o.box.x > s.box.x + s.box.width && o.box.height > s.box.height
                    && !o.text.isEmpty() && Character.isLetterOrDigit(o.text.codePointAt(0))) {
                Rectangle line = new Rectangle(s.box.x, o.box.y, s.box.width, o.box.height);
                return o.box.x - (s.box.x + s.box.width) <= BULLET_REACH * o.box.height
                        && isBullet(line, o.box.x, s.background, o.ink);
            }
        }
        return false;
    }

    /** OCR reads a bullet as at most this many words of one character. */
    private static final int BULLET_WORDS = 2;
    /** A bullet is at most this share of its line's height wide and tall. */
    private static final double BULLET_SIZE = 0.55;
    /** A bullet stands at least this share of its line's height before the item's first word. */
    private static final double BULLET_GAP = 0.5;
    /** ... and at most this many of the line's heights. */
    private static final double BULLET_REACH = 2;

    /**
     * Whether the ink in {@code column} (the bullet's columns over the whole height of its line) is a bullet before
     * text starting at {@code textStart}: at most {@link #BULLET_SIZE} of the line's height either way, at least 2
     * pixels tall, its middle within a quarter of the line's height of the line's, at least {@link #BULLET_GAP} of the
     * line's height before the text, and in another colour than the text's ink {@code textInk}. A word of one letter
     * at a line's start stands a word space from the next, nearer than a bullet; a capital or a digit is taller. A
     * bullet in the item's own ink stays with it: it is how the text role model saw a list's items when it learned
     * them (a list of names in the body's ink is text; without their bullets they passed for a menu).
     */
    private boolean isBullet(Rectangle column, int textStart, int background, int textInk) {
        int h = column.height;
        if (column.width > BULLET_SIZE * h || textStart - (column.x + column.width) < BULLET_GAP * h) {
            return false;
        }
        int[] rows = pixels.inkRows(column, background);
        int tall = rows[1] - rows[0] + 1;
        boolean level = Math.abs((rows[0] + rows[1]) / 2.0 - column.getCenterY()) <= 0.25 * h;
        if (tall < 2 || tall > BULLET_SIZE * h || !level) {
            return false;
        }
        int ink = pixels.strongestColour(new Rectangle(column.x, rows[0], column.width, tall), background);
        return Pixels.distance(ink, textInk) >= Pixels.CLEARLY_APART;
    }

    /**
     * A piece of {@code s} holding {@code text} over columns {@code left} to {@code right} (inclusive) of its
     * line, measured against {@code s}'s background.
     */
    private TextSegment piece(TextSegment s, String text, int left, int right) {
        TextSegment piece = new TextSegment(text, new Rectangle(left, s.box.y, Math.max(1, right - left + 1),
                s.box.height), s.confidence, s.line);
        measure(piece, s.background);
        return piece;
    }

    /** Measures ink colour, stroke width and underline of {@code s} against the background {@code bg}. */
    void measure(TextSegment s, int bg) {
        Rectangle b = s.box.intersection(pixels.bounds());
        s.background = bg;
        int maxDistance = 0;
        for (int y = b.y; y < b.y + b.height; y++) {
            for (int x = b.x; x < b.x + b.width; x++) {
                maxDistance = Math.max(maxDistance, Pixels.distance(pixels.at(x, y), bg));
            }
        }
        if (maxDistance == 0) {
            s.ink = bg;
            return;
        }
        // The ink colour is the commonest colour among the strongest ink pixels (a mean would mix a link's
        // blue with the black of the sentence around it).
        int strong = (int) (0.75 * maxDistance);
        Map<Integer, long[]> bins = new HashMap<>();
        for (int y = b.y; y < b.y + b.height; y++) {
            for (int x = b.x; x < b.x + b.width; x++) {
                int c = pixels.at(x, y);
                if (Pixels.distance(c, bg) >= strong) {
                    long[] n = bins.computeIfAbsent(c & 0xe0e0e0, k -> new long[4]);
                    n[0]++;
                    n[1] += (c >> 16) & 0xff;
                    n[2] += (c >> 8) & 0xff;
                    n[3] += c & 0xff;
                }
            }
        }
        long[] top = bins.values().stream().max(java.util.Comparator.comparingLong(n -> n[0])).orElseThrow();
        s.ink = (int) (top[1] / top[0]) << 16 | (int) (top[2] / top[0]) << 8 | (int) (top[3] / top[0]);
        int half = maxDistance / 2;
        // Stroke width: median length of horizontal ink runs through the middle of the letters.
        List<Integer> lengths = new ArrayList<>();
        for (int y = b.y + (int) (0.3 * b.height); y < b.y + (int) (0.7 * b.height); y++) {
            int run = 0;
            for (int x = b.x; x < b.x + b.width; x++) {
                if (Pixels.distance(pixels.at(x, y), bg) > half) {
                    run++;
                } else if (run > 0) {
                    lengths.add(run);
                    run = 0;
                }
            }
            if (run > 0) {
                lengths.add(run);
            }
        }
        // Runs longer than half the height are horizontal bars (an underline, the top of a T), not strokes.
        double sum = 0;
        int n2 = 0;
        for (int length : lengths) {
            if (length <= b.height / 2) {
                sum += length;
                n2++;
            }
        }
        if (n2 > 0) {
            s.strokeRatio = sum / n2 / b.height;
        }
        s.underlined = hasUnderline(b, bg, half);
    }

    private boolean hasUnderline(Rectangle b, int bg, int threshold) {
        if (b.width < 8) {
            return false;
        }
        int from = b.y + (int) (0.55 * b.height);
        int to = Math.min(pixels.height - 1, b.y + b.height + (int) (0.15 * b.height));
        for (int y = from; y <= to; y++) {
            int covered = 0;
            for (int x = b.x; x < b.x + b.width; x++) {
                if (Pixels.distance(pixels.at(x, y), bg) > threshold) {
                    covered++;
                }
            }
            if (covered >= 0.9 * b.width && !continues(y, b.x - 1, -1, b.height, bg, threshold)
                    && !continues(y, b.x + b.width, 1, b.height, bg, threshold)) {
                return true;
            }
        }
        return false;
    }

    /** True when a line on row {@code y} goes on from {@code x} for most of {@code length} pixels: a rule or a
     * box border, not an underline. */
    private boolean continues(int y, int x, int step, int length, int bg, int threshold) {
        int on = 0;
        int seen = 0;
        for (int i = 0; i < length; i++, x += step) {
            if (x < 0 || x >= pixels.width) {
                break;
            }
            seen++;
            if (Pixels.distance(pixels.at(x, y), bg) > threshold) {
                on++;
            }
        }
        return seen > 0 && on >= 0.8 * seen;
    }
}
