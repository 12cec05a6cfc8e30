package org.sightline.vision.vlm.smolvlm;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.IOException;
import java.nio.file.Path;
import org.sightline.error.Problem;
import org.sightline.error.SightlineException;
import org.sightline.i18n.Messages;

/**
 * The model's Hugging Face tokenizer ({@code tokenizer.json}). The native tokenizer must not be used by
 * two threads at once, so every call is synchronised here.
 */
public final class SmolVlmTokenizer implements AutoCloseable {

    private static final Messages MESSAGES = new Messages("org.sightline.vision.vlm.messages");

    private final HuggingFaceTokenizer tokenizer;

    public SmolVlmTokenizer(Path tokenizerJson) {
        try {
            tokenizer = HuggingFaceTokenizer.builder()
                    .optTokenizerPath(tokenizerJson)
                    .optAddSpecialTokens(true)
                    .optTruncation(false)
                    .optPadding(false)
                    .build();
        } catch (IOException | RuntimeException e) {
            throw new SightlineException(Problem.BAD_INPUT, MESSAGES.get("vlm.model.cannotLoad", tokenizerJson, e.getMessage()), e);
        }
    }

    public synchronized long[] encode(String text) {
        return tokenizer.encode(text, true, false).getIds();
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
