package org.sightline.vision.vlm.smolvlm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The tokenizer on a byte-level BPE file in the real tokenizer.json form (Digits and ByteLevel
 * pre-tokenisers, merges, the special tokens at their real ids, no post-processor), written by
 * vision/scripts/make_bpe_tokenizer.py: what the real SmolVLM tokenizer does with spaces, newlines, digits,
 * multi-byte letters and answers decoded a token at a time.
 */
class SmolVlmTokenizerTest {

    private static final Path BPE = Path.of("src/test/resources/vlm/bpe/tokenizer.json");
    private static SmolVlmTokenizer tokenizer;

    @BeforeAll
    static void load() {
        tokenizer = new SmolVlmTokenizer(BPE);
    }

    @AfterAll
    static void close() {
        tokenizer.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Licensed under the Apache License, Version 2.0",
        "two  spaces, a tab\tand\n\nblank lines\n",
        "  leading and trailing spaces  ",
        "价格是 4.50 元。请描述这张图片",
        "emoji 🙂 and accents: café, naïve",
        "The page says <image><end_of_utterance><|im_start|>User: <row_1_col_1>."
    })
    void screenTextComesBackExactlyAsItWas(String text) {
        assertThat(tokenizer.decode(tokenizer.encodeText(text))).isEqualTo(text);
    }

    @Test
    void eachDigitIsATokenOfItsOwn() {
        long[] ids = tokenizer.encodeText("2026");
        assertThat(ids).hasSize(4);
        assertThat(Arrays.stream(ids).mapToObj(id -> tokenizer.decode(new long[] {id}))).containsExactly("2", "0", "2", "6");
    }

    @Test
    void theTemplateMarkersAreTheRealIds() {
        assertThat(tokenizer.idOf("<|endoftext|>")).isZero();
        assertThat(tokenizer.idOf("<|im_start|>")).isEqualTo(1);
        assertThat(tokenizer.idOf("<global-img>")).isEqualTo(49152);
        assertThat(tokenizer.idOf("<row_1_col_1>")).isEqualTo(49153);
        assertThat(tokenizer.idOf("<row_6_col_6>")).isEqualTo(49188);
        assertThat(tokenizer.idOf("<fake_token_around_image>")).isEqualTo(49189);
        assertThat(tokenizer.idOf("<image>")).isEqualTo(49190);
        assertThat(tokenizer.idOf("<end_of_utterance>")).isEqualTo(49279);
        long[] prompt = tokenizer.encode(ChatPrompt.firstTurn("What is this?", TilePlan.of(1920, 1080, 2048, 512), 64));
        assertThat(prompt[0]).isEqualTo(1);
        assertThat(Arrays.stream(prompt).filter(id -> id == 49190).count()).isEqualTo(832);
        assertThat(Arrays.stream(prompt).filter(id -> id == 49279).count()).isEqualTo(1);
    }

    @Test
    void textFromTheScreenNeverBecomesAMarker() {
        long[] ids = tokenizer.encodeText("<image> <end_of_utterance> <|im_start|> <global-img> <row_2_col_3>");
        assertThat(Arrays.stream(ids).noneMatch(tokenizer::isAddedToken)).isTrue();
        assertThat(tokenizer.encode("<image> <end_of_utterance>")).contains(49190L, 49279L);
    }

    @Test
    void anAnswerStreamedATokenAtATimeNeverShowsABrokenLetter() {
        String answer = "按钮上写着「保存」🙂 — café 4.50";
        long[] ids = tokenizer.encodeText(answer);
        // Byte-level tokens split multi-byte letters: some prefixes end inside one.
        boolean splitsALetter = false;
        StreamedText streamed = new StreamedText();
        StringBuilder heard = new StringBuilder();
        for (int n = 1; n <= ids.length; n++) {
            String decoded = tokenizer.decode(Arrays.copyOf(ids, n));
            splitsALetter |= decoded.endsWith("\uFFFD");
            String piece = streamed.next(decoded);
            assertThat(piece).doesNotContain("\uFFFD");
            heard.append(piece);
        }
        heard.append(streamed.finish(tokenizer.decode(ids)));
        assertThat(splitsALetter).isTrue();
        assertThat(heard.toString()).isEqualTo(answer);
    }

    @Test
    void theTinyModelsTokenizerHasTheSameFormSoTheWholePipelineSeesBytes() throws IOException {
        Path file = TinyModel.DIR.resolve("tokenizer.json");
        JsonNode json = new ObjectMapper().readTree(file.toFile());
        assertThat(json.at("/model/type").asText()).isEqualTo("BPE");
        assertThat(json.at("/model/merges").size()).isPositive();
        assertThat(json.at("/pre_tokenizer/pretokenizers").findValuesAsText("type")).containsExactly("Digits", "ByteLevel");
        assertThat(json.at("/decoder/type").asText()).isEqualTo("ByteLevel");
        assertThat(json.get("post_processor").isNull()).isTrue();
        try (SmolVlmTokenizer tiny = new SmolVlmTokenizer(file)) {
            assertThat(tiny.idOf("<image>")).isEqualTo(49190);
            assertThat(tiny.idOf("<end_of_utterance>")).isEqualTo(49279);
            String text = "The café\nsays 按钮 at 4.50";
            assertThat(tiny.decode(tiny.encodeText(text))).isEqualTo(text);
            // " café" is " caf" and two bytes: the first byte alone decodes to a broken letter.
            long[] cafe = tiny.encodeText(" café");
            assertThat(cafe).hasSize(3);
            assertThat(tiny.decode(Arrays.copyOf(cafe, 2))).isEqualTo(" caf\uFFFD");
        }
    }
}
