package org.sightline.vision.elements;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * The text of one page as the element finders share it: the pieces OCR's lines were cut into, which of them a
 * control has already taken, the body text's height, and the texts taken as fields' labels (the text role model
 * must not judge those again).
 */
final class PageText {

    final Pixels pixels;
    final List<TextSegment> segments;
    final double bodyHeight;
    /** Texts right against a field: labels, even when bold. */
    final Set<String> fieldLabels = new HashSet<>();
    /** Every text taken as a field's label, near or not: the model's verdict does not apply to them. */
    final Set<String> labelsOfFields = new HashSet<>();

    PageText(Pixels pixels, List<TextSegment> segments) {
        this.pixels = pixels;
        this.segments = segments;
        this.bodyHeight = weightedMedian(segments, s -> (double) s.box.height, 16);
    }

    /** The text just left of a field on its row, or just above it; empty when there is none. */
    String fieldLabel(Rectangle field) {
        TextSegment best = null;
        double bestDistance = Double.MAX_VALUE;
        for (TextSegment s : segments) {
            if (s.consumed || s.box.height > 1.3 * bodyHeight || s.underlined) {
                continue; // a logo, a heading or a link (the menu above a search box) does not label a field
            }
            double distance = Double.MAX_VALUE;
            int leftGap = field.x - (s.box.x + s.box.width);
            if (s.centerY() >= field.y && s.centerY() <= field.y + field.height && leftGap >= -2
                    && leftGap <= 3 * bodyHeight + 20) {
                distance = leftGap;
            }
            int aboveGap = field.y - (s.box.y + s.box.height);
            if (aboveGap >= -2 && aboveGap <= 1.5 * bodyHeight + 8 && s.box.x >= field.x - 12
                    && s.box.x <= field.x + field.width / 2) {
                distance = Math.min(distance, aboveGap);
            }
            if (distance < bestDistance) {
                bestDistance = distance;
                best = s;
            }
        }
        if (best != null) {
            labelsOfFields.add(best.text);
        }
        if (best != null && bestDistance <= 0.5 * bodyHeight + 2) {
            fieldLabels.add(best.text);
        }
        return best == null ? "" : best.text.replaceAll("[:：*]+$", "").strip();
    }

    /** Puts {@code pieces} in the place of {@code segment}. */
    void replace(TextSegment segment, List<TextSegment> pieces) {
        int at = segments.indexOf(segment);
        if (at >= 0) {
            segments.remove(at);
            segments.addAll(at, pieces);
        }
    }

    /** Frees the pieces whose centre lies in {@code box}, taken by an element that was then dropped. */
    void releaseInside(Rectangle box) {
        segments.stream().filter(s -> box.contains(s.centerX(), s.centerY())).forEach(s -> s.consumed = false);
    }

    /** The pieces not yet taken whose centre lies in {@code box}, in reading order. */
    List<TextSegment> freeInside(Rectangle box) {
        List<TextSegment> inside = new ArrayList<>();
        for (TextSegment s : segments) {
            if (!s.consumed && box.contains(s.centerX(), s.centerY())) {
                inside.add(s);
            }
        }
        return inside;
    }

    /** The median of {@code f} over {@code list}, each piece weighed by its characters. */
    static double weightedMedian(List<TextSegment> list, ToDoubleFunction<TextSegment> f, double fallback) {
        if (list.isEmpty()) {
            return fallback;
        }
        List<TextSegment> sorted = new ArrayList<>(list);
        sorted.sort(Comparator.comparingDouble(f));
        long total = sorted.stream().mapToLong(s -> Math.max(1, s.text.length())).sum();
        long seen = 0;
        for (TextSegment s : sorted) {
            seen += Math.max(1, s.text.length());
            if (seen * 2 >= total) {
                return f.applyAsDouble(s);
            }
        }
        return fallback;
    }
}
