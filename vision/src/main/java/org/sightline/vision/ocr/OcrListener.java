package org.sightline.vision.ocr;

/**
 * Receives lines while an image is being read, so speech can start before the page is finished. Called on
 * the reading thread, in reading order; keep it quick (hand the line to a queue).
 */
@FunctionalInterface
public interface OcrListener {

    /** A listener that ignores every line. */
    OcrListener NONE = (line, index, expectedLines) -> { };

    /**
     * One recognised line. {@code index} counts from 0 in reading order; {@code expectedLines} is how many
     * text lines were found on the page (lines with nothing readable are skipped, so fewer may arrive).
     */
    void onLine(TextLine line, int index, int expectedLines);
}
