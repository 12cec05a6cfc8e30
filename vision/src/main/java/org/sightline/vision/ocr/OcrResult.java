package org.sightline.vision.ocr;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Everything read from one image: blocks in reading order, each with its lines in order. Coordinates are
 * pixels of the image that was read, {@code imageWidth} by {@code imageHeight}.
 */
public record OcrResult(List<TextBlock> blocks, int imageWidth, int imageHeight, Duration elapsed) {

    public OcrResult {
        blocks = List.copyOf(blocks);
    }

    /** All lines in reading order. */
    public List<TextLine> lines() {
        return blocks.stream().flatMap(b -> b.lines().stream()).toList();
    }

    public boolean isEmpty() {
        return blocks.stream().allMatch(b -> b.lines().isEmpty());
    }

    /** The text: lines separated by a line break, blocks by an empty line. */
    public String text() {
        return blocks.stream().map(TextBlock::text).collect(Collectors.joining("\n\n"));
    }
}
