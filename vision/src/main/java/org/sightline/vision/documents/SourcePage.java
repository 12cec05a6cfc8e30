package org.sightline.vision.documents;

import java.awt.image.BufferedImage;
import java.util.function.Supplier;

/**
 * One page as its file has it: the text layer (empty for a scan or an image) and the page as an image, drawn
 * only when asked, since a page with a good text layer never needs it.
 */
public record SourcePage(TextLayer layer, Supplier<BufferedImage> image) {
}
