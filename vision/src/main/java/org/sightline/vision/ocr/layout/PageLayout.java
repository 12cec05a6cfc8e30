package org.sightline.vision.ocr.layout;

import java.util.Collections;
import java.util.List;

/**
 * The reading structure of a page as indices into the boxes it was computed from: blocks in reading order,
 * each a list of rows (lines) from top to bottom, each row the boxes on it from left to right.
 * {@code blockRegions} gives, for each block, the index of the page region it lies in (all 0 when the page was
 * not divided into regions); a block never spans two regions.
 */
public record PageLayout(List<List<List<Integer>>> blocks, List<Integer> blockRegions) {

    public PageLayout {
        blocks = blocks.stream().map(b -> b.stream().map(List::copyOf).toList()).toList();
        blockRegions = List.copyOf(blockRegions);
        if (blockRegions.size() != blocks.size()) {
            throw new IllegalArgumentException(blocks.size() + " blocks but " + blockRegions.size() + " regions");
        }
    }

    /** A layout of a page that is one region. */
    public PageLayout(List<List<List<Integer>>> blocks) {
        this(blocks, Collections.nCopies(blocks.size(), 0));
    }

    /** How many rows (lines) the page has. */
    public int rowCount() {
        return blocks.stream().mapToInt(List::size).sum();
    }
}
