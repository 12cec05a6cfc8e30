package org.sightline.vision.ocr;

import org.sightline.models.CatalogModelStore;
import org.sightline.task.TaskContext;

/**
 * One OCR engine family as the rest of Sightline sees it. Providers are listed in
 * {@code META-INF/services/org.sightline.vision.ocr.OcrProvider} and need a public no-argument constructor that
 * does no work; {@link OcrProviders} finds them and picks the best available one. A provider is the only code
 * that knows which catalog entry holds its model files.
 */
public interface OcrProvider {

    /** The catalog task of text-recognition models. */
    String TASK = "ocr";

    /** Short, stable, lower-case name, e.g. {@code ppocr}. */
    String id();

    /** Higher is preferred. */
    int rank();

    /** Whether the engine can be loaded from {@code store} (its model is in the catalog). Cheap: no model loads. */
    boolean isAvailable(CatalogModelStore store);

    /**
     * Loads the engine, installing its model first when that needs no network.
     *
     * @throws org.sightline.error.SightlineException MODEL_MISSING when the model is not there and cannot be
     *     installed without a download
     */
    OcrEngine load(CatalogModelStore store, TaskContext context);
}
