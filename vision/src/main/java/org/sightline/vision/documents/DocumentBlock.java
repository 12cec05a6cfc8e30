package org.sightline.vision.documents;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Lines that belong together, in reading order. {@code level} is the heading level (1 the largest) for a
 * {@link BlockKind#HEADING} and 0 for any other kind.
 */
public record DocumentBlock(BlockKind kind, int level, List<DocumentLine> lines) {

    public DocumentBlock {
        lines = List.copyOf(lines);
        if ((kind == BlockKind.HEADING) != (level > 0)) {
            throw new IllegalArgumentException(kind + " with level " + level);
        }
    }

    /**
     * The block's text as one would read it aloud: lines joined by a space (a word broken by a hyphen at the
     * end of a line is joined again), or with nothing between two lines of Chinese.
     */
    public String text() {
        StringBuilder out = new StringBuilder();
        for (DocumentLine line : lines) {
            TextJoin.append(out, line.text());
        }
        return out.toString();
    }

    /** The lines as they stand on the page, one per line. */
    public String lineText() {
        return lines.stream().map(DocumentLine::text).collect(Collectors.joining("\n"));
    }
}
