package org.sightline.vision.elements;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checkboxes and radio buttons: small squares and circles with text just beside them. A rule, not the learned
 * detector: the training pages hold a few dozen of them, too few for it to learn (decision record 0016).
 */
final class ToggleFinder {

    /** Pixels this close to a disc's centre (channel difference) are its colour. */
    private static final int SAME_COLOUR = 60;
    /** A bullet's disc has its centre's colour over this share of its inside. */
    private static final double SOLID_SHARE = 0.85;

    /**
     * The band just inside a toggle's border lies between these shares of its half-size from its centre: outside
     * a radio button's dot (half the ring's radius, as Chromium draws it) and inside the border's stroke.
     */
    private static final double BAND_FROM = 0.65;
    private static final double BAND_TO = 0.82;
    /** A toggle's middle lies within this share of its half-size from its centre. */
    private static final double MIDDLE = 0.4;
    /** A checked toggle's mark covers at least this share of its middle. */
    private static final double MARKED_SHARE = 0.15;

    /** Hue bins (of the colour wheel) a framed picture's colours are counted in. */
    private static final int HUE_BINS = 12;
    /** Saturation (0-1) from which a pixel has a hue; a pale sky has 0.15-0.2, grey and white none. */
    private static final float PICTURE_SATURATION = 0.12f;
    /** Share of a square's inside each of a picture's two hues covers at least. */
    private static final double PICTURE_HUE_SHARE = 0.08;

    private final PageText page;
    private final Pixels pixels;

    ToggleFinder(PageText page) {
        this.page = page;
        this.pixels = page.pixels;
    }

    /** The toggles among {@code outlines}; the text that labels them is marked as taken. */
    List<Found> find(List<Outline> outlines, TextSegmenter segmenter) {
        List<Found> found = new ArrayList<>();
        Map<TextSegment, List<Outline>> hosted = new HashMap<>();
        List<Outline> loose = new ArrayList<>();
        double bodyHeight = page.bodyHeight;
        for (Outline o : outlines) {
            Rectangle b = o.box();
            boolean squarish = Math.abs(b.width - b.height) <= Math.max(2, 0.2 * Math.max(b.width, b.height));
            if (!squarish || b.height > Math.max(30, 1.6 * bodyHeight) || b.height < 9 || o.circle() && solidDisc(b)) {
                continue;
            }
            if (!o.circle() && framedPicture(b)) {
                found.add(new Found(ElementType.IMAGE, "", b, 0.6));
                // What OCR read the little picture as ("B") is no text of the page.
                page.segments.stream().filter(s -> !s.consumed && b.contains(s.box.getCenterX(), s.box.getCenterY())
                        && s.box.width <= 1.5 * b.width).forEach(s -> s.consumed = true);
                continue;
            }
            TextSegment host = null;
            for (TextSegment s : page.segments) {
                if (!s.consumed && s.box.contains(b.getCenterX(), b.getCenterY())) {
                    host = s;
                }
            }
            if (host != null) {
                // OCR read the box as a letter (O, a box glyph); a real letter O is followed by the next
                // letter, a control by a gap.
                // A letter (o, e, O) inside the line is drawn in the line's own ink; a control at the start
                // of its label's line may share it only on a line of body-text size.
                boolean sameInk = Pixels.distance(pixels.strongestColour(b, host.background), host.ink) < ONE_INK;
                boolean atStart = b.x - host.box.x < b.width;
                // "Open every day": OCR read the ring as the first letter of a word, in the word's own ink.
                boolean startsAWord = atStart && startsWithLetterOfWord(host.text);
                // At the start of a line of words, a square OCR read as no glyph at all (the text starts with a
                // plain letter further right: a dark tick in a box) is no letter, whatever its ink; a box that is
                // most of its line ("B") is what OCR read. A ring there may be a button's round icon.
                boolean readAsGlyph = o.circle() || !atStart || host.box.width < 3 * b.width
                        || !host.text.isEmpty() && isBoxGlyph(host.text.charAt(0));
                boolean letterLike = sameInk && readAsGlyph
                        && (!atStart || startsAWord || host.box.height > 1.15 * bodyHeight)
                        || glyphOfAWord(b, host.background);
                boolean even = Math.abs(b.width - b.height) <= 1 && b.height >= 11 && !letterLike
                        && !(o.circle() && !atStart && letterInSentence(b, host));
                if (even && b.height >= 0.5 * host.box.height && gapAfter(b, host) && gapBefore(b, host)) {
                    hosted.computeIfAbsent(host, k -> new ArrayList<>()).add(o);
                }
                continue;
            }
            loose.add(o);
        }
        for (Map.Entry<TextSegment, List<Outline>> entry : hosted.entrySet()) {
            splitHost(entry.getKey(), entry.getValue(), segmenter, found);
        }
        // Boxes not read as part of a line: their label is the text just right of them.
        for (Outline o : loose) {
            TextSegment beside = besideRight(o.box());
            if (beside != null) {
                beside.consumed = true;
                found.add(toggle(o, beside.text));
            }
        }
        return found;
    }

