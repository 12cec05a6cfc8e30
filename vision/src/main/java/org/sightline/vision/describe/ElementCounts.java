package org.sightline.vision.describe;

import java.util.Map;
import org.sightline.task.TaskContext;
import org.sightline.vision.capture.Capture;
import org.sightline.vision.elements.ElementFinder;
import org.sightline.vision.ocr.OcrResult;

/** The kinds and counts of controls on a capture (heading, button, link ...), for the summary given without a model. */
@FunctionalInterface
public interface ElementCounts {

    /** Counts from text already read on the same capture. */
    Map<String, Integer> count(Capture capture, OcrResult text, TaskContext context);

    /** Maps the capture's elements afresh each time (the app keeps its last map and passes its own). */
    static ElementCounts fromElementMap() {
        return (capture, text, context) -> ElementFinder.analyse(capture, text, context).counts();
    }
}
