package org.sightline.vision.image;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.sightline.error.Problem;
import org.sightline.error.SightlineException;
import org.sightline.i18n.Messages;

/**
 * Reads image files the user points Sightline at, turning every way a file can be wrong into one clear
 * message of kind {@link Problem#BAD_INPUT}. Images larger than {@link #MAX_PIXELS} are subsampled while
 * decoding, so a huge scan cannot exhaust memory.
 */
public final class ImageFiles {

    /** About 64 megapixels: larger images are read at a reduced resolution. */
    public static final long MAX_PIXELS = 64L * 1024 * 1024;

    private static final Messages MESSAGES = new Messages("org.sightline.vision.image.messages");

    private ImageFiles() {
    }

    /** Reads an image file; a file that is not an image fails with a message that names the image formats. */
    public static BufferedImage read(Path file) {
        return read(file, "image.notImage");
    }

    /**
     * Reads an image file where Sightline also takes documents (reading a file, opening or dropping one in the
     * app): a file that is neither fails with a message that names the document formats too.
     */
    public static BufferedImage readPage(Path file) {
        return read(file, "image.notPage");
    }

    private static BufferedImage read(Path file, String notImage) {
        if (!Files.exists(file)) {
            throw new SightlineException(Problem.BAD_INPUT, MESSAGES.get("image.missing", file));
        }
        if (Files.isDirectory(file)) {
            throw new SightlineException(Problem.BAD_INPUT, MESSAGES.get("image.directory", file));
        }
        if (!Files.isReadable(file)) {
            throw new SightlineException(Problem.BAD_INPUT, MESSAGES.get("image.unreadable", file));
        }
        try (InputStream in = Files.newInputStream(file);
             ImageInputStream stream = ImageIO.createImageInputStream(in)) {
            Iterator<ImageReader> readers = stream == null ? null : ImageIO.getImageReaders(stream);
            if (readers == null || !readers.hasNext()) {
                throw new SightlineException(Problem.BAD_INPUT, MESSAGES.get(notImage, file));
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(stream, true, true);
                int w = reader.getWidth(0);
                int h = reader.getHeight(0);
                if (w <= 0 || h <= 0) {
                    throw new SightlineException(Problem.BAD_INPUT, MESSAGES.get("image.empty", file));
                }
                var param = reader.getDefaultReadParam();
                long pixels = (long) w * h;
                if (pixels > MAX_PIXELS) {
                    int step = (int) Math.ceil(Math.sqrt((double) pixels / MAX_PIXELS));
                    param.setSourceSubsampling(step, step, 0, 0);
                }
                BufferedImage image = reader.read(0, param);
                if (image == null || image.getWidth() == 0 || image.getHeight() == 0) {
                    throw new SightlineException(Problem.BAD_INPUT, MESSAGES.get("image.empty", file));
                }
                return GreyImages.asStoredRgb(image);
            } finally {
                reader.dispose();
            }
        } catch (SightlineException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new SightlineException(Problem.BAD_INPUT, MESSAGES.get("image.corrupt", file), e);
        }
    }
}
