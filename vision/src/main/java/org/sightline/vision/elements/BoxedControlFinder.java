package org.sightline.vision.elements;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Buttons and text fields from the outlines of boxes: a box around one short centred text (or text that fills
 * it) is a button; a wide empty box, or one with text at its left (a value, a hint), is a field labelled by the
 * text beside or above it, unless its inside is clearly darker than the page around it (a heading's bar); a box
 * with text at its right end past a rule is a field and its button drawn as one (decision 0031). Where the
 * learned detector is better for a type, {@link ElementFinder} keeps this rule's findings of that type only where
 * the detector found nothing ({@link LearnedControls}).
 */
final class BoxedControlFinder {

    /** A rule between a field and its button differs from both sides by at least this much in one channel. */
    private static final int RULE_CONTRAST = 24;
    /** A field's inside is at most this much darker (in luminance, 0-255) than the page around it. */
    private static final int DARKER_FILL = 25;
    /** Running text goes on at most this many box heights from a box set within it (a space, or two). */
    private static final double INLINE_GAP = 0.5;
    /** A button's label is a few words; a box holding more holds a sentence (a notice, a caption). */
    private static final int MAX_LABEL_WORDS = 6;
    /** Pieces of one label stand at most this many box heights apart. */
    private static final double LABEL_GAP = 1.5;

    private final PageText page;

    BoxedControlFinder(PageText page) {
        this.page = page;
    }

    List<Found> find(List<Outline> outlines) {
        List<Found> found = new ArrayList<>();
        List<Outline> boxes = candidates(outlines);
        boxes.sort(Comparator.comparingDouble(o -> (double) o.box().width * o.box().height));
        for (Outline o : boxes) {
            Rectangle b = o.box();
            List<TextSegment> inside = page.freeInside(b);
            boolean oneRow = inside.stream().allMatch(s -> s.sameRow(inside.get(0)));
            if (!oneRow) {
                continue;
            }
            if (inside.isEmpty()) {
                if (b.width >= 2.5 * b.height && !beforeASentence(b)) {
                    found.add(new Found(ElementType.FIELD, page.fieldLabel(b), b, 0.7));
                }
                continue;
            }
            inside.sort(Comparator.comparingInt(s -> s.box.x));
            Rectangle textBox = union(inside);
            String label = joined(inside);
            // A button's label is one group of words; a field may hold its hint at the left and a clear button or
            // an icon far off at the right, which together only look centred.
            boolean oneGroup = widestGap(inside) <= LABEL_GAP * b.height;
            boolean centred = oneGroup && Math.abs(textBox.getCenterX() - b.getCenterX()) <= 0.12 * b.width + 3;
            // A label fills its button to both ends; a field's long hint starts at the left and leaves room at the
            // right.
            int leftRoom = textBox.x - b.x;
            int rightRoom = b.x + b.width - (textBox.x + textBox.width);
            boolean fills = oneGroup && textBox.width >= 0.6 * b.width && rightRoom <= Math.max(leftRoom, b.height);
            double confidence = inside.stream().mapToDouble(s -> s.confidence).average().orElse(0.5);
            int rule = centred || fills ? -1 : innerRule(b, textBox);
            if ((centred || fills) && (isSentence(label) || inRunningText(b, inside, boxes) || afterBullet(b))) {
                // A notice or a caption's bar (a sentence in a box), code set in a thin box within a sentence (the
                // sentence's line runs on right outside the box), or an item of a bulleted list set in a box:
                // content, not a control.
                continue;
            }
            if (centred || fills) {
                found.add(new Found(ElementType.BUTTON, label, b, 0.8 * confidence));
            } else if (rule > 0) {
                // A field and its button drawn as one box ("[          | Go ]"): the rule between them parts them.
                Rectangle field = new Rectangle(b.x, b.y, rule - b.x, b.height);
                Rectangle button = new Rectangle(rule, b.y, b.x + b.width - rule, b.height);
                found.add(new Found(ElementType.FIELD, page.fieldLabel(field), field, 0.65 * confidence));
                found.add(new Found(ElementType.BUTTON, label, button, 0.8 * confidence));
            } else if (beforeASentence(b)) {
                // Code set in a box at the start of a line whose sentence runs on right after it ("__eq__ which is
                // based on attribute values"): OCR read the box's word apart from the sentence, so the box is not
                // in the sentence's line, but a field is not followed by a sentence.
                continue;
            } else if (darkerThanAround(b)) {
                // A bar filled darker than the page around it, its text at the left: a heading's or a section's
                // bar (white on slate, dark on pale blue), not a field, whose inside is white or the page's own.
                continue;
            } else {
                TextSegment own = buttonAtEnd(b, inside);
                if (own != null) {
                    // A field's own button drawn inside it, after its hint: a clear or search icon, never named by
                    // the glyph OCR took it for, or a short word ("Go") that names it.
                    boolean icon = isGlyph(own.text);
                    int side = Math.max(own.box.width, own.box.height);
                    int pad = own.box.height / 4;
                    Rectangle button = icon
                            ? new Rectangle((int) Math.round(own.centerX() - side / 2.0),
                                    (int) Math.round(own.centerY() - side / 2.0), side, side)
                            : new Rectangle(own.box.x - pad, b.y, own.box.width + 2 * pad, b.height);
                    found.add(new Found(ElementType.BUTTON, icon ? "" : own.text, button.intersection(b),
                            0.6 * own.confidence));
                    own.consumed = true;
                    inside.remove(own);
                    label = joined(inside);
                }
                String outside = page.fieldLabel(b);
                found.add(new Found(ElementType.FIELD, outside.isEmpty() ? label : outside, b, 0.65 * confidence));
            }
            inside.forEach(s -> s.consumed = true);
        }
        return found;
    }

    /** One mark ("×", "X", "Q" for a magnifier), or two that are not letters; "Go" and "OK" are words. */
    private static boolean isGlyph(String text) {
        int marks = text.codePointCount(0, text.length());
        return marks == 1 || marks == 2 && text.codePoints().noneMatch(Character::isLetter);
    }

    /** Whether {@code label} is too long for a button's: a sentence, as a notice or a caption's bar holds. */
    private static boolean isSentence(String label) {
        return !label.isBlank() && label.strip().split("\\s+").length > MAX_LABEL_WORDS;
    }

    /**
     * The piece at the right end of field {@code b}, one or two characters standing far from the text before it
     * or alone in the field's right half: the field's button (a clear cross, a search icon read as "Q", a "Go");
     * null when there is none.
     */
    private static TextSegment buttonAtEnd(Rectangle b, List<TextSegment> inside) {
        if (inside.isEmpty()) {
            return null;
        }
        TextSegment last = inside.get(inside.size() - 1);
        boolean glyph = last.text.codePointCount(0, last.text.length()) <= 2;
        boolean atEnd = b.x + b.width - (last.box.x + last.box.width) <= b.height;
        // Apart from the text before it; or, alone in an empty field, in the field's right half (Sphinx's
        // "[          Go]", the rule between them too faint to part the box).
        boolean apart = inside.size() == 1 ? last.box.x > b.x + b.width / 2
                : last.box.x - (inside.get(inside.size() - 2).box.x + inside.get(inside.size() - 2).box.width)
                        > LABEL_GAP * b.height;
        return glyph && atEnd && apart ? last : null;
    }

    /**
     * Whether the OCR line of the text inside box {@code b} goes on just outside it, at its left or right, within
     * a word space or two, and not into another of the {@code boxes}: a word boxed within running text (inline
     * code), which a button is not. Buttons side by side, or a field and its button, are each in a box.
     */
    private boolean inRunningText(Rectangle b, List<TextSegment> inside, List<Outline> boxes) {
        for (TextSegment s : page.segments) {
            if (inside.contains(s) || inside.stream().noneMatch(i -> i.line == s.line)
                    || boxes.stream().anyMatch(o -> o.box().contains(s.centerX(), s.centerY()))) {
                continue;
            }
            int gap = Math.max(b.x - (s.box.x + s.box.width), s.box.x - (b.x + b.width));
            if (gap >= -2 && gap <= INLINE_GAP * b.height) {
                return true;
            }
        }
        return false;
    }

    /** Words of running text after a box that make it a word of the sentence, not a field. */
    private static final int SENTENCE_WORDS = 4;

    /**
     * Whether running text of {@link #SENTENCE_WORDS} words or more, on box {@code b}'s row (at least half of the
     * text's height within the box's), starts within a word space or two right of the box or runs on through its
     * right side: the box is a word of that sentence (inline code, whose word OCR read apart, or as part of the
     * sentence's line), not a field.
     */
    private boolean beforeASentence(Rectangle b) {
        for (TextSegment s : page.segments) {
            int overlap = Math.min(b.y + b.height, s.box.y + s.box.height) - Math.max(b.y, s.box.y);
            if (s.words() < SENTENCE_WORDS || overlap < 0.5 * s.box.height) {
                continue;
            }
            int right = b.x + b.width;
            int gap = s.box.x - right;
            boolean after = gap >= -2 && gap <= INLINE_GAP * b.height;
            // A line that runs through the box and holds a label's colon is a form's row ("Graphical overview:
            // [100] Alignments: [100]") that OCR read across its fields.
            boolean through = s.box.x < right && s.box.x + s.box.width > right + b.height && !s.text.contains(":");
            if (after || through) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a list's bullet stands just left of box {@code b}: within two box heights of its left side, one small
     * blot of ink (at most half the box's height either way, at least 3 pixels) level with the box's middle, and
     * no other ink between the two.
     */
    private boolean afterBullet(Rectangle b) {
        Pixels pixels = page.pixels;
        int from = Math.max(0, b.x - 2 * b.height);
        int to = b.x - 2;
        if (to - from < 4) {
            return false;
        }
        int background = pixels.dominantColour(new Rectangle(from, b.y, to - from, b.height));
        int left = Integer.MAX_VALUE;
        int right = -1;
        int top = Integer.MAX_VALUE;
        int bottom = -1;
        for (int y = b.y; y < b.y + b.height; y++) {
            for (int x = from; x < to; x++) {
                if (pixels.inkAt(x, y, background)) {
                    left = Math.min(left, x);
                    right = Math.max(right, x);
                    top = Math.min(top, y);
                    bottom = Math.max(bottom, y);
                }
            }
        }
        if (right < 0) {
            return false;
        }
        int width = right - left + 1;
        int height = bottom - top + 1;
        double middle = (top + bottom) / 2.0;
        return width >= 3 && height >= 3 && width <= b.height / 2 && height <= b.height / 2
                && Math.abs(middle - b.getCenterY()) <= 0.2 * b.height && solid(left, top, width, height, background);
    }

    /** Whether the ink in the given rectangle covers most of it, as a bullet's disc or square does. */
    private boolean solid(int x0, int y0, int width, int height, int background) {
        int ink = 0;
        for (int y = y0; y < y0 + height; y++) {
            for (int x = x0; x < x0 + width; x++) {
                if (page.pixels.inkAt(x, y, background)) {
                    ink++;
                }
            }
        }
        return ink >= 0.6 * width * height;
    }

    /** The widest space between consecutive pieces of {@code pieces}, sorted left to right. */
    private static int widestGap(List<TextSegment> pieces) {
        int widest = 0;
        for (int i = 1; i < pieces.size(); i++) {
            Rectangle a = pieces.get(i - 1).box;
            widest = Math.max(widest, pieces.get(i).box.x - (a.x + a.width));
        }
        return widest;
    }

    /**
     * The x of a vertical rule running the inner height of box {@code b} between an empty part at its left and
     * {@code text} at its right end, where a button is drawn against a field; -1 when there is none. The text
     * must end near the box's right edge and take less than half of it, the empty part at least twice its height.
     */
    private int innerRule(Rectangle b, Rectangle text) {
        Pixels pixels = page.pixels;
        int right = b.x + b.width;
        if (right - (text.x + text.width) > b.height || text.x - b.x < b.width / 2 || b.height < 12) {
            return -1;
        }
        int top = b.y + 3;
        int bottom = b.y + b.height - 3;
        for (int x = text.x - 3; x >= b.x + 2 * b.height; x--) {
            int ruled = 0;
            for (int y = top; y < bottom; y++) {
                int c = pixels.at(x, y);
                if (Pixels.distance(c, pixels.at(x - 2, y)) >= RULE_CONTRAST
                        && Pixels.distance(c, pixels.at(x + 2, y)) >= RULE_CONTRAST) {
                    ruled++;
                }
            }
            if (ruled >= 0.9 * (bottom - top)) {
                return x;
            }
        }
        return -1;
    }

    /** True when the inside of box {@code b} is clearly darker than the page just above and below it. */
    private boolean darkerThanAround(Rectangle b) {
        Pixels pixels = page.pixels;
        int fill = pixels.dominantColour(new Rectangle(b.x + 2, b.y + 2, b.width - 4, b.height - 4));
        int above = pixels.dominantColour(new Rectangle(b.x, b.y - 5, b.width, 3));
        int below = pixels.dominantColour(new Rectangle(b.x, b.y + b.height + 2, b.width, 3));
        int around = Math.max(luminance(above), luminance(below));
        return luminance(fill) < around - DARKER_FILL;
    }

    private static int luminance(int c) {
        return (((c >> 16) & 0xff) * 299 + ((c >> 8) & 0xff) * 587 + (c & 0xff) * 114) / 1000;
    }

    /** Outlines of a control's height and shape; of a box's outer and inner edges, the inner one. */
    private List<Outline> candidates(List<Outline> outlines) {
        double bodyHeight = page.bodyHeight;
        List<Outline> boxes = new ArrayList<>();
        for (Outline o : outlines) {
            Rectangle b = o.box();
            if (o.circle() || b.height < 0.8 * bodyHeight || b.height > Math.max(64, 3.2 * bodyHeight)
                    || b.width < 1.5 * b.height && b.height < 1.6 * bodyHeight) {
                continue;
            }
            // A box's outer and inner edges (a thick border, a border round a fill) give two outlines.
            boolean duplicate = false;
            for (Outline other : outlines) {
                Rectangle ob = other.box();
                if (other != o && ob.contains(b) && !ob.equals(b) && ElementFinder.iou(ob, b) > 0.7) {
                    duplicate = true;
                }
            }
            if (!duplicate) {
                boxes.add(o);
            }
        }
        return boxes;
    }

    /** The box around {@code pieces} (at least one). */
    static Rectangle union(List<TextSegment> pieces) {
        Rectangle box = new Rectangle(pieces.get(0).box);
        pieces.forEach(s -> box.add(s.box));
        return box;
    }

    /** The texts of {@code pieces}, left to right, joined by spaces. */
    static String joined(List<TextSegment> pieces) {
        StringBuilder label = new StringBuilder();
        for (TextSegment s : pieces) {
            if (label.length() > 0) {
                label.append(' ');
            }
            label.append(s.text);
        }
        return label.toString();
    }
}
