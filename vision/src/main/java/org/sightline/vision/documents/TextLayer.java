package org.sightline.vision.documents;

import java.util.List;

/**
 * The text a PDF page carries: runs of words on one baseline (a line of one column), in the order of the file,
 * in pixels at {@code dpi} of a {@code width} by {@code height} page. {@code hidden} is true when most of the
 * text is drawn invisibly, as an OCR program leaves it over a scanned image.
 */
public record TextLayer(List<DocumentLine> runs, int width, int height, int dpi, boolean hidden) {

    public TextLayer {
        runs = List.copyOf(runs);
    }

    /** A page without a text layer, of the given size. */
    public static TextLayer none(int width, int height, int dpi) {
        return new TextLayer(List.of(), width, height, dpi, false);
    }
}
