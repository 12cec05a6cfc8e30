package org.sightline.vision.vlm.smolvlm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sightline.models.runtime.OnnxModels;
import org.sightline.task.TaskContext;
import org.sightline.vision.vlm.Conversation;
import org.sightline.vision.vlm.ConversationOptions;
import org.sightline.vision.vlm.Detail;
import org.sightline.vision.vlm.GenerationSettings;
import org.sightline.vision.vlm.Question;

/**
 * What a user waits for: the time from asking about a full-HD screen to the first words of the answer, and the
 * process's peak memory meanwhile, for the 256M and 500M shapes (int8, random weights: speed does not depend
 * on their values), for a fast, an adaptive and a full look, and for the full look with the prompt run in one
 * piece instead of chunks of 128 positions; then, reusing the views already encoded, a full look at a new
 * picture, "look closer" after a quick look and the whole picture looked at again.
 * Run: {@code mvn -B -pl vision -am test -Dtest=FirstWordBenchmarkTest -Dsurefire.failIfNoSpecifiedTests=false
 * -DexcludedTestGroups= -Dgroups=bench}; the graphs (about 0.5 and 0.7 GB) are generated into /tmp on first
 * use; results go to stdout and vision/target/first-word-benchmark.txt.
 */
@Tag("bench")
class FirstWordBenchmarkTest {

    private static final Path SCRIPT = Path.of("scripts/make_smolvlm_graphs.py");

    @Test
    void firstWordsAndPeakMemory() throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "%-10s %-17s %-12s %6s %14s %12s %13s", "model", "look", "prefill",
                "encoded views", "first word s", "peak RSS MB", "logits buf MB"));
        for (String preset : System.getProperty("sightline.bench.presets", "256m,500m").split(",")) {
            Path dir = Path.of("/tmp/sightline-smolvlm-" + preset + "-random-int8");
            if (!Files.isRegularFile(dir.resolve("decoder_model_merged.onnx"))) {
                generate(dir, preset);
            }
            try (SmolVlmBackend backend = SmolVlmBackend.open("bench-" + preset, SmolVlmFiles.fromDirectory(dir))) {
                // Warm-up, unmeasured: kernels, the JIT and the runner's own view timings for the adaptive look.
                firstWord(backend, Detail.FAST);
                // Every view encoded afresh, as each look on a new picture with no view equal to another.
                backend.encodedViews().limit(0);
                for (Detail look : Detail.values()) {
                    lines.add(row(preset, look.name().toLowerCase(Locale.ROOT), "chunks 128", backend, look));
                }
                backend.prefillChunk(Integer.MAX_VALUE);
                lines.add(row(preset, "full", "one piece", backend, Detail.FULL));
                backend.prefillChunk(SmolVlmBackend.PREFILL_CHUNK);
                // Reusing encoded views: a new picture (its equal tiles encoded once), "look closer" after a
                // quick look, and the whole picture again (as "look closer" after a closer look at a part).
                backend.encodedViews().limit(EncodedViews.DEFAULT_LIMIT_BYTES);
                backend.forgetViews();
                lines.add(row(preset, "full, new picture", "chunks 128", backend, Detail.FULL));
                backend.forgetViews();
                firstWord(backend, Detail.FAST);
                lines.add(row(preset, "full after fast", "chunks 128", backend, Detail.FULL));
                lines.add(row(preset, "full again", "chunks 128", backend, Detail.FULL));
            }
        }
        lines.add("processors: " + Runtime.getRuntime().availableProcessors() + ", ONNX Runtime threads: "
                + OnnxModels.threads());
        lines.forEach(System.out::println);
        Files.write(Path.of("target/first-word-benchmark.txt"), lines);
    }

    private static String row(String preset, String name, String prefill, SmolVlmBackend backend, Detail look)
            throws IOException {
        PeakMemory.reset();
        Result r = firstWord(backend, look);
        return String.format(Locale.ROOT, "%-10s %-17s %-12s %6d %14.1f %12d %13.1f", preset, name,
                prefill, r.views, r.seconds, PeakMemory.peakMegabytes(), r.logitsBytes / 1e6);
    }

    private record Result(long views, double seconds, long logitsBytes) {
    }

    /**
     * One question with a one-token answer: the time to the first token, which is what the user waits for
     * before the first word (the random weights' tokens do not decode to words, so the text cannot tell).
     */
    private static Result firstWord(SmolVlmBackend backend, Detail look) {
        long visionBefore = backend.stats().visionCalls();
        long start = System.nanoTime();
        try (SmolVlmConversation c = (SmolVlmConversation) backend.startConversation(TinyModel.screen(1920, 1080),
                new ConversationOptions(look, GenerationSettings.defaults().withMaxNewTokens(1)))) {
            c.ask(Question.shortDescription(), piece -> { }, TaskContext.none());
            return new Result(backend.stats().visionCalls() - visionBefore, (System.nanoTime() - start) / 1e9,
                    c.logitsBufferBytes());
        }
    }

    private static void generate(Path dir, String preset) throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")), "needs /usr/bin/python3 with python3-onnx");
        Process p = new ProcessBuilder("/usr/bin/python3", SCRIPT.toString(), "--preset", preset, "--int8",
                "--out", dir.toString()).inheritIO().start();
        assertThat(p.waitFor()).isZero();
    }

    /** The process's peak resident memory, from Linux's VmHWM, which writing 5 to clear_refs resets. */
    private static final class PeakMemory {

        static void reset() throws IOException {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
        }

        static long peakMegabytes() throws IOException {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
            return -1;
        }
    }
}
