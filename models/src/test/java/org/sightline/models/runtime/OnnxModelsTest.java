package org.sightline.models.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.ZooModel;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.error.Problem;
import org.sightline.error.SightlineException;
import org.sightline.models.Catalog;
import org.sightline.models.CatalogModelStore;
import org.sightline.models.InstalledModel;
import org.sightline.models.ModelStoreConfig;
import org.sightline.task.TaskContext;

/** Real ONNX Runtime sessions through DJL on the bundled PP-OCRv4 files, fully offline. */
class OnnxModelsTest {

    @TempDir
    Path cache;

    @AfterEach
    void closeSessions() {
        OnnxModels.closeAll();
        OnnxModels.setThreads(0);
    }

    private CatalogModelStore store() {
        return new CatalogModelStore(Catalog.builtIn(), ModelStoreConfig.defaults().withCacheDirectory(cache)
                .withOffline(true));
    }

    @Test
    void loadsTheDetectorOnceAndRunsIt() {
        InstalledModel ocr = store().require("ppocr-v4", TaskContext.none());
        OnnxModels.setThreads(1);
        ZooModel<NDList, NDList> det = OnnxModels.load(ocr.file("det"));
        assertThat(OnnxModels.load(ocr.file("det"))).isSameAs(det);
        assertThat(OnnxModels.isLoaded(ocr.file("det"))).isTrue();
        assertThat(det.getNDManager().getEngine().getEngineName()).isEqualTo("OnnxRuntime");

        try (Predictor<NDList, NDList> p = det.newPredictor(); NDManager m = det.getNDManager().newSubManager()) {
            float[] pixels = new float[3 * 64 * 96];
            for (int i = 0; i < pixels.length; i++) {
                pixels[i] = (i % 7) / 7f - 0.5f;
            }
            NDArray x = m.create(pixels, new Shape(1, 3, 64, 96));
            NDList out = p.predict(new NDList(x));
            // The detector answers a probability map of the input's size.
            assertThat(out.singletonOrThrow().getShape()).isEqualTo(new Shape(1, 1, 64, 96));
        } catch (ai.djl.translate.TranslateException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void removingTheModelClosesItsSessions() {
        CatalogModelStore store = store();
        InstalledModel ocr = store.require("ppocr-v4", TaskContext.none());
        OnnxModels.load(ocr.file("cls"));
        assertThat(OnnxModels.isLoaded(ocr.file("cls"))).isTrue();
        store.remove("ppocr-v4");
        assertThat(OnnxModels.isLoaded(ocr.file("cls"))).isFalse();
        assertThat(OnnxModels.loadedCount()).isZero();
    }

    @Test
    void releaseClosesOneSessionAndALaterLoadOpensANewOne() {
        InstalledModel ocr = store().require("ppocr-v4", TaskContext.none());
        ZooModel<NDList, NDList> first = OnnxModels.load(ocr.file("cls"));
        OnnxModels.release(ocr.file("cls"));
        assertThat(OnnxModels.isLoaded(ocr.file("cls"))).isFalse();
        assertThat(OnnxModels.load(ocr.file("cls"))).isNotSameAs(first);
    }

    @Test
    void aMissingFileIsModelMissingAndAFileThatIsNoModelIsBadInput() throws Exception {
        assertThatThrownBy(() -> OnnxModels.load(cache.resolve("nothing.onnx")))
                .isInstanceOfSatisfying(SightlineException.class,
                        e -> assertThat(e.problem()).isEqualTo(Problem.MODEL_MISSING));
        Path junk = Files.writeString(cache.resolve("junk.onnx"), "this is not a model");
        assertThatThrownBy(() -> OnnxModels.load(junk))
                .isInstanceOfSatisfying(SightlineException.class, e -> {
                    assertThat(e.problem()).isEqualTo(Problem.BAD_INPUT);
                    assertThat(e.getMessage()).contains("junk.onnx").contains("sightline models verify");
                });
        assertThat(OnnxModels.isLoaded(junk)).isFalse();
    }

    @Test
    void sessionsRunOnTheGpuOnlyWhenTheRuntimeHasCuda() {
        InstalledModel ocr = store().require("ppocr-v4", TaskContext.none());
        ZooModel<NDList, NDList> cls = OnnxModels.load(ocr.file("cls"));
        // The build ships the CPU ONNX Runtime, where this is the CPU; a CUDA runtime on the class path moves it.
        assertThat(cls.getNDManager().getDevice().isGpu()).isEqualTo(OnnxModels.gpuAvailable());
    }
}
