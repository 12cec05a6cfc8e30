package org.sightline.vision.elements;

import java.awt.Rectangle;
import java.util.IdentityHashMap;
import java.util.Map;
import org.sightline.vision.ocr.OcrResult;
import org.sightline.vision.ocr.TextLine;

/**
 * Which lines of a reading are headings, and of what level, as the element map finds them: so that a script
 * reading {@code read --json} meets the same headings, with the same levels, as a user browsing the page with H.
 */
public final class LineHeadings {

    private LineHeadings() {
    }

    /**
     * The heading level of each line of {@code text} that holds a heading of {@code map} (the map made from that
     * reading): 1, 2, 3 (and deeper), or 0 for a heading whose level is not known. Lines without a heading are
     * absent. The keys are {@code text}'s own line objects.
     */
    public static Map<TextLine, Integer> of(ElementMap map, OcrResult text) {
        Map<TextLine, Integer> levels = new IdentityHashMap<>();
        for (Element heading : map.ofType(ElementType.HEADING)) {
            Rectangle b = heading.imageBox();
            for (TextLine line : text.lines()) {
                if (line.box().contains(b.getCenterX(), b.getCenterY())) {
                    levels.merge(line, heading.headingLevel(), Math::max);
                    break;
                }
            }
        }
        return levels;
    }
}
