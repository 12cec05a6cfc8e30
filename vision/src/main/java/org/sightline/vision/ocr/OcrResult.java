package org.sightline.vision.ocr;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.sightline.vision.regions.PageRegions;
import org.sightline.vision.regions.Region;

/**
 * Everything read from one image: blocks in reading order, each with its lines in order, and the regions of
 * the page (header, navigation, main content ...), which the blocks follow: every block lies in one region, and
 * a line's region is the one holding its centre. Coordinates are pixels of the image that was read,
 * {@code imageWidth} by {@code imageHeight}.
 */
public record OcrResult(List<TextBlock> blocks, PageRegions regions, int imageWidth, int imageHeight,
                        Duration elapsed) {

    public OcrResult {
        blocks = List.copyOf(blocks);
        Objects.requireNonNull(regions, "regions");
    }

    /** A result for a page that is one region. */
    public OcrResult(List<TextBlock> blocks, int imageWidth, int imageHeight, Duration elapsed) {
        this(blocks, PageRegions.whole(imageWidth, imageHeight), imageWidth, imageHeight, elapsed);
    }

    /** All lines in reading order. */
    public List<TextLine> lines() {
        return blocks.stream().flatMap(b -> b.lines().stream()).toList();
    }

    /** The region {@code line} belongs to. */
    public Region regionOf(TextLine line) {
        return regions.of(line.box());
    }

    /** The lines of {@code region}, in reading order. */
    public List<TextLine> linesIn(Region region) {
        return lines().stream().filter(l -> regionOf(l).index() == region.index()).toList();
    }

    /** The same lines with other regions (the blocks are kept as they are). */
    public OcrResult withRegions(PageRegions newRegions) {
        return new OcrResult(blocks, newRegions, imageWidth, imageHeight, elapsed);
    }

    public boolean isEmpty() {
        return blocks.stream().allMatch(b -> b.lines().isEmpty());
    }

    /** The text: lines separated by a line break, blocks by an empty line. */
    public String text() {
        return blocks.stream().map(TextBlock::text).collect(Collectors.joining("\n\n"));
    }
}
