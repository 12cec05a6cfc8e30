package org.sightline.vision.documents;

import java.awt.image.BufferedImage;
import org.sightline.task.TaskContext;
import org.sightline.vision.ocr.OcrResult;

/**
 * Reads the text of a drawn page: Sightline's OCR, as the {@link org.sightline.vision.read.TextReader} or an
 * {@link org.sightline.vision.ocr.OcrEngine} offers it. Asked only for pages without a usable text layer, so
 * the OCR models load only when a document needs them.
 */
@FunctionalInterface
public interface PageRecogniser {

    /**
     * @throws org.sightline.error.SightlineException BAD_INPUT when the page is blank
     */
    OcrResult recognise(BufferedImage page, TaskContext context);
}
