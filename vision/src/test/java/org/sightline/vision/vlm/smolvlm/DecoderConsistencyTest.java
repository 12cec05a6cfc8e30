package org.sightline.vision.vlm.smolvlm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sightline.task.CancellationToken;
import org.sightline.task.TaskContext;

/**
 * The decoder gives the same next-token scores however a prompt is fed to it: in one run, in chunks, one
 * position at a time, or as a first turn followed by a follow-up on its cache. Checked in real ONNX Runtime on
 * both committed tiny graph layouts (the plain export and the one with a merged cache branch).
 */
class DecoderConsistencyTest {

    private static final double TOLERANCE = 1e-4;

    static Stream<Path> layouts() {
        return Stream.of(TinyModel.DIR, TinyModel.OPTIMUM_DIR);
    }

    @ParameterizedTest
    @MethodSource("layouts")
    void oneRunChunksAndSingleStepsGiveTheSameLastRow(Path dir) {
        try (SmolVlmBackend backend = SmolVlmBackend.open("tiny", SmolVlmFiles.fromDirectory(dir));
             RunCancellation run = new RunCancellation(new CancellationToken())) {
            float[] embeds = embeds(backend, run, "the page is a dialog with a title , a menu and an orange button at the bottom .");
            int length = embeds.length / backend.config().hiddenSize();
            assertThat(length).isGreaterThan(10);
            float[] whole = lastRow(backend, embeds, length, length, run);
            assertThat(lastRow(backend, embeds, length, 4, run)).containsExactly(whole, within((float) TOLERANCE));
            assertThat(lastRow(backend, embeds, length, 1, run)).containsExactly(whole, within((float) TOLERANCE));
        }
    }

    @ParameterizedTest
    @MethodSource("layouts")
    void aFollowUpOnTheCacheEqualsAFreshRunOfTheWholeConversation(Path dir) {
        try (SmolVlmBackend backend = SmolVlmBackend.open("tiny", SmolVlmFiles.fromDirectory(dir));
             RunCancellation run = new RunCancellation(new CancellationToken())) {
            int hidden = backend.config().hiddenSize();
            float[] first = embeds(backend, run, "this image is a window with a dialog .");
            float[] second = embeds(backend, run, " is the button at the left or right ?");
            float[] both = Arrays.copyOf(first, first.length + second.length);
            System.arraycopy(second, 0, both, first.length, second.length);
            LogitsRows rows = new LogitsRows();
            TaskContext context = TaskContext.of(new CancellationToken(), p -> { });
            try (KvCache empty = backend.emptyCache();
                 KvCache afterFirst = backend.prefill(first, first.length / hidden, empty, 3, rows, run, context).cache()) {
                SmolVlmBackend.DecodeStep followUp =
                        backend.prefill(second, second.length / hidden, afterFirst, 3, rows, run, context);
                followUp.cache().close();
                assertThat(followUp.cache().length()).isEqualTo(both.length / hidden);
                float[] fresh = lastRow(backend, both, both.length / hidden, both.length / hidden, run);
                assertThat(followUp.logits()).containsExactly(fresh, within((float) TOLERANCE));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("layouts")
    void theLogitsBufferHoldsOneChunkWhateverThePromptLength(Path dir) {
        try (SmolVlmBackend backend = SmolVlmBackend.open("tiny", SmolVlmFiles.fromDirectory(dir));
             RunCancellation run = new RunCancellation(new CancellationToken())) {
            float[] embeds = embeds(backend, run, "red green blue black white grey yellow orange dark light small large");
            int length = embeds.length / backend.config().hiddenSize();
            LogitsRows rows = new LogitsRows();
            try (KvCache empty = backend.emptyCache();
                 KvCache cache = backend.prefill(embeds, length, empty, 4, rows, run,
                         TaskContext.of(new CancellationToken(), p -> { })).cache()) {
                assertThat(cache.length()).isEqualTo(length);
                int vocabRow = rows.lastRow().length * Float.BYTES;
                assertThat(rows.capacityBytes()).isLessThanOrEqualTo(4 * vocabRow);
            }
        }
    }

    private static float[] embeds(SmolVlmBackend backend, RunCancellation run, String text) {
        long[] ids = backend.tokenizer().encodeText(text);
        return backend.embed(ids, run, TaskContext.of(new CancellationToken(), p -> { }));
    }

    private static float[] lastRow(SmolVlmBackend backend, float[] embeds, int length, int chunk, RunCancellation run) {
        try (KvCache empty = backend.emptyCache()) {
            SmolVlmBackend.DecodeStep step = backend.prefill(embeds, length, empty, chunk, new LogitsRows(), run,
                    TaskContext.of(new CancellationToken(), p -> { }));
            step.cache().close();
            assertThat(step.cache().length()).isEqualTo(length);
            return step.logits();
        }
    }
}
