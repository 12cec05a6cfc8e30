package org.sightline.vision.vlm.smolvlm;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sightline.task.TaskContext;
import org.sightline.vision.describe.CloserLook;
import org.sightline.vision.vlm.ConversationOptions;
import org.sightline.vision.vlm.Detail;
import org.sightline.vision.vlm.GenerationSettings;
import org.sightline.vision.vlm.Question;

/**
 * "Look closer" and its parts on one picture, as the describer asks them, on the tiny graphs in real ONNX
 * Runtime: with the backend's encoded views, a view already encoded is not encoded again, and every answer is
 * the same, token for token, as a backend that encodes every view afresh gives.
 */
class EncodedViewReuseTest {

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"1920, 1080", "1024, 768"})
    void aCloserLookEncodesOnlyTheViewsNotYetEncodedAndAnswersTheSame(int width, int height) {
        BufferedImage screen = TinyModel.screen(width, height);
        Rectangle corner = CloserLook.Part.TOP_RIGHT.of(width, height);
        BufferedImage topRight = screen.getSubimage(corner.x, corner.y, corner.width, corner.height);
        // A quick look, "look closer", "look closer at the top right", "look closer" again, the top right again.
        List<BufferedImage> images = List.of(screen, screen, topRight, screen, topRight);
        List<Detail> details = List.of(Detail.FAST, Detail.FULL, Detail.FULL, Detail.FULL, Detail.FULL);
        try (SmolVlmBackend reusing = TinyModel.open(); SmolVlmBackend afresh = TinyModel.open()) {
            afresh.encodedViews().limit(0);
            List<Long> runsAfresh = new ArrayList<>();
            List<Long> runsReusing = new ArrayList<>();
            List<String> answersAfresh = looks(afresh, images, details, runsAfresh);
            List<String> answersReusing = looks(reusing, images, details, runsReusing);

            assertThat(answersReusing).isEqualTo(answersAfresh);
            assertThat(runsAfresh).containsExactly(1L, 13L, 13L, 13L, 13L);
            int full = reusing.config().longestEdge();
            int quick = reusing.config().tileSize();
            List<Integer> expected = TinyModel.newViews(reusing, images, List.of(quick, full, full, full, full));
            assertThat(runsReusing).containsExactlyElementsOf(expected.stream().map(Integer::longValue).toList());
            assertThat(runsReusing.get(3)).as("the whole picture again: every view known").isZero();
            assertThat(runsReusing.get(4)).as("the top right again: every view known").isZero();
            assertThat(reusing.stats().visionReused()).isEqualTo(53 - runsReusing.stream().mapToLong(Long::longValue).sum());
            System.out.printf("%dx%d vision-encoder runs: afresh %s = %d, reusing %s = %d%n", width, height,
                    runsAfresh, runsAfresh.stream().mapToLong(Long::longValue).sum(),
                    runsReusing, runsReusing.stream().mapToLong(Long::longValue).sum());

            reusing.forgetViews();
            long before = reusing.stats().visionCalls();
            looks(reusing, List.of(screen), List.of(Detail.FULL), new ArrayList<>());
            assertThat(reusing.stats().visionCalls() - before).as("forgotten: a new picture starts afresh")
                    .isEqualTo(TinyModel.newViews(reusing, List.of(screen), List.of(full)).get(0).longValue());
        }
    }

    /** Each look in its own conversation, as the describer starts one per look; the answers' token ids. */
    private static List<String> looks(SmolVlmBackend backend, List<BufferedImage> images, List<Detail> details,
                                      List<Long> runs) {
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            long before = backend.stats().visionCalls();
            try (SmolVlmConversation c = (SmolVlmConversation) backend.startConversation(images.get(i),
                    new ConversationOptions(details.get(i), GenerationSettings.defaults().withMaxNewTokens(10)))) {
                String text = c.ask(Question.detailedDescription(), p -> { }, TaskContext.none()).text();
                answers.add(text + " " + java.util.Arrays.toString(c.lastAnswerIds()));
            }
            runs.add(backend.stats().visionCalls() - before);
        }
        return answers;
    }
}
