package org.sightline.vision.documents;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One page read: {@code number} counts from 1 in the file; {@code blocks} are in reading order;
 * {@code furniture} holds what repeats on every page (running headers and footers, page numbers), kept out of
 * the reading but available on request; {@code label} is the printed page number when one was found.
 * Coordinates are pixels at {@code dpi} of a {@code width} by {@code height} page.
 */
public record DocumentPage(int number, int width, int height, int dpi, PageOrigin origin,
                           List<DocumentBlock> blocks, List<DocumentLine> furniture, Optional<String> label) {

    public DocumentPage {
        blocks = List.copyOf(blocks);
        furniture = List.copyOf(furniture);
    }

    /** The page's text for reading: blocks in order, separated by an empty line. */
    public String text() {
        return blocks.stream().map(DocumentBlock::text).collect(Collectors.joining("\n\n"));
    }

    public boolean isEmpty() {
        return blocks.isEmpty();
    }

    /** The same page with other blocks and furniture (the running lines found after the page was built). */
    DocumentPage withContent(List<DocumentBlock> newBlocks, List<DocumentLine> newFurniture,
                             Optional<String> newLabel) {
        return new DocumentPage(number, width, height, dpi, origin, newBlocks, newFurniture, newLabel);
    }
}
