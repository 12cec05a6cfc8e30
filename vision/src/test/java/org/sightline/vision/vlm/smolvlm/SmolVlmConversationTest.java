package org.sightline.vision.vlm.smolvlm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.task.CancellationToken;
import org.sightline.task.CancelledException;
import org.sightline.task.Progress;
import org.sightline.task.TaskContext;
import org.sightline.vision.vlm.Answer;
import org.sightline.vision.vlm.Conversation;
import org.sightline.vision.vlm.ConversationOptions;
import org.sightline.vision.vlm.Detail;
import org.sightline.vision.vlm.GenerationSettings;
import org.sightline.vision.vlm.Question;
import org.sightline.vision.vlm.TokenListener;

/** The whole SmolVLM pipeline in real ONNX Runtime on the tiny random-weight graphs. */
class SmolVlmConversationTest {

    private static SmolVlmBackend backend;

    @BeforeAll
    static void load() {
        backend = TinyModel.open();
    }

    @AfterAll
    static void close() {
        backend.close();
    }

    private static ConversationOptions options(boolean fast, int maxTokens) {
        return new ConversationOptions(fast ? Detail.FAST : Detail.FULL, GenerationSettings.defaults().withMaxNewTokens(maxTokens));
    }

    @Test
    void modelDimensionsComeFromConfigJson() {
        SmolVlmConfig c = backend.config();
        assertThat(c.layers()).isEqualTo(2);
        assertThat(c.hiddenSize()).isEqualTo(64);
        assertThat(c.kvHeads()).isEqualTo(3);
        assertThat(c.attentionHeads()).isEqualTo(9);
        assertThat(c.headDim()).isEqualTo(64);
        assertThat(c.imageTokenId()).isEqualTo(49190);
        assertThat(c.tokensPerTile()).isEqualTo(64);
        assertThat(backend.stopIds()).contains(49279L);
    }

    @Test
    void aFullHdScreenIsEncodedAsThirteenViewsAndAnsweredWithStreamedText() {
        backend.stats().reset();
        backend.forgetViews();
        List<String> pieces = new ArrayList<>();
        List<Progress> progress = new ArrayList<>();
        try (Conversation c = backend.startConversation(TinyModel.screen(1920, 1080), options(false, 12))) {
            Answer a = c.ask(Question.shortDescription(), pieces::add, TaskContext.of(new CancellationToken(), progress::add));
            assertThat(a.tokenCount()).isEqualTo(12);
            assertThat(a.finishReason()).isEqualTo(Answer.FinishReason.LENGTH_LIMIT);
            assertThat(a.text()).isNotBlank();
            assertThat(String.join("", pieces).strip()).isEqualTo(a.text());
            assertThat(c.turns()).hasSize(1);
        }
        // 13 views; tiles equal to one already encoded (the blank ones, the title bar's) are encoded once.
        long distinct = TinyModel.newViews(backend, List.of(TinyModel.screen(1920, 1080)), List.of(2048)).get(0);
        assertThat(distinct).isLessThan(13);
        assertThat(backend.stats().visionCalls()).isEqualTo(distinct);
        assertThat(backend.stats().visionReused()).isEqualTo(13 - distinct);
        // The prompt: 832 image tokens plus markers and text.
        assertThat(backend.stats().prefillTokens()).isGreaterThan(832);
        assertThat(progress).extracting(Progress::total).contains(13L);
    }

    @Test
    void anAnswerWithNewlinesAndLettersSplitAcrossTokensIsHeardOnlyInWholeLetters() {
        // The tiny tokenizer is byte-level BPE: " café" is written as " caf" + two bytes, " 按钮" as three tokens
        // that each end inside a character, and the answer has spaces and newlines of its own.
        List<String> pieces = new ArrayList<>();
        try (SmolVlmConversation c = (SmolVlmConversation) backend.startConversation(TinyModel.screen(640, 480), options(true, 12))) {
            Answer a = c.ask(Question.shortDescription(), pieces::add, TaskContext.none());
            assertThat(a.tokenCount()).isEqualTo(12);
            assertThat(a.text()).contains("café", "按钮", "\n", " ");
            assertThat(pieces).as("no piece carries a broken letter").noneMatch(p -> p.contains("\uFFFD"));
            assertThat(pieces.size()).as("tokens ending inside a letter are held back").isLessThan(12);
            assertThat(String.join("", pieces).strip()).isEqualTo(a.text());
            assertThat(a.text()).isEqualTo(backend.tokenizer().decode(c.lastAnswerIds()).strip());
        }
    }

