package org.sightline.vision.ocr;

import java.awt.Rectangle;
import java.util.List;
import java.util.stream.Collectors;

/** Lines that belong together (a paragraph, a menu, a table cell), in reading order, with their bounds. */
public record TextBlock(List<TextLine> lines, Rectangle box) {

    public TextBlock {
        lines = List.copyOf(lines);
        box = new Rectangle(box);
    }

    /** A block around {@code lines}, its box the union of theirs. */
    public static TextBlock of(List<TextLine> lines) {
        Rectangle union = null;
        for (TextLine line : lines) {
            union = union == null ? line.box() : union.union(line.box());
        }
        return new TextBlock(lines, union == null ? new Rectangle() : union);
    }

    @Override
    public Rectangle box() {
        return new Rectangle(box);
    }

    /** The lines' text, one per line. */
    public String text() {
        return lines.stream().map(TextLine::text).collect(Collectors.joining("\n"));
    }
}
