package org.sightline.vision.vlm;

import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Turns an answer streamed piece by piece into whole sentences, so speech can start on the first sentence
 * while the model is still writing the rest. A sentence ends at . ! ? (followed by a space or the end),
 * at Chinese and Japanese full stops, and at a line break. Common abbreviations and decimal points do
 * not end a sentence. A run-on text with no punctuation is cut at a space after {@link #MAX_CHARS}
 * characters so speech never waits for ever. Call {@link #finish()} at the end of the answer.
 */
public final class SentenceStream implements TokenListener {

    /** Longest stretch held back waiting for punctuation. */
    public static final int MAX_CHARS = 240;

    private static final Set<String> ABBREVIATIONS = Set.of("e.g", "i.e", "etc", "mr", "mrs", "ms", "dr", "st",
            "vs", "no", "fig", "approx", "p");

    private final Consumer<String> sentences;
    private final StringBuilder pending = new StringBuilder();

    public SentenceStream(Consumer<String> sentences) {
        this.sentences = Objects.requireNonNull(sentences);
    }

    @Override
    public void onText(String piece) {
        pending.append(piece);
        emitComplete(false);
    }

    /** Emits whatever is left as the last sentence. */
    public void finish() {
        emitComplete(true);
        emit(pending.toString());
        pending.setLength(0);
    }

    private void emitComplete(boolean atEnd) {
        int start = 0;
        for (int i = 0; i < pending.length(); i++) {
            char c = pending.charAt(i);
            boolean end = false;
            int cut = i + 1;
            if (c == '\n' || c == '。' || c == '！' || c == '？') {
                end = true;
            } else if (c == '.' || c == '!' || c == '?' || c == '…') {
                boolean followedBySpace = i + 1 < pending.length() && Character.isWhitespace(pending.charAt(i + 1));
                boolean last = i + 1 == pending.length();
                // Closing quotes or brackets belong to the sentence they end.
                int j = i + 1;
                while (j < pending.length() && "\"'”’)]".indexOf(pending.charAt(j)) >= 0) {
                    j++;
                }
                boolean quoteThenSpace = j > i + 1 && (j == pending.length() ? atEnd : Character.isWhitespace(pending.charAt(j)));
                if (quoteThenSpace) {
                    end = true;
                    cut = j;
                } else if ((followedBySpace || (last && atEnd)) && !(c == '.' && isAbbreviationOrNumber(i))) {
                    end = true;
                }
            }
            if (end) {
                emit(pending.substring(start, cut));
                start = cut;
                i = cut - 1;
            } else if (i - start >= MAX_CHARS && Character.isWhitespace(c)) {
                emit(pending.substring(start, i));
                start = i;
            }
        }
        pending.delete(0, start);
    }

    private boolean isAbbreviationOrNumber(int dot) {
        int s = dot;
        while (s > 0 && !Character.isWhitespace(pending.charAt(s - 1))) {
            s--;
        }
        String word = pending.substring(s, dot).toLowerCase(java.util.Locale.ROOT);
        if (ABBREVIATIONS.contains(word)) {
            return true;
        }
        boolean digitBefore = dot > 0 && Character.isDigit(pending.charAt(dot - 1));
        boolean digitAfter = dot + 1 < pending.length() && Character.isDigit(pending.charAt(dot + 1));
        return digitBefore && digitAfter;
    }

    private void emit(String sentence) {
        String s = sentence.strip();
        if (!s.isEmpty()) {
            sentences.accept(s);
        }
    }
}