    /** One OCR line that holds toggles: each gets the text up to the next as its label. */
    private void splitHost(TextSegment host, List<Outline> hostedToggles, TextSegmenter segmenter, List<Found> found) {
        List<Outline> toggles = new ArrayList<>(hostedToggles);
        toggles.sort(Comparator.comparingInt(o -> o.box().x));
        List<int[]> ranges = new ArrayList<>();
        ranges.add(new int[] {host.box.x, toggles.get(0).box().x - 1});
        for (int i = 0; i < toggles.size(); i++) {
            Rectangle b = toggles.get(i).box();
            int end = i + 1 < toggles.size() ? toggles.get(i + 1).box().x - 1 : host.box.x + host.box.width;
            ranges.add(new int[] {b.x + b.width, end});
        }
        host.consumed = true;
        Rectangle firstBox = toggles.get(0).box();
        if (toggles.size() == 1 && firstBox.x - host.box.x < firstBox.width) {
            // The line is the control and its label; OCR read the control as a leading letter.
            found.add(toggle(toggles.get(0), stripLeadingGlyph(host.text)));
            return;
        }
        List<TextSegment> pieces = segmenter.pieces(host, ranges);
        for (int i = 0; i < toggles.size(); i++) {
            int[] range = ranges.get(i + 1);
            String label = pieces.stream().filter(p -> p.centerX() >= range[0] && p.centerX() <= range[1])
                    .map(p -> p.text).findFirst().orElse("");
            found.add(toggle(toggles.get(i), stripBoxGlyph(label)));
        }
        int[] before = ranges.get(0);
        pieces.stream().filter(p -> p.centerX() >= before[0] && p.centerX() <= before[1])
                .forEach(page.segments::add);
    }

    private Found toggle(Outline o, String label) {
        return new Found(o.circle() ? ElementType.RADIO : ElementType.CHECKBOX, label, o.box(),
                o.circle() ? 0.7 : 0.75, 0, false, checked(o) ? ElementState.CHECKED : ElementState.NOT_CHECKED);
    }

    /**
     * Whether toggle {@code o} is drawn checked: its middle holds a mark (a tick, a dot) unlike the band just
     * inside its border. A white tick on a filled box, a dark tick on a white one, a dot inside a ring all differ
     * from the band; an empty box or ring, filled or not, is one colour from the band to its middle.
     */
    private boolean checked(Outline o) {
        Rectangle b = o.box();
        double cx = b.x + b.width / 2.0;
        double cy = b.y + b.height / 2.0;
        double half = Math.min(b.width, b.height) / 2.0;
        List<Integer> band = new ArrayList<>();
        List<Integer> middle = new ArrayList<>();
        for (int y = b.y; y < b.y + b.height; y++) {
            for (int x = b.x; x < b.x + b.width; x++) {
                double dx = Math.abs(x + 0.5 - cx) / half;
                double dy = Math.abs(y + 0.5 - cy) / half;
                double d = o.circle() ? Math.hypot(dx, dy) : Math.max(dx, dy);
                if (d >= BAND_FROM && d <= BAND_TO) {
                    band.add(pixels.at(x, y));
                } else if (d <= MIDDLE) {
                    middle.add(pixels.at(x, y));
                }
            }
        }
        if (band.isEmpty() || middle.isEmpty()) {
            return false;
        }
        int inside = Pixels.mostCommon(band);
        long marked = middle.stream().filter(c -> Pixels.distance(c, inside) >= SAME_COLOUR).count();
        return marked >= MARKED_SHARE * middle.size();
    }

