package org.sightline.vision.ocr.ppocr;

import java.util.Optional;
import org.sightline.models.CatalogModelStore;
import org.sightline.models.ModelEntry;
import org.sightline.task.TaskContext;
import org.sightline.vision.ocr.OcrEngine;
import org.sightline.vision.ocr.OcrProvider;

/**
 * PP-OCR behind the provider door. Its model is the catalog's default for the OCR task (the files ship in a jar,
 * so the store installs them without a network), so no other code names the catalog entry.
 */
public final class PpOcrProvider implements OcrProvider {

    /** The catalog's task name for text recognition models. */
    static final String TASK = OcrProvider.TASK;

    @Override
    public String id() {
        return "ppocr";
    }

    @Override
    public int rank() {
        return 100;
    }

    @Override
    public boolean isAvailable(CatalogModelStore store) {
        return model(store).isPresent();
    }

    @Override
    public OcrEngine load(CatalogModelStore store, TaskContext context) {
        ModelEntry entry = model(store).orElseThrow(() -> new IllegalStateException("no OCR model in the catalog"));
        return PpOcrEngine.load(store.require(entry.id(), context));
    }

    /** The catalog entry this provider loads: the default for the OCR task. */
    static Optional<ModelEntry> model(CatalogModelStore store) {
        return store.catalog().defaultFor(TASK);
    }
}
