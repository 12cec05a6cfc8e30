package org.sightline.models.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sightline.error.Problem;
import org.sightline.error.SightlineException;
import org.sightline.models.Catalog;
import org.sightline.models.CatalogModelStore;
import org.sightline.models.InstalledModel;
import org.sightline.models.ModelStoreConfig;
import org.sightline.task.TaskContext;

/** Real ONNX Runtime sessions on the bundled PP-OCRv4 files, fully offline, all opened by the one policy. */
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

    /** Runs the direction classifier on a grey crop; it answers two class scores. */
    private static long[] runClassifier(OnnxSession cls) throws Exception {
        return cls.use(s -> {
            try (OnnxTensor x = OnnxTensor.createTensor(OnnxModels.environment(),
                    FloatBuffer.wrap(new float[3 * 48 * 192]), new long[] {1, 3, 48, 192});
                 OrtSession.Result out = s.run(Map.of(s.getInputNames().iterator().next(), x))) {
                return ((OnnxTensor) out.get(0)).getInfo().getShape();
            }
        });
    }

    @Test
    void everySessionGetsTheOnePolicy() throws Exception {
        InstalledModel ocr = store().require("ppocr-v4", TaskContext.none());
        try (OnnxSession cls = OnnxModels.open(ocr.file("cls"), 2)) {
            assertThat(cls.policy()).isEqualTo(new OnnxSessionPolicy(2, 1, false, false,
                    OrtSession.SessionOptions.OptLevel.ALL_OPT, OnnxModels.gpuAvailable()));
            assertThat(runClassifier(cls)).containsExactly(1, 2);
            assertThat(OnnxModels.isOpen(ocr.file("cls"))).isTrue();
        }
        assertThat(OnnxModels.isOpen(ocr.file("cls"))).isFalse();
    }

    @Test
    void onnxRuntimeGetsThreadsThatSleepWhenIdle() throws Exception {
        try (OrtSession.SessionOptions options = OnnxSessionPolicy.decide(1, 0, false).options()) {
            assertThat(options.getConfigEntries()).containsEntry("session.intra_op.allow_spinning", "0")
                    .containsEntry("session.inter_op.allow_spinning", "0");
        }
    }

    @Test
    void theStoresThreadSettingLimitsEverySession() throws Exception {
        InstalledModel ocr = store().require("ppocr-v4", TaskContext.none());
        OnnxModels.setThreads(1);
        try (OnnxSession det = OnnxModels.open(ocr.file("det"), 4);
             OnnxSession cls = OnnxModels.open(ocr.file("cls"), 0)) {
            assertThat(det.policy().intraOpThreads()).isEqualTo(1);
            assertThat(cls.policy().intraOpThreads()).isEqualTo(1);
            assertThat(runClassifier(cls)).containsExactly(1, 2);
        }
    }

    @ParameterizedTest(name = "asked {0}, store limit {1}: {2} threads")
    @CsvSource({"0, 0, 0", "0, 3, 3", "4, 0, 4", "4, 2, 2", "1, 8, 1"})
    void threadCounts(int requested, int storeLimit, int expected) {
        OnnxSessionPolicy p = OnnxSessionPolicy.decide(requested, storeLimit, false);
        assertThat(p.intraOpThreads()).isEqualTo(expected);
        assertThat(p.interOpThreads()).isEqualTo(1);
        assertThat(p.spinning()).isFalse();
        assertThat(p.memoryPattern()).isFalse();
    }

    @Test
    void cudaIsAskedForOnlyWhenOfferedAndTheCpuIsTheFallback() {
        assertThat(OnnxSessionPolicy.decide(1, 0, true).cuda()).isTrue();
        assertThat(OnnxSessionPolicy.decide(1, 0, true).onCpu()).isEqualTo(OnnxSessionPolicy.decide(1, 0, false));
        assertThat(OnnxSessionPolicy.forThreads(1).cuda()).isEqualTo(OnnxModels.gpuAvailable());
    }

    @Test
    void removingTheModelClosesTheSessionsOpenOnItsFilesAndAUseAfterReinstallingOpensThemAgain() throws Exception {
        CatalogModelStore store = store();
        InstalledModel ocr = store.require("ppocr-v4", TaskContext.none());
        OnnxSession cls = OnnxModels.open(ocr.file("cls"), 1);
        OnnxSession edited = OnnxModels.open(ocr.file("cls"), Files::readAllBytes, 1);
        assertThat(OnnxModels.openCount()).isEqualTo(2);

        store.remove("ppocr-v4");
        assertThat(cls.isOpen()).isFalse();
        assertThat(edited.isOpen()).isFalse();
        assertThat(OnnxModels.isOpen(ocr.file("cls"))).isFalse();
        assertThat(OnnxModels.openCount()).isZero();
        assertThatThrownBy(() -> runClassifier(cls)).isInstanceOfSatisfying(SightlineException.class,
                e -> assertThat(e.problem()).isEqualTo(Problem.MODEL_MISSING));

        store.require("ppocr-v4", TaskContext.none());
        assertThat(runClassifier(cls)).containsExactly(1, 2);
        assertThat(runClassifier(edited)).containsExactly(1, 2);
        assertThat(cls.isOpen()).isTrue();
        cls.close();
        edited.close();
        assertThatThrownBy(() -> runClassifier(cls)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aRemovalWaitsForTheRunInProgress() throws Exception {
        CatalogModelStore store = store();
        InstalledModel ocr = store.require("ppocr-v4", TaskContext.none());
        OnnxSession cls = OnnxModels.open(ocr.file("cls"), 1);
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<long[]> run = pool.submit(() -> cls.use(s -> {
                running.countDown();
                finish.await();
                return runClassifier(cls);
            }));
            running.await();
            Future<?> removal = pool.submit(() -> store.remove("ppocr-v4"));
            Thread.sleep(100);
            assertThat(removal).isNotDone();
            finish.countDown();
            assertThat(run.get(10, TimeUnit.SECONDS)).containsExactly(1, 2);
            removal.get(10, TimeUnit.SECONDS);
            assertThat(cls.isOpen()).isFalse();
        } finally {
            finish.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void aMissingFileIsModelMissingAndAFileThatIsNoModelIsBadInput() throws Exception {
        assertThatThrownBy(() -> OnnxModels.open(cache.resolve("nothing.onnx"), 1))
                .isInstanceOfSatisfying(SightlineException.class,
                        e -> assertThat(e.problem()).isEqualTo(Problem.MODEL_MISSING));
        Path junk = Files.writeString(cache.resolve("junk.onnx"), "this is not a model");
        assertThatThrownBy(() -> OnnxModels.open(junk, 1))
                .isInstanceOfSatisfying(SightlineException.class, e -> {
                    assertThat(e.problem()).isEqualTo(Problem.BAD_INPUT);
                    assertThat(e.getMessage()).contains("junk.onnx").contains("sightline models verify");
                });
        assertThat(OnnxModels.isOpen(junk)).isFalse();
        assertThat(OnnxModels.openCount()).isZero();
    }
}