    /** "ORemember me" or "口 Remember me" to "Remember me"; "Open" stays. */
    private static String stripLeadingGlyph(String text) {
        String t = text.strip();
        if (t.length() > 1 && isBoxGlyph(t.charAt(0))
                && (t.charAt(1) == ' ' || !Character.isLowerCase(t.charAt(1)) || t.codePointAt(0) > 0x2000)) {
            return t.substring(1).strip();
        }
        return stripBoxGlyph(t);
    }

    private static String stripBoxGlyph(String label) {
        String t = label.strip();
        while (!t.isEmpty() && (isBoxGlyph(t.charAt(0)) && (t.length() == 1 || t.charAt(1) == ' ')
                || "<>口□☐☑☒".indexOf(t.charAt(0)) >= 0)) {
            t = t.substring(1).strip();
        }
        return t;
    }

    /** "Open …" or "0ne …": a ring-shaped letter that begins a word; "O Mornings" and "OMornings" do not. */
    private static boolean startsWithLetterOfWord(String text) {
        String t = text.strip();
        return t.length() > 1 && "OoQ0".indexOf(t.charAt(0)) >= 0 && Character.isLowerCase(t.charAt(1));
    }

    private static boolean isBoxGlyph(char c) {
        return "口□☐☑☒○◯〇OoQ0◎●◉".indexOf(c) >= 0;
    }

    /**
     * Whether circle {@code b} is one colour through and through, unlike the page around it: a list's bullet. A
     * radio button is a ring, empty inside (the page's colour) or holding a dot apart from the ring. The disc is
     * looked at a pixel inside its anti-aliased rim, which on a small bullet (9 pixels across) is a third of it.
     */
    private boolean solidDisc(Rectangle b) {
        double cx = b.x + b.width / 2.0;
        double cy = b.y + b.height / 2.0;
        double r = Math.max(1.5, 0.85 * Math.min(b.width, b.height) / 2.0 - 1);
        int centre = pixels.at((int) cx, (int) cy);
        int inside = 0;
        int alike = 0;
        for (int y = b.y; y < b.y + b.height; y++) {
            for (int x = b.x; x < b.x + b.width; x++) {
                double dx = x + 0.5 - cx;
                double dy = y + 0.5 - cy;
                if (dx * dx + dy * dy <= r * r) {
                    inside++;
                    if (Pixels.distance(pixels.at(x, y), centre) < SAME_COLOUR) {
                        alike++;
                    }
                }
            }
        }
        int outside = pixels.dominantColour(new Rectangle(b.x - 3, b.y - 3, b.width + 6, 2));
        return inside > 0 && alike >= SOLID_SHARE * inside && Pixels.distance(centre, outside) >= SAME_COLOUR;
    }

