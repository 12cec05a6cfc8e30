package org.sightline.vision.vlm.smolvlm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Properties;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.sightline.task.TaskContext;
import org.sightline.vision.vlm.Answer;
import org.sightline.vision.vlm.ConversationOptions;
import org.sightline.vision.vlm.Detail;
import org.sightline.vision.vlm.GenerationSettings;
import org.sightline.vision.vlm.Question;

/**
 * The downloaded model itself, where someone has it: run with the folder of a real SmolVLM export,
 * <pre>
 * mvn -B -pl vision -am test -Dtest=RealSmolVlmTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dsightline.smolvlm.dir=$HOME/.local/share/sightline/models/smolvlm-256m
 * </pre>
 * (the folder name, smolvlm-256m or smolvlm-500m, picks the recorded reference). It checks the numbers the
 * runner takes from the graphs, that a greedy answer about a fixed picture ends on its own end-of-utterance
 * token, and its first token ids against those the reference implementation gave, recorded in
 * reference-first-tokens.properties; when none are recorded yet it writes Sightline's to
 * target/smolvlm-first-tokens.txt for whoever runs the reference to compare and record.
 */
@EnabledIfSystemProperty(named = "sightline.smolvlm.dir", matches = ".+")
class RealSmolVlmTest {

    private static final int COMPARED = 8;

    @Test
    void theDownloadedModelLoadsAnswersAndStopsAsTheReferenceDoes() throws IOException {
        Path dir = Path.of(System.getProperty("sightline.smolvlm.dir"));
        String name = dir.getFileName().toString();
        try (SmolVlmBackend backend = SmolVlmBackend.open(name, SmolVlmFiles.fromDirectory(dir))) {
            SmolVlmConfig config = backend.config();
            assertThat(config.layers()).as("decoder layers (256M: 30, 500M: 32)").isIn(30, 32);
            assertThat(config.hiddenSize()).as("hidden size (256M: 576, 500M: 960)").isIn(576, 960);
            assertThat(config.tokensPerTile()).isEqualTo(64);
            assertThat(config.imageTokenId()).isEqualTo(49190);
            assertThat(backend.stopIds()).contains(49279L);

            GenerationSettings greedy = GenerationSettings.defaults().withMaxNewTokens(256);
            long[] ids;
            Answer answer;
            try (SmolVlmConversation c = (SmolVlmConversation) backend.startConversation(
                    ImageIO.read(Path.of("src/test/resources/vlm/reference-image.png").toFile()),
                    new ConversationOptions(Detail.FULL, greedy))) {
                answer = c.ask(Question.of("Describe this image."), piece -> { }, TaskContext.none());
                ids = c.lastAnswerIds();
            }
            assertThat(answer.finishReason()).as("the answer ends on <end_of_utterance>: " + answer.text())
                    .isEqualTo(Answer.FinishReason.END_OF_ANSWER);
            assertThat(answer.text()).isNotBlank();

            String recorded = recorded(name);
            String ours = Arrays.stream(ids).limit(COMPARED).mapToObj(Long::toString).collect(Collectors.joining(","));
            if (recorded.isEmpty()) {
                Files.createDirectories(Path.of("target"));
                Files.writeString(Path.of("target/smolvlm-first-tokens.txt"), name + "=" + ours + "\n" + answer.text() + "\n");
            } else {
                assertThat(ours).as("first %d greedy token ids against the reference", COMPARED).isEqualTo(recorded);
            }
        }
    }

    private static String recorded(String model) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("src/test/resources/vlm/reference-first-tokens.properties"))) {
            p.load(in);
        }
        return p.getProperty(model, "").strip();
    }
}
