package org.sightline.vision.documents;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.sightline.error.Problem;
import org.sightline.error.SightlineException;
import org.sightline.vision.image.GreyImages;
import org.sightline.vision.image.ImageFiles;

/**
 * The pages of a multi-page TIFF scan, decoded one at a time by Java's own TIFF reader; a page larger than
 * {@link ImageFiles#MAX_PIXELS} is subsampled while decoding.
 */
public final class TiffPages implements PageSource {

    private final ImageInputStream stream;
    private final ImageReader reader;
    private final int count;

    private TiffPages(ImageInputStream stream, ImageReader reader, int count) {
        this.stream = stream;
        this.reader = reader;
        this.count = count;
    }

    /**
     * Opens {@code file}.
     *
     * @throws SightlineException BAD_INPUT when it is not a readable TIFF or has no pages
     */
    public static TiffPages open(Path file) {
        DocumentFiles.requireReadableFile(file);
        ImageInputStream stream = null;
        try {
            stream = ImageIO.createImageInputStream(file.toFile());
            Iterator<ImageReader> readers = stream == null ? null : ImageIO.getImageReaders(stream);
            if (readers == null || !readers.hasNext()) {
                throw new SightlineException(Problem.BAD_INPUT, DocumentFiles.MESSAGES.get("tiff.notTiff", file));
            }
            ImageReader reader = readers.next();
            reader.setInput(stream, false, true);
            int count = reader.getNumImages(true);
            if (count <= 0) {
                throw new SightlineException(Problem.BAD_INPUT, DocumentFiles.MESSAGES.get("pdf.noPages", file));
            }
            return new TiffPages(stream, reader, count);
        } catch (IOException | RuntimeException e) {
            closeQuietly(stream);
            if (e instanceof SightlineException s) {
                throw s;
            }
            throw new SightlineException(Problem.BAD_INPUT, DocumentFiles.MESSAGES.get("tiff.notTiff", file), e);
        }
    }

    @Override
    public int pageCount() {
        return count;
    }

    @Override
    public SourcePage page(int index) {
        try {
            int w = reader.getWidth(index);
            int h = reader.getHeight(index);
            ImageReadParam param = reader.getDefaultReadParam();
            long pixels = (long) w * h;
            if (pixels > ImageFiles.MAX_PIXELS) {
                int step = (int) Math.ceil(Math.sqrt((double) pixels / ImageFiles.MAX_PIXELS));
                param.setSourceSubsampling(step, step, 0, 0);
            }
            BufferedImage image = GreyImages.asStoredRgb(reader.read(index, param));
            return DocumentFiles.imagePage(image);
        } catch (IOException | RuntimeException e) {
            throw new SightlineException(Problem.BAD_INPUT,
                    DocumentFiles.MESSAGES.get("page.unreadable", index + 1), e);
        }
    }

    @Override
    public void close() {
        reader.dispose();
        closeQuietly(stream);
    }

    private static void closeQuietly(ImageInputStream stream) {
        try {
            if (stream != null) {
                stream.close();
            }
        } catch (IOException e) {
            // Only read from: nothing to lose.
        }
    }
}
