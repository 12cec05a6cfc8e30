package org.sightline.vision.ocr.layout;

import java.util.List;

/**
 * The reading structure of a page as indices into the boxes it was computed from: blocks in reading order,
 * each a list of rows (lines) from top to bottom, each row the boxes on it from left to right.
 */
public record PageLayout(List<List<List<Integer>>> blocks) {

    public PageLayout {
        blocks = blocks.stream().map(b -> b.stream().map(List::copyOf).toList()).toList();
    }

    /** How many rows (lines) the page has. */
    public int rowCount() {
        return blocks.stream().mapToInt(List::size).sum();
    }
}
