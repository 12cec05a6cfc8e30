package org.sightline.vision.ocr;

import java.awt.image.BufferedImage;
import org.sightline.task.TaskContext;

/**
 * Reads the text in an image. An engine loads its models once and is then used for many images; it is not
 * meant to read two images at once (calls are serialised). Implementations: the PP-OCR engine
 * ({@link org.sightline.vision.ocr.ppocr.PpOcrEngine}); another engine (Tesseract, say) can be added behind
 * the same interface.
 */
public interface OcrEngine extends AutoCloseable {

    /**
     * Reads {@code image}, handing each line to {@code listener} as soon as it is recognised, in reading order
     * (top of the page first, column by column), and returns the whole result.
     *
     * @throws org.sightline.error.SightlineException BAD_INPUT when the image is blank (nothing could be read)
     * @throws org.sightline.task.CancelledException when {@code context} is cancelled
     */
    OcrResult read(BufferedImage image, OcrListener listener, TaskContext context);

    /** Reads {@code image} without streaming. */
    default OcrResult read(BufferedImage image, TaskContext context) {
        return read(image, OcrListener.NONE, context);
    }

    /**
     * This engine reading through {@code cache}: line images it has read before are answered from it and not
     * recognised again. The view shares this engine's models and is closed with it, not on its own. Engines that
     * cannot cut lines before recognising them return themselves.
     */
    default OcrEngine withLineCache(LineImageCache cache) {
        return this;
    }

    /** Releases the models. */
    @Override
    void close();
}
