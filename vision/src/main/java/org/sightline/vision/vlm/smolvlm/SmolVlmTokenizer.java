package org.sightline.vision.vlm.smolvlm;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.sightline.error.Problem;
import org.sightline.error.SightlineException;
import org.sightline.i18n.Messages;

/**
 * The model's Hugging Face tokenizer ({@code tokenizer.json}). The native tokenizer must not be used by
 * two threads at once, so every call is synchronised here.
 *
 * <p>The tokenizer turns the text of an added token such as {@code <image>} or {@code <end_of_utterance>}
 * into that token wherever it appears. That is right for the chat template and wrong for what the user typed
 * or what was read off the screen: a web page about SmolVLM, or code, may contain those strings, and would then
 * change the image count or end the turn. {@link #encodeText} is for such text and never gives an added
 * token.
 */
public final class SmolVlmTokenizer implements AutoCloseable {

    private static final Messages MESSAGES = new Messages("org.sightline.vision.vlm.messages");

    private final HuggingFaceTokenizer tokenizer;
    private final List<String> addedTokens;
    private final Set<Long> addedIds;

    public SmolVlmTokenizer(Path tokenizerJson) {
        List<String> texts = new ArrayList<>();
        Set<Long> ids = new HashSet<>();
        try {
            for (JsonNode added : new ObjectMapper().readTree(tokenizerJson.toFile()).path("added_tokens")) {
                if (!added.path("content").asText().isEmpty()) {
                    texts.add(added.path("content").asText());
                    ids.add(added.path("id").asLong());
                }
            }
            tokenizer = HuggingFaceTokenizer.builder()
                    .optTokenizerPath(tokenizerJson)
                    .optAddSpecialTokens(true)
                    .optTruncation(false)
                    .optPadding(false)
                    .build();
        } catch (IOException | RuntimeException e) {
            throw new SightlineException(Problem.BAD_INPUT, MESSAGES.get("vlm.model.cannotLoad", tokenizerJson, e.getMessage()), e);
        }
        addedTokens = List.copyOf(texts);
        addedIds = Set.copyOf(ids);
    }

    /** The tokens of template text, whose marker strings become their added tokens. */
    public synchronized long[] encode(String text) {
        return tokenizer.encode(text, true, false).getIds();
    }

    /** The tokens of one chat turn: the template with its markers, the user's text as plain text. */
    public synchronized long[] encode(ChatPrompt.Turn turn) {
        return Stream.of(encode(turn.before()), encodeText(turn.userText()), encode(turn.after()))
                .flatMapToLong(Arrays::stream).toArray();
    }

    /**
     * The tokens of text from the user or the screen: an added token's text in it is cut after its first
     * character and each piece is tokenised alone, so it stays ordinary text.
     */
    public synchronized long[] encodeText(String text) {
        List<long[]> parts = new ArrayList<>();
        int from = 0;
        int cut;
        while ((cut = nextCut(text, from)) >= 0) {
            parts.add(encodePlain(text.substring(from, cut)));
            from = cut;
        }
        parts.add(encodePlain(text.substring(from)));
        return parts.stream().flatMapToLong(Arrays::stream).toArray();
    }

    /** Whether {@code id} is one of the tokenizer's added tokens (the chat template's markers among them). */
    public boolean isAddedToken(long id) {
        return addedIds.contains(id);
    }

    /** Just after the first character of the earliest added-token text at or after {@code from}, or -1. */
    private int nextCut(String text, int from) {
        int best = -1;
        for (String token : addedTokens) {
            int at = text.indexOf(token, from);
            if (at >= 0 && (best < 0 || at < best)) {
                best = at;
            }
        }
        return best < 0 ? -1 : best + 1;
    }

    private long[] encodePlain(String piece) {
        return piece.isEmpty() ? new long[0] : tokenizer.encode(piece, false, false).getIds();
    }

    /** The text of {@code ids} without special tokens. */
    public synchronized String decode(long[] ids) {
        return tokenizer.decode(ids, true);
    }

    /** The id of a single special token such as {@code <end_of_utterance>}, or -1 when it is not one token. */
    public synchronized long idOf(String token) {
        long[] ids = tokenizer.encode(token, false, false).getIds();
        return ids.length == 1 ? ids[0] : -1;
    }

    @Override
    public synchronized void close() {
        tokenizer.close();
    }
}