    @Test
    void anAnswerCutOffInsideALetterEndsAtItsLastWholeLetter() {
        int cutInsideALetter = 0;
        for (int max = 8; max <= 14; max++) {
            List<String> pieces = new ArrayList<>();
            try (SmolVlmConversation c = (SmolVlmConversation) backend.startConversation(TinyModel.screen(640, 480), options(true, max))) {
                Answer a = c.ask(Question.shortDescription(), pieces::add, TaskContext.none());
                String decoded = backend.tokenizer().decode(c.lastAnswerIds());
                cutInsideALetter += decoded.endsWith("\uFFFD") ? 1 : 0;
                assertThat(a.text()).doesNotContain("\uFFFD").isEqualTo(StreamedText.wholeLetters(decoded).strip());
                assertThat(String.join("", pieces).strip()).isEqualTo(a.text());
                assertThat(c.turns().get(0).answer()).isEqualTo(a.text());
            }
        }
        assertThat(cutInsideALetter).isPositive();
    }

    @Test
    void theCacheGrowsByOnePositionPerGeneratedToken() {
        try (SmolVlmConversation c = (SmolVlmConversation) backend.startConversation(TinyModel.screen(640, 480), options(true, 8))) {
            List<Integer> lengths = new ArrayList<>();
            List<long[]> shapes = new ArrayList<>();
            List<String> heard = new ArrayList<>();
            StringBuilder text = new StringBuilder();
            long prefilled = backend.stats().prefillTokens();
            c.ask(Question.shortDescription(), piece -> {
                lengths.add(c.cachedTokens());
                shapes.add(c.cacheShape(1));
                heard.add(text.append(piece).toString());
            }, TaskContext.none());
            int prompt = (int) (backend.stats().prefillTokens() - prefilled);
            // Fast mode: 64 image tokens plus the template around them.
            assertThat(prompt).isGreaterThan(64);
            long[] ids = c.lastAnswerIds();
            assertThat(ids).hasSize(8);
            // A piece is heard once its letters are whole, which may take more than one token; when it is, the
            // cache holds the prompt and every token chosen so far but the last, which is run next.
            assertThat(lengths).isSorted().doesNotHaveDuplicates();
            for (int i = 0; i < lengths.size(); i++) {
                int chosen = lengths.get(i) - prompt + 1;
                assertThat(chosen).isBetween(1, 8);
                assertThat(shapes.get(i)).containsExactly(1, 3, lengths.get(i), 64);
                assertThat(StreamedText.wholeLetters(backend.tokenizer().decode(Arrays.copyOf(ids, chosen))))
                        .isEqualTo(heard.get(i));
            }
            // 8 tokens chosen; the 8th is not yet run through the decoder.
            assertThat(c.cachedTokens()).isEqualTo(prompt + 7);
            assertThat(c.pendingTokens()).isEqualTo(1);
        }
    }

    @Test
    void aFollowUpReusesTheCacheAndDoesNotEncodeTheImageAgain() {
        backend.stats().reset();
        backend.forgetViews();
        try (SmolVlmConversation c = (SmolVlmConversation) backend.startConversation(TinyModel.screen(800, 600), options(false, 6))) {
            c.ask(Question.shortDescription(), piece -> { }, TaskContext.none());
            long visionCalls = backend.stats().visionCalls();
            assertThat(visionCalls + backend.stats().visionReused()).isEqualTo(TilePlan.of(800, 600, 2048, 512).imageCount());
            assertThat(visionCalls).isEqualTo(
                    TinyModel.newViews(backend, List.of(TinyModel.screen(800, 600)), List.of(2048)).get(0).longValue());
            int before = c.cachedTokens();
            long prefillBefore = backend.stats().prefillTokens();

            Answer second = c.ask(Question.of("What colour is the button?"), piece -> { }, TaskContext.none());

            assertThat(backend.stats().visionCalls()).isEqualTo(visionCalls);
            long fed = backend.stats().prefillTokens() - prefillBefore;
            // The follow-up feeds the pending last token, the template and the question only.
            long template = backend.tokenizer().encode(
                    ChatPrompt.followUp("What colour is the button?")).length;
            assertThat(fed).isEqualTo(1 + template);
            assertThat(c.cachedTokens()).isEqualTo(before + fed + second.tokenCount() - 1);
            assertThat(c.turns()).hasSize(2);
            assertThat(c.turns().get(1).prompt()).isEqualTo("What colour is the button?");
        }
    }

