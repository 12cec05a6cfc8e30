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
import org.sightline.task.TaskContext;
import org.sightline.vision.vlm.Answer;
import org.sightline.vision.vlm.Conversation;
import org.sightline.vision.vlm.ConversationOptions;
import org.sightline.vision.vlm.Detail;
import org.sightline.vision.vlm.GenerationSettings;
import org.sightline.vision.vlm.Question;

/**
 * CPU speed of the SmolVLM runner on graphs with the real SmolVLM-256M sizes and random weights (speed does
 * not depend on the weights' values). The graphs (about 1 GB) are generated into /tmp on first use.
 * Run: {@code mvn -B -pl vision -am test -Dtest=SmolVlmBenchmarkTest -Dsurefire.failIfNoSpecifiedTests=false
 * -DexcludedTestGroups= -Dgroups=bench}; results go to stdout and vision/target/vlm-benchmark.txt.
 */
@Tag("bench")
class SmolVlmBenchmarkTest {

    private static final Path SCRIPT = Path.of("scripts/make_smolvlm_graphs.py");
    private static final int TOKENS = Integer.getInteger("sightline.bench.tokens", 32);

    @Test
    void realSizeGraphs() throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "%-22s %8s %12s %14s %16s %14s %10s %14s %12s", "graphs", "load s",
                "vision s/tile", "prefill tok/s", "decode ms/token", "ORT ms/token", "wall ovh", "Java CPU ms/t", "CPU ovh"));
        for (String[] variant : new String[][] {{"fp32", "/tmp/sightline-smolvlm-256m-random", ""},
                {"int8", "/tmp/sightline-smolvlm-256m-random-int8", "--int8"}}) {
            Path dir = Path.of(variant[1]);
            if (!Files.isRegularFile(dir.resolve("decoder_model_merged.onnx"))) {
                generate(dir, variant[2]);
            }
            lines.add(measure(variant[0], dir));
        }
        lines.forEach(System.out::println);
        Files.write(Path.of("target/vlm-benchmark.txt"), lines);
    }

    private static void generate(Path dir, String flag) throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")), "needs /usr/bin/python3 with python3-onnx");
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/python3", SCRIPT.toString(), "--preset", "256m", "--out", dir.toString()));
        if (!flag.isEmpty()) {
            cmd.add(flag);
        }
        Process p = new ProcessBuilder(cmd).inheritIO().start();
        assertThat(p.waitFor()).isZero();
    }

    private static String measure(String name, Path dir) {
        long loadStart = System.nanoTime();
        try (SmolVlmBackend backend = SmolVlmBackend.open("bench-" + name, SmolVlmFiles.fromDirectory(dir))) {
            double load = (System.nanoTime() - loadStart) / 1e9;
            ConversationOptions fast = new ConversationOptions(Detail.FAST,
                    GenerationSettings.defaults().withMaxNewTokens(TOKENS));
            // A first, unmeasured conversation warms up ONNX Runtime's kernels and the JIT.
            try (Conversation warm = backend.startConversation(TinyModel.screen(1280, 800), fast.withGeneration(
                    GenerationSettings.defaults().withMaxNewTokens(4)))) {
                warm.ask(Question.shortDescription(), p -> { }, TaskContext.none());
            }
            backend.stats().reset();
            backend.forgetViews();
            Answer a;
            try (Conversation c = backend.startConversation(TinyModel.screen(1280, 800), fast)) {
                a = c.ask(Question.shortDescription(), p -> { }, TaskContext.none());
                c.ask(Question.of("What colour is the button?"), p -> { }, TaskContext.none());
            }
            RunnerStats s = backend.stats();
            assertThat(s.visionCalls()).isEqualTo(1);
            assertThat(a.tokenCount()).isPositive();
            long steps = s.generatedTokens() - 2;   // the last token of each answer is not run through the decoder
            double decodeMs = s.decodeLoopNanos() / 1e6 / steps;
            double sessionMs = s.decodeSessionNanos() / 1e6 / steps;
            double javaCpuMs = s.decodeJavaCpuNanos() / 1e6 / steps;
            return String.format(Locale.ROOT, "%-22s %8.1f %12.2f %14.1f %16.1f %14.1f %9.1f%% %14.2f %11.1f%%",
                    "256M random " + name, load, s.visionNanos() / 1e9 / s.visionCalls(),
                    s.prefillTokens() / (s.prefillNanos() / 1e9), decodeMs, sessionMs,
                    100 * (decodeMs - sessionMs) / sessionMs, javaCpuMs, 100 * javaCpuMs / sessionMs);
        }
    }
}
