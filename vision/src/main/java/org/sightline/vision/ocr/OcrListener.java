package org.sightline.vision.ocr;

/**
 * Receives lines while an image is being read, so speech can start before the page is finished. Called on
 * the reading thread, in reading order; keep it quick (hand the line to a queue).
 */
@FunctionalInterface
public interface OcrListener {

    /** A listener that ignores every line. */
    OcrListener NONE = (line, position) -> { };

    /** One recognised line and where it stands in the page. */
    void onLine(TextLine line, LinePosition position);

    /**
     * Where a streamed line stands: {@code index} counts lines from 0 in reading order, {@code block} counts
     * blocks from 0, {@code startsBlock} is true for the first line of a block, and {@code expectedLines} is how
     * many text lines were found on the page (lines with nothing readable are skipped, so fewer may arrive).
     */
    record LinePosition(int index, int block, boolean startsBlock, int expectedLines) {
    }
}