    @Test
    void cancellingMidAnswerLeavesTheConversationAndRunnerUsable() {
        try (SmolVlmConversation c = (SmolVlmConversation) backend.startConversation(TinyModel.screen(640, 480), options(true, 40))) {
            CancellationToken token = new CancellationToken();
            List<String> pieces = new ArrayList<>();
            assertThatThrownBy(() -> c.ask(Question.shortDescription(), piece -> {
                pieces.add(piece);
                if (pieces.size() == 3) {
                    token.cancel();
                }
            }, TaskContext.of(token, p -> { }))).isInstanceOf(CancelledException.class);
            assertThat(pieces).hasSize(3);
            int cached = c.cachedTokens();
            assertThat(cached).isGreaterThan(64);

            Answer next = c.ask(Question.of("Is there a button?"), piece -> { }, TaskContext.none());
            assertThat(next.tokenCount()).isPositive();
            assertThat(c.cachedTokens()).isGreaterThan(cached);
            assertThat(c.turns()).hasSize(2);
        }
        // Another conversation on the same runner still works.
        try (Conversation other = backend.startConversation(TinyModel.screen(300, 300), options(true, 3))) {
            assertThat(other.ask(Question.shortDescription(), p -> { }, TaskContext.none()).tokenCount()).isEqualTo(3);
        }
    }

    @Test
    void cancellingWhileTheImageIsEncodedStopsAndTheNextAskStartsAgain() {
        backend.stats().reset();
        backend.forgetViews();
        try (SmolVlmConversation c = (SmolVlmConversation) backend.startConversation(TinyModel.screen(1920, 1080), options(false, 3))) {
            CancellationToken token = new CancellationToken();
            assertThatThrownBy(() -> c.ask(Question.shortDescription(), p -> { }, TaskContext.of(token, progress -> {
                if (progress.total() == 13 && progress.done() >= 2) {
                    token.cancel();
                }
            }))).isInstanceOf(CancelledException.class);
            assertThat(backend.stats().visionCalls()).isLessThan(13);
            assertThat(c.cachedTokens()).isZero();
            Answer a = c.ask(Question.shortDescription(), p -> { }, TaskContext.none());
            assertThat(a.tokenCount()).isEqualTo(3);
            assertThat(c.turns()).hasSize(1);
        }
    }

    @Test
    void greedyAnswersRepeatAndWithTheBanNeverRepeatATrigram() {
        String first;
        List<Long> ids = new ArrayList<>();
        ConversationOptions banned = new ConversationOptions(Detail.FAST,
                GenerationSettings.defaults().withMaxNewTokens(30).withNoRepeatNgram(3));
        try (Conversation c = backend.startConversation(TinyModel.screen(640, 480), banned)) {
            first = c.ask(Question.shortDescription(), p -> { }, TaskContext.none()).text();
        }
        try (SmolVlmConversation c = (SmolVlmConversation) backend.startConversation(TinyModel.screen(640, 480), banned)) {
            assertThat(c.ask(Question.shortDescription(), p -> { }, TaskContext.none()).text()).isEqualTo(first);
            // The ban is on the tokens written, which byte-level BPE need not write as it would encode the text.
            for (long id : c.lastAnswerIds()) {
                ids.add(id);
            }
        }
        List<String> trigrams = new ArrayList<>();
        for (int i = 0; i + 3 <= ids.size(); i++) {
            trigrams.add(ids.subList(i, i + 3).toString());
        }
        assertThat(trigrams).doesNotHaveDuplicates();
    }

    @Test
    void seededSamplingIsReproducible() {
        GenerationSettings sampled = GenerationSettings.defaults().withMaxNewTokens(15).withSampling(1.0, 0.9, 42);
        String a;
        String b;
        try (Conversation c = backend.startConversation(TinyModel.screen(640, 480), new ConversationOptions(Detail.FAST, sampled))) {
            a = c.ask(Question.shortDescription(), p -> { }, TaskContext.none()).text();
        }
        try (Conversation c = backend.startConversation(TinyModel.screen(640, 480), new ConversationOptions(Detail.FAST, sampled))) {
            b = c.ask(Question.shortDescription(), p -> { }, TaskContext.none()).text();
        }
        assertThat(a).isEqualTo(b).isNotBlank();
    }

