package org.sightline.vision.vlm.smolvlm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.error.Problem;
import org.sightline.error.SightlineException;
import org.sightline.i18n.Messages;
import org.sightline.task.TaskContext;
import org.sightline.vision.vlm.Answer;
import org.sightline.vision.vlm.Conversation;
import org.sightline.vision.vlm.ConversationOptions;
import org.sightline.vision.vlm.GenerationSettings;
import org.sightline.vision.vlm.Question;

class SmolVlmFilesTest {

    @TempDir
    Path dir;
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

    private static final Path VARIANTS = Path.of("src/test/resources/vlm/variants");

    /** The official layout: JSON files at the top, graph variants under onnx/. */
    private void officialLayout() throws IOException {
        Files.createDirectories(dir.resolve("onnx"));
        for (String json : new String[] {"config.json", "tokenizer.json", "preprocessor_config.json"}) {
            Files.copy(TinyModel.DIR.resolve(json), dir.resolve(json));
        }
        Files.copy(TinyModel.DIR.resolve("vision_encoder.onnx"), dir.resolve("onnx/vision_encoder_quantized.onnx"));
        Files.copy(TinyModel.DIR.resolve("embed_tokens.onnx"), dir.resolve("onnx/embed_tokens_int8.onnx"));
        Files.copy(TinyModel.DIR.resolve("decoder_model_merged.onnx"), dir.resolve("onnx/decoder_model_merged_int8.onnx"));
    }

    @Test
    void theOfficialLayoutWithVariantNamesIsFound() throws IOException {
        officialLayout();
        SmolVlmFiles files = SmolVlmFiles.fromDirectory(dir);
        assertThat(files.decoder()).isEqualTo(dir.resolve("onnx/decoder_model_merged_int8.onnx"));
        assertThat(files.visionEncoder()).isEqualTo(dir.resolve("onnx/vision_encoder_quantized.onnx"));
        assertThat(files.preprocessorConfig()).isEqualTo(dir.resolve("preprocessor_config.json"));
        try (SmolVlmBackend backend = SmolVlmBackend.open("official-layout", files)) {
            assertThat(backend.config().layers()).isEqualTo(2);
        }
    }

    @Test
    void aMissingFileIsNamed() throws IOException {
        officialLayout();
        Files.delete(dir.resolve("tokenizer.json"));
        assertThatThrownBy(() -> SmolVlmFiles.fromDirectory(dir)).isInstanceOf(SightlineException.class)
                .hasMessageStartingWith("The folder " + dir + " has no tokenizer.json.");
    }

    @Test
    void aConfigThatDisagreesWithTheGraphsIsRejected() throws IOException {
        officialLayout();
        ObjectMapper json = new ObjectMapper();
        ObjectNode config = (ObjectNode) json.readTree(dir.resolve("config.json").toFile());
        ((ObjectNode) config.get("text_config")).put("num_hidden_layers", 30);
        json.writeValue(dir.resolve("config.json").toFile(), config);
        assertThatThrownBy(() -> SmolVlmBackend.open("bad", SmolVlmFiles.fromDirectory(dir)))
                .isInstanceOf(SightlineException.class)
                .hasMessageContaining("config.json says 30 decoder layers, the decoder graph has 2")
                .extracting(e -> ((SightlineException) e).problem()).isEqualTo(Problem.BAD_INPUT);
    }

    @Test
    void aDamagedGraphIsBadInput() throws IOException {
        officialLayout();
        Files.writeString(dir.resolve("onnx/embed_tokens_int8.onnx"), "not a model");
        assertThatThrownBy(() -> SmolVlmBackend.open("bad", SmolVlmFiles.fromDirectory(dir)))
                .isInstanceOf(SightlineException.class)
                .hasMessageContaining("could not be loaded")
                .extracting(e -> ((SightlineException) e).problem()).isEqualTo(Problem.BAD_INPUT);
    }

    @Test
    void aConfigWithoutTheLayerCountTakesItFromTheDecoderGraph() throws IOException {
        officialLayout();
        ObjectMapper json = new ObjectMapper();
        ObjectNode config = (ObjectNode) json.readTree(dir.resolve("config.json").toFile());
        ((ObjectNode) config.get("text_config")).remove("num_hidden_layers");
        json.writeValue(dir.resolve("config.json").toFile(), config);
        try (SmolVlmBackend backend = SmolVlmBackend.open("no-layer-count", SmolVlmFiles.fromDirectory(dir))) {
            assertThat(backend.config().layers()).isEqualTo(2);
        }
    }