    /**
     * Whether square {@code b} frames a small picture rather than a control: its inside holds at least two
     * colours of different hues, each over {@link #PICTURE_HUE_SHARE} of it (the green hill and the pale sky of
     * the browser's broken-image icon). A checkbox is one colour with a mark of another shade or white.
     */
    private boolean framedPicture(Rectangle b) {
        Rectangle inside = new Rectangle(b.x + 2, b.y + 2, b.width - 4, b.height - 4).intersection(pixels.bounds());
        if (inside.isEmpty()) {
            return false;
        }
        int[] hues = new int[HUE_BINS];
        float[] hsb = new float[3];
        for (int y = inside.y; y < inside.y + inside.height; y++) {
            for (int x = inside.x; x < inside.x + inside.width; x++) {
                int c = pixels.at(x, y);
                java.awt.Color.RGBtoHSB(c >> 16 & 0xff, c >> 8 & 0xff, c & 0xff, hsb);
                if (hsb[1] >= PICTURE_SATURATION && hsb[2] >= 0.25f) {
                    hues[Math.min(HUE_BINS - 1, (int) (hsb[0] * HUE_BINS))]++;
                }
            }
        }
        int area = inside.width * inside.height;
        int colours = 0;
        for (int n : hues) {
            if (n >= PICTURE_HUE_SHARE * area) {
                colours++;
            }
        }
        return colours >= 2;
    }

    /**
     * Whether circle {@code b} inside line {@code host} is a round letter standing as a word ("for a particular
     * purpose"): drawn in the line's darkest ink, the word before it a word space off. The line's usual ink is
     * lighter than a letter's darkest pixel, so the darkest pixels are compared. A radio button's ring has its
     * own grey or colour, and a second radio button in a row stands further from the label before it.
     */
    private boolean letterInSentence(Rectangle b, TextSegment host) {
        int space = (int) Math.ceil(0.6 * b.height);
        boolean wordBefore = !clear(Math.max(host.box.x, b.x - space), b.x, b, host.background);
        return wordBefore && Pixels.distance(pixels.strongestColour(b, host.background),
                pixels.strongestColour(host.box, host.background)) < ONE_INK;
    }

    /**
     * Whether the ring or square {@code b} is the first glyph of a word in a colour of its own: the next glyph
     * follows within {@link #GLYPH_GAP} of its height, in its own ink (a link's "#" before the issue's number,
     * "#1376", whose hash OCR's outline took for a checked radio button). A control stands further from its label,
     * which is seldom in the control's own colour.
     */
    private boolean glyphOfAWord(Rectangle b, int background) {
        int from = b.x + b.width;
        int limit = Math.min(pixels.width, from + (int) Math.ceil(GLYPH_GAP * b.height));
        for (int x = from; x < limit; x++) {
            if (!clear(x, x + 1, b, background)) {
                Rectangle next = new Rectangle(x, b.y, Math.max(2, b.width / 2), b.height);
                return Pixels.distance(pixels.strongestColour(next, background),
                        pixels.strongestColour(b, background)) < ONE_INK;
            }
        }
        return false;
    }

    /** Two strongest colours this close (largest channel difference) are one ink. */
    private static final int ONE_INK = 40;

    /** The next glyph of a word follows within this share of a glyph's height. */
    private static final double GLYPH_GAP = 0.35;

    private boolean gapAfter(Rectangle b, TextSegment host) {
        int need = Math.max(2, (int) (0.2 * b.height));
        return clear(b.x + b.width, Math.min(pixels.width, b.x + b.width + need), b, host.background);
    }

    private boolean gapBefore(Rectangle b, TextSegment host) {
        int need = Math.max(2, (int) (0.2 * b.height));
        return clear(Math.max(host.box.x, b.x - need), b.x, b, host.background);
    }

    /** True when columns {@code from} to {@code to} (exclusive) over the rows of {@code b} are background. */
    private boolean clear(int from, int to, Rectangle b, int background) {
        for (int x = from; x < to; x++) {
            for (int y = b.y; y < b.y + b.height; y++) {
                if (pixels.inkAt(x, y, background)) {
                    return false;
                }
            }
        }
        return true;
    }

    private TextSegment besideRight(Rectangle b) {
        TextSegment best = null;
        for (TextSegment s : page.segments) {
            if (s.consumed) {
                continue;
            }
            boolean sameRow = s.centerY() >= b.y - 2 && s.centerY() <= b.y + b.height + 2;
            int gap = s.box.x - (b.x + b.width);
            if (sameRow && gap >= -2 && gap <= Math.max(24, 2.5 * b.width)
                    && (best == null || s.box.x < best.box.x)) {
                best = s;
            }
        }
        return best;
    }
}