    @Test
    void generationStopsAtTheEndOfUtteranceToken(@TempDir Path dir) throws IOException {
        // Make the token the tiny model would write first the model's end-of-answer token.
        long firstToken;
        try (SmolVlmConversation c = (SmolVlmConversation) backend.startConversation(TinyModel.screen(640, 480), options(true, 1))) {
            c.ask(Question.shortDescription(), p -> { }, TaskContext.none());
            firstToken = c.lastAnswerIds()[0];
        }
        copyWithTextConfig(dir, "eos_token_id", firstToken);
        try (SmolVlmBackend stopping = SmolVlmBackend.open("tiny-stop", SmolVlmFiles.fromDirectory(dir));
             SmolVlmConversation c = (SmolVlmConversation) stopping.startConversation(TinyModel.screen(640, 480), options(true, 20))) {
            Answer a = c.ask(Question.shortDescription(), p -> { }, TaskContext.none());
            assertThat(a.finishReason()).isEqualTo(Answer.FinishReason.END_OF_ANSWER);
            assertThat(a.tokenCount()).isZero();
            assertThat(a.text()).isEmpty();
            // The follow-up still works: the end token is fed as the template's end of utterance.
            assertThat(c.ask(Question.of("And?"), p -> { }, TaskContext.none()).finishReason()).isNotNull();
        }
    }

    @Test
    void aConversationLongerThanTheContextForgetsItsOldestQuestionsAndSaysSo(@TempDir Path dir) throws IOException {
        // One fast view is 64 image tokens plus the template: room for the image and about three short turns.
        int context = 150;
        copyWithTextConfig(dir, "max_position_embeddings", context);
        List<String> notices = new ArrayList<>();
        TokenListener listener = new TokenListener() {
            @Override
            public void onText(String piece) {
            }

            @Override
            public void onNotice(String sentence) {
                notices.add(sentence);
            }
        };
        try (SmolVlmBackend small = SmolVlmBackend.open("tiny-short", SmolVlmFiles.fromDirectory(dir));
             SmolVlmConversation c = (SmolVlmConversation) small.startConversation(TinyModel.screen(640, 480), options(true, 8))) {
            assertThat(small.config().contextLength()).isEqualTo(context);
            long visionCalls = small.stats().visionCalls();
            c.ask(Question.shortDescription(), listener, TaskContext.none());
            for (int i = 0; i < 8; i++) {
                c.ask(Question.of("is the button at the left or right of the dialog ?"), listener, TaskContext.none());
                assertThat(c.cachedTokens()).isLessThanOrEqualTo(context);
            }
            assertThat(notices).isNotEmpty()
                    .allSatisfy(n -> assertThat(n).startsWith("This conversation is longer than the model can hold"));
            assertThat(notices.get(0)).contains("your first question");
            assertThat(c.turns()).hasSize(9);                      // the transcript keeps every turn
            assertThat(small.stats().visionCalls() - visionCalls).isEqualTo(1);   // the image is not encoded again
        }
        assertThat(backend.config().contextLength()).isEqualTo(8192);   // the default when config.json is silent
    }

    /** The tiny model in {@code dir} with one value of its {@code text_config} changed. */
    private static void copyWithTextConfig(Path dir, String key, long value) throws IOException {
        for (String f : new String[] {"vision_encoder.onnx", "embed_tokens.onnx", "decoder_model_merged.onnx",
                "tokenizer.json", "preprocessor_config.json"}) {
            Files.copy(TinyModel.DIR.resolve(f), dir.resolve(f));
        }
        ObjectMapper json = new ObjectMapper();
        ObjectNode config = (ObjectNode) json.readTree(TinyModel.DIR.resolve("config.json").toFile());
        ((ObjectNode) config.get("text_config")).put(key, value);
        json.writeValue(dir.resolve("config.json").toFile(), config);
    }

    @Test
    void optionalDecoderInputsAreFedWhenTheGraphDeclaresThem() {
        String plain;
        try (Conversation c = backend.startConversation(TinyModel.screen(640, 480), options(true, 10))) {
            plain = c.ask(Question.shortDescription(), p -> { }, TaskContext.none()).text();
        }
        try (SmolVlmBackend optimum = SmolVlmBackend.open("tiny-optimum", SmolVlmFiles.fromDirectory(TinyModel.OPTIMUM_DIR));
             Conversation c = optimum.startConversation(TinyModel.screen(640, 480), options(true, 10))) {
            // Same weights: num_logits_to_keep and use_cache_branch must not change the answer.
            assertThat(c.ask(Question.shortDescription(), p -> { }, TaskContext.none()).text()).isEqualTo(plain);
        }
    }
}
