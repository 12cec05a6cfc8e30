package org.sightline.vision.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.models.Catalog;
import org.sightline.models.CatalogModelStore;
import org.sightline.models.InstalledModel;
import org.sightline.models.ModelStoreConfig;
import org.sightline.models.runtime.OnnxModels;
import org.sightline.task.TaskContext;
import org.sightline.vision.ocr.ppocr.PpOcrEngine;

/** The OCR engine's sessions come from the one session policy, so removing its model closes them. */
class OcrSessionsTest {

    @TempDir
    Path cache;

    @Test
    void removingTheModelClosesTheEnginesSessionsAndReadingAfterReinstallingOpensThemAgain() {
        CatalogModelStore store = new CatalogModelStore(Catalog.builtIn(),
                ModelStoreConfig.defaults().withCacheDirectory(cache).withOffline(true));
        InstalledModel ocr = store.require("ppocr-v4", TaskContext.none());
        BufferedImage page = new RenderedPage(400, 80, Color.WHITE)
                .text("Save File", "Liberation Sans", Font.BOLD, 28, new Color(0x20, 0x20, 0x20), 20, 50)
                .image();
        try (OcrEngine engine = PpOcrEngine.load(ocr)) {
            assertThat(engine.read(page, TaskContext.none()).text()).isEqualTo("Save File");
            assertThat(OnnxModels.isOpen(ocr.file("det"))).isTrue();
            assertThat(OnnxModels.isOpen(ocr.file("rec"))).isTrue();

            store.remove("ppocr-v4");
            assertThat(OnnxModels.isOpen(ocr.file("det"))).isFalse();
            assertThat(OnnxModels.isOpen(ocr.file("cls"))).isFalse();
            assertThat(OnnxModels.isOpen(ocr.file("rec"))).isFalse();

            store.require("ppocr-v4", TaskContext.none());
            assertThat(engine.read(page, TaskContext.none()).text()).isEqualTo("Save File");
            assertThat(OnnxModels.isOpen(ocr.file("det"))).isTrue();
        }
        assertThat(OnnxModels.isOpen(ocr.file("det"))).isFalse();
    }
}