    @Test
    void aFloat16CacheIsRefusedAtLoadNamingTheVariantsThatWork() throws IOException {
        officialLayout();
        Files.copy(VARIANTS.resolve("decoder_fp16_cache.onnx"), dir.resolve("onnx/decoder_model_merged_int8.onnx"),
                StandardCopyOption.REPLACE_EXISTING);
        assertThatThrownBy(() -> SmolVlmBackend.open("fp16", SmolVlmFiles.fromDirectory(dir)))
                .isInstanceOf(SightlineException.class)
                .hasMessageContaining("key/value cache as FLOAT16")
                .hasMessageContaining("plain, quantized, int8, uint8, q4 or bnb4")
                .extracting(e -> ((SightlineException) e).problem()).isEqualTo(Problem.BAD_INPUT);
    }

    @Test
    void anInt8VisionEncoderWithConvIntegerLoadsAndAnswers() throws IOException {
        officialLayout();
        Files.copy(VARIANTS.resolve("vision_encoder_convinteger.onnx"), dir.resolve("onnx/vision_encoder_int8.onnx"),
                StandardCopyOption.REPLACE_EXISTING);
        try (SmolVlmBackend backend = SmolVlmBackend.open("convinteger", SmolVlmFiles.fromDirectory(dir));
             Conversation c = backend.startConversation(TinyModel.screen(800, 600), ConversationOptions.defaults()
                     .withGeneration(GenerationSettings.defaults().withMaxNewTokens(3)))) {
            Answer a = c.ask(Question.shortDescription(), p -> { }, TaskContext.none());
            assertThat(a.tokenCount()).isEqualTo(3);
            // Every view looked at; those equal to one already encoded are not encoded again.
            assertThat(backend.stats().visionCalls() + backend.stats().visionReused())
                    .isEqualTo(TilePlan.of(800, 600, 2048, 512).imageCount());
            assertThat(backend.stats().visionCalls()).isEqualTo(
                    TinyModel.newViews(backend, List.of(TinyModel.screen(800, 600)), List.of(2048)).get(0).longValue());
        }
    }

    @Test
    void aDecoderWithoutLogitsIsRefusedAtLoad() throws IOException {
        officialLayout();
        Files.copy(VARIANTS.resolve("decoder_lm_logits.onnx"), dir.resolve("onnx/decoder_model_merged_int8.onnx"),
                StandardCopyOption.REPLACE_EXISTING);
        assertThatThrownBy(() -> SmolVlmBackend.open("renamed", SmolVlmFiles.fromDirectory(dir)))
                .isInstanceOf(SightlineException.class)
                .hasMessageContaining("no logits output")
                .hasMessageContaining("lm_logits");
    }

    @Test
    void aFolderWithSeveralPrecisionsUsesOneConsistentSet() throws IOException {
        officialLayout();
        // The export's other precisions beside the int8 ones: fp16 sorts first by name and must not be mixed in.
        Files.copy(TinyModel.DIR.resolve("vision_encoder.onnx"), dir.resolve("onnx/vision_encoder_int8.onnx"));
        Files.copy(TinyModel.DIR.resolve("vision_encoder.onnx"), dir.resolve("onnx/vision_encoder_fp16.onnx"));
        Files.copy(VARIANTS.resolve("decoder_fp16_cache.onnx"), dir.resolve("onnx/decoder_model_merged_fp16.onnx"));
        Files.copy(TinyModel.DIR.resolve("embed_tokens.onnx"), dir.resolve("onnx/embed_tokens_fp16.onnx"));
        Files.copy(TinyModel.DIR.resolve("embed_tokens.onnx"), dir.resolve("onnx/embed_tokens_quantized.onnx"));
        SmolVlmFiles files = SmolVlmFiles.fromDirectory(dir);
        assertThat(List.of(files.visionEncoder(), files.embedTokens(), files.decoder())).containsExactly(
                dir.resolve("onnx/vision_encoder_int8.onnx"), dir.resolve("onnx/embed_tokens_int8.onnx"),
                dir.resolve("onnx/decoder_model_merged_int8.onnx"));
        try (SmolVlmBackend backend = SmolVlmBackend.open("consistent", files)) {
            assertThat(backend.config().layers()).isEqualTo(2);
        }
    }
}
