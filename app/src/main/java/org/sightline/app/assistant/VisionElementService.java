package org.sightline.app.assistant;

import java.util.Map;
import org.sightline.task.TaskContext;
import org.sightline.vision.capture.Capture;
import org.sightline.vision.elements.ElementFinder;
import org.sightline.vision.elements.ElementMap;
import org.sightline.vision.ocr.OcrResult;

/**
 * The element map over the shared OCR engine. The map of the last capture is kept, so browsing, a request
 * ("click Sign in") and the summary of the same capture analyse it once.
 */
public final class VisionElementService implements ElementService {

    private final OcrReadService ocr;
    private Capture lastCapture;
    private ElementMap lastMap;

    public VisionElementService(OcrReadService ocr) {
        this.ocr = ocr;
    }

    @Override
    public synchronized ElementMap elements(Capture capture, TaskContext context) {
        if (capture != lastCapture) {
            ElementFinder.requireNotBlank(capture.image());
            OcrResult text = ocr.recognise(capture, context, line -> { });
            lastMap = ElementFinder.analyse(capture, text, context);
            lastCapture = capture;
        }
        return lastMap;
    }

    /** The kinds and counts of elements, from text already read, for the summary given without a model. */
    public synchronized Map<String, Integer> counts(Capture capture, OcrResult text, TaskContext context) {
        if (capture != lastCapture) {
            lastMap = ElementFinder.analyse(capture, text, context);
            lastCapture = capture;
        }
        return lastMap.counts();
    }
}
