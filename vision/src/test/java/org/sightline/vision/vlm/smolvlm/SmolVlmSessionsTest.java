package org.sightline.vision.vlm.smolvlm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.models.runtime.OnnxModels;
import org.sightline.task.TaskContext;
import org.sightline.vision.vlm.Conversation;
import org.sightline.vision.vlm.ConversationOptions;
import org.sightline.vision.vlm.Detail;
import org.sightline.vision.vlm.GenerationSettings;
import org.sightline.vision.vlm.Question;

/** The description model's sessions come from the one session policy: idle threads sleep, removal closes them. */
class SmolVlmSessionsTest {

    @TempDir
    Path dir;

    @Test
    void theGraphsGetThePolicyAndAreOpenedAgainAfterTheirModelWasRemoved() throws Exception {
        try (Stream<Path> files = Files.list(TinyModel.DIR)) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        ConversationOptions options = new ConversationOptions(Detail.FAST, GenerationSettings.defaults().withMaxNewTokens(4));
        try (SmolVlmBackend backend = SmolVlmBackend.open("tiny", SmolVlmFiles.fromDirectory(dir))) {
            Path decoder = dir.resolve("decoder_model_merged.onnx");
            assertThat(OnnxModels.isOpen(decoder)).isTrue();
            String first;
            try (Conversation c = backend.startConversation(TinyModel.screen(320, 240), options)) {
                first = c.ask(Question.shortDescription(), p -> { }, TaskContext.none()).text();
            }

            // What the store's remove does before deleting the files.
            OnnxModels.closeUnder(dir);
            assertThat(OnnxModels.isOpen(decoder)).isFalse();
            assertThat(OnnxModels.isOpen(dir.resolve("vision_encoder.onnx"))).isFalse();

            try (Conversation c = backend.startConversation(TinyModel.screen(320, 240), options)) {
                assertThat(c.ask(Question.shortDescription(), p -> { }, TaskContext.none()).text()).isEqualTo(first);
            }
            assertThat(OnnxModels.isOpen(decoder)).isTrue();
        }
        assertThat(OnnxModels.isOpen(dir.resolve("decoder_model_merged.onnx"))).isFalse();
    }
}
