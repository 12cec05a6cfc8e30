package org.sightline.app.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.models.CatalogModelStore;
import org.sightline.speech.Priority;
import org.sightline.speech.RecordingSpeechOutput;
import org.sightline.task.ThreadPoolTaskExecutor;

/** The model manager's state and speech, without any toolkit, against a real store and a loopback server. */
class ModelManagerViewModelTest {

    @TempDir
    Path cache;

    private DemoModelServer server;
    private ThreadPoolTaskExecutor executor;
    private final RecordingSpeechOutput speech = new RecordingSpeechOutput();
    private CatalogModelStore store;
    private ModelManagerViewModel model;

    @BeforeEach
    void start() throws Exception {
        // 1.2 MB at 1.5 MB/s: about 0.8 s, long enough for progress at every tenth or so.
        server = new DemoModelServer(1_200_000, 1_500_000);
        executor = new ThreadPoolTaskExecutor(1, Runnable::run);
        store = server.store(cache);
        AtomicLong now = new AtomicLong(); // each reading a full gap later: every progress step is due
        model = new ModelManagerViewModel(store, executor, speech, () -> now.addAndGet(3_000_000_000L));
    }

    @AfterEach
    void stop() {
        executor.close();
        server.close();
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out");
            }
            Thread.sleep(20);
        }
    }

    @Test
    void listsEveryModelWithSizeStateAndDefault() {
        assertThat(model.rows()).extracting(ModelRow::id).containsExactly("demo", "ppocr-v4", "smolvlm-256m",
                "smolvlm-500m", "clip-vit-b32", "bge-small-en");
        ModelRow vlm = model.rows().get(2);
        assertThat(vlm.installed()).isFalse();
        assertThat(vlm.isDefault()).isTrue();
        assertThat(vlm.label()).contains("SmolVLM-256M-Instruct").contains("not installed").contains("MB")
                .contains("default for vlm");
        assertThat(model.diskUse()).contains(cache.toString());
        assertThat(model.selectedId()).isEqualTo("demo");
        assertThat(model.canDownload()).isTrue();
        assertThat(model.canRemove()).isFalse();
    }

    @Test
    void downloadSpeaksProgressEveryTenPercentAndThenTheResult() throws Exception {
        model.select("demo");
        model.download();
        assertThat(model.busy()).isTrue();
        assertThat(model.canDownload()).isFalse();
        assertThat(model.canCancel()).isTrue();
        waitFor(() -> !model.busy());

        assertThat(model.status()).isEqualTo("Demo VLM is installed.");
        assertThat(model.selected().installed()).isTrue();
        assertThat(model.canRemove()).isTrue();
        List<String> spoken = speech.spoken();
        assertThat(spoken.get(0)).isEqualTo("Downloading Demo VLM...");
        assertThat(spoken.get(spoken.size() - 1)).isEqualTo("Demo VLM is installed.");
        List<Integer> percents = spoken.stream().filter(s -> s.endsWith(" percent"))
                .map(s -> Integer.parseInt(s.replace(" percent", ""))).toList();
        assertThat(percents).hasSizeGreaterThanOrEqualTo(3).isSorted().doesNotHaveDuplicates()
                .allMatch(p -> p % 10 == 0 && p >= 10 && p <= 90);
        assertThat(speech.events()).filteredOn(e -> "earcon".equals(e.kind())).extracting(e -> e.text())
                .containsExactly("WORKING", "DONE");
        assertThat(speech.events()).filteredOn(e -> e.text() != null && e.text().endsWith(" percent"))
                .allMatch(e -> e.priority() == Priority.NORMAL);
    }

    @Test
    void cancelStopsTheDownloadAndSaysItWillResume() throws Exception {
        server.throttle(300_000);
        model.download("demo");
        waitFor(() -> model.progress() > 0.1);
        model.cancel();
        waitFor(() -> !model.busy());
        assertThat(model.status()).contains("cancelled").contains("resume");
        assertThat(store.isInstalled("demo")).isFalse();
        try (var files = Files.list(cache.resolve("demo"))) {
            assertThat(model.rows().get(0).partial()).as(files.toList().toString() + " " + speech.spoken()).isTrue();
        }
        assertThat(model.canRemove()).isTrue();
    }

    @Test
    void verifyAndRemove() throws Exception {
        model.download("demo");
        waitFor(() -> !model.busy());
        model.verify();
        waitFor(() -> !model.busy());
        assertThat(model.status()).isEqualTo("Demo VLM: all files verified.");

        Files.writeString(cache.resolve("demo/tokenizer.json"), "{\"changed\": true}");
        model.verify();
        waitFor(() -> !model.busy());
        assertThat(model.status()).contains("damaged");
        assertThat(speech.lastSpoken()).contains("damaged");
        assertThat(model.selected().installed()).isFalse();

        model.remove();
        assertThat(model.status()).startsWith("Remove Demo VLM, ").endsWith("Escape to keep it.");
        assertThat(cache.resolve("demo")).exists();
        model.remove(); // Remove again: yes
        assertThat(model.status()).startsWith("Demo VLM was removed; ").endsWith(" freed.");
        assertThat(speech.lastSpoken()).isEqualTo(model.status());
        assertThat(cache.resolve("demo")).doesNotExist();
        assertThat(model.selected().installed()).isFalse();
    }

    @Test
    void removingAsksFirstAndNoKeepsTheModel() throws Exception {
        model.download("demo");
        waitFor(() -> !model.busy());

        model.remove();
        assertThat(model.pendingRemoval()).isEqualTo("demo");
        assertThat(speech.lastSpoken()).startsWith("Remove Demo VLM, about 1.2 MB?");
        model.keep();
        assertThat(speech.lastSpoken()).isEqualTo("Demo VLM was kept.");
        assertThat(model.pendingRemoval()).isNull();
        model.confirmRemove(); // no open question: nothing happens
        assertThat(store.isInstalled("demo")).isTrue();

        // Moving to another model answers no as well.
        model.remove();
        model.select("smolvlm-256m");
        assertThat(model.pendingRemoval()).isNull();
        model.select("demo");
        model.confirmRemove();
        assertThat(store.isInstalled("demo")).isTrue();

        model.remove();
        model.confirmRemove();
        assertThat(store.isInstalled("demo")).isFalse();
        assertThat(speech.lastSpoken()).startsWith("Demo VLM was removed; 1.2 MB freed");
    }

    @Test
    void aModelBuiltIntoSightlineIsNeverRemovedAndThatIsSaid() throws Exception {
        model.select("ppocr-v4");
        waitFor(() -> store.isInstalled("ppocr-v4"));
        model.refresh();
        assertThat(model.selected().builtIn()).isTrue();
        assertThat(model.selected().label()).contains("built into Sightline");
        assertThat(model.canRemove()).isFalse();

        model.remove();
        assertThat(model.pendingRemoval()).isNull();
        assertThat(speech.lastSpoken()).endsWith(" is built into Sightline and cannot be removed.");
        assertThat(speech.events()).anyMatch(e -> "ERROR".equals(e.text()));
        assertThat(store.isInstalled("ppocr-v4")).isTrue();
    }

    @Test
    void closingDuringADownloadStopsItAndSaysItResumesLater() throws Exception {
        server.throttle(100_000);
        model.download("demo");
        waitFor(() -> model.progress() > 0.02);
        model.close();
        waitFor(() -> !model.busy());

        assertThat(speech.spoken()).contains(
                "The download of Demo VLM stopped; it resumes where it stopped when you download it again.");
        // The stop is said once, by the closing; the cancelled task says nothing after it.
        assertThat(speech.lastSpoken()).startsWith("The download of Demo VLM stopped");
        assertThat(store.isInstalled("demo")).isFalse();
    }

    @Test
    void aFailedDownloadIsSpokenWithItsReason() throws Exception {
        server.close();
        model.download("demo");
        waitFor(() -> !model.busy());
        assertThat(model.status()).contains("cannot reach 127.0.0.1");
        assertThat(speech.lastSpoken()).isEqualTo(model.status());
        assertThat(speech.events()).anyMatch(e -> "ERROR".equals(e.text()));
    }

    @Test
    void theOfferForAMissingModelSaysItsSize() {
        String offer = model.offerDownload("smolvlm-256m");
        assertThat(offer).startsWith("SmolVLM-256M-Instruct is not installed. It is ").contains(" MB")
                .endsWith("Download it now?");
        assertThat(speech.lastSpoken()).isEqualTo(offer);
    }
}
