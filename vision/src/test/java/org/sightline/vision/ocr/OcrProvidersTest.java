package org.sightline.vision.ocr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.error.Problem;
import org.sightline.error.SightlineException;
import org.sightline.i18n.Messages;
import org.sightline.models.Catalog;
import org.sightline.models.CatalogModelStore;
import org.sightline.models.ModelEntry;
import org.sightline.models.ModelStoreConfig;
import org.sightline.task.TaskContext;
import org.sightline.vision.ocr.ppocr.PpOcrEngine;
import org.sightline.vision.ocr.ppocr.PpOcrProvider;
import org.sightline.vision.testing.TestFonts;

/** The OCR door: providers found through ServiceLoader, the best available one loading the real PP-OCR model. */
class OcrProvidersTest {

    @TempDir
    Path cache;
    private Locale saved;

    @BeforeEach
    void english() {
        saved = Messages.locale();
        Messages.setLocale(Locale.ENGLISH);
    }

    @AfterEach
    void restore() {
        Messages.setLocale(saved);
    }

    private CatalogModelStore store(Catalog catalog) {
        return new CatalogModelStore(catalog, ModelStoreConfig.defaults().withCacheDirectory(cache).withOffline(true));
    }

    @Test
    void ppOcrIsRegisteredAndLoadsTheCatalogsOcrDefaultFromTheJar() {
        OcrProviders providers = OcrProviders.discover();
        assertThat(providers.all()).extracting(OcrProvider::id).contains("ppocr");
        CatalogModelStore store = store(Catalog.builtIn());
        assertThat(providers.best(store)).get().isInstanceOf(PpOcrProvider.class);

        BufferedImage page = new BufferedImage(480, 80, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = page.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 480, 80);
        g.setColor(Color.BLACK);
        g.setFont(TestFonts.sans(Font.PLAIN, 22));
        g.drawString("One door per engine", 20, 50);
        g.dispose();
        try (OcrEngine engine = providers.load(store, TaskContext.none())) {
            assertThat(engine).isInstanceOf(PpOcrEngine.class);
            assertThat(engine.read(page, TaskContext.none()).text().strip()).isEqualTo("One door per engine");
        }
        String ocrDefault = Catalog.builtIn().defaultFor("ocr").map(ModelEntry::id).orElseThrow();
        assertThat(store.isInstalled(ocrDefault)).as("installed from the jar on first use").isTrue();
    }

    @Test
    void aCatalogWithoutAnOcrModelLeavesNoEngineAndSaysSo() {
        List<ModelEntry> noOcr = Catalog.builtIn().entries().stream().filter(e -> !e.task().equals("ocr")).toList();
        CatalogModelStore store = store(new Catalog(noOcr));
        OcrProviders providers = OcrProviders.discover();
        assertThat(providers.best(store)).isEmpty();
        assertThatThrownBy(() -> providers.load(store, TaskContext.none()))
                .isInstanceOfSatisfying(SightlineException.class, e -> {
                    assertThat(e.problem()).isEqualTo(Problem.MODEL_MISSING);
                    assertThat(e.getMessage()).contains("No text recognition engine");
                });
    }

    @Test
    void theBestAvailableProviderComesFirst() {
        CatalogModelStore store = store(Catalog.builtIn());
        OcrProvider better = new Unavailable("better", 500);
        OcrProvider worse = new Unavailable("worse", 1);
        OcrProviders providers = new OcrProviders(List.of(worse, new PpOcrProvider(), better));
        assertThat(providers.all()).extracting(OcrProvider::id).containsExactly("better", "ppocr", "worse");
        assertThat(providers.best(store)).get().extracting(OcrProvider::id).isEqualTo("ppocr");
    }

    /** A provider whose engine is not on this machine (as Tesseract would be without its program). */
    private record Unavailable(String id, int rank) implements OcrProvider {
        @Override
        public boolean isAvailable(CatalogModelStore store) {
            return false;
        }

        @Override
        public OcrEngine load(CatalogModelStore store, TaskContext context) {
            throw new AssertionError("an unavailable provider is never loaded");
        }
    }
}
