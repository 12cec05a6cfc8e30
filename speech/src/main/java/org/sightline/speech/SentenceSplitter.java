package org.sightline.speech;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts text into sentences as it arrives, so the first sentence of a model's answer can be spoken while the
 * rest is still being generated, and a 100 000-character document becomes many short, interruptible pieces.
 * A Latin full stop ends a sentence only once the next character shows it is not a decimal point or part of
 * "e.g."; Chinese and Japanese sentence marks end one at once. A piece never exceeds {@link #MAX_CHUNK}
 * characters: longer runs are cut at a comma or space. Not thread-safe.
 */
public final class SentenceSplitter {

    /** Long enough for a natural sentence, short enough that an engine starts quickly on it. */
    public static final int MAX_CHUNK = 300;

    private static final java.util.regex.Pattern CONTROL = java.util.regex.Pattern.compile("[\\p{Cc}&&[^\\n\\t]]|[\\uFFFE\\uFFFF]");

    private final StringBuilder pending = new StringBuilder();

    /** All pieces of a complete text, without empty ones. */
    public static List<String> split(String text) {
        SentenceSplitter splitter = new SentenceSplitter();
        List<String> out = new ArrayList<>(splitter.append(text));
        out.addAll(splitter.finish());
        return out;
    }

    /** Adds streamed text and returns the sentences it completed (often none). */
    public List<String> append(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        pending.append(text);
        return drain(false);
    }

    /** The rest of the text, now that no more will come. */
    public List<String> finish() {
        return drain(true);
    }

    private List<String> drain(boolean atEnd) {
        List<String> out = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < pending.length()) {
            int end = sentenceEnd(i, atEnd);
            if (end > 0) {
                add(out, pending.substring(start, end));
                start = end;
                i = end;
                continue;
            }
            if (i - start + 1 >= MAX_CHUNK) {
                int cut = softCut(start, i + 1);
                add(out, pending.substring(start, cut));
                start = cut;
                i = cut;
                continue;
            }
            i++;
        }
        pending.delete(0, start);
        if (atEnd) {
            add(out, pending.toString());
            pending.setLength(0);
        }
        return out;
    }

    /** The index just after a sentence that ends at {@code i}, or -1 if none ends there (yet). */
    private int sentenceEnd(int i, boolean atEnd) {
        char c = pending.charAt(i);
        if (c == '\n') {
            return i + 1;
        }
        if (c == '。' || c == '！' || c == '？' || c == '；' || c == '…') {
            int j = i + 1;
            while (j < pending.length() && isClosing(pending.charAt(j))) {
                j++;
            }
            if (j == pending.length() && !atEnd) {
                return -1; // a closing quote may still come
            }
            return j;
        }
        if (c == '.' || c == '!' || c == '?') {
            int j = i + 1;
            while (j < pending.length() && (isClosing(pending.charAt(j)) || pending.charAt(j) == c)) {
                j++;
            }
            if (j == pending.length()) {
                return -1; // wait: "3." may become "3.5", "e." may become "e.g."
            }
            if (!Character.isWhitespace(pending.charAt(j))) {
                return -1;
            }
            if (c == '.' && isAbbreviation(i)) {
                return -1;
            }
            return j;
        }
        return -1;
    }

    private static boolean isClosing(char c) {
        return c == '"' || c == '\'' || c == ')' || c == ']' || c == '”' || c == '’' || c == '」' || c == '）';
    }

    /** "Mr." "Dr." "e.g." "i.e." "etc." and single initials do not end a sentence. */
    private boolean isAbbreviation(int dot) {
        int w = dot;
        while (w > 0 && Character.isLetter(pending.charAt(w - 1))) {
            w--;
        }
        String word = pending.substring(w, dot).toLowerCase(java.util.Locale.ROOT);
        if (word.length() == 1 && Character.isUpperCase(pending.charAt(w))) {
            return true;
        }
        if (w > 0 && pending.charAt(w - 1) == '.' && word.length() == 1) {
            return true; // the second letter of "e.g."
        }
        return switch (word) {
            case "mr", "mrs", "ms", "dr", "prof", "st", "vs", "etc", "e", "i", "no", "fig", "approx" -> true;
            default -> false;
        };
    }

    /** Where to cut a run with no sentence end: after the last comma, else the last space, else anywhere. */
    private int softCut(int start, int end) {
        for (int k = end - 1; k > start + MAX_CHUNK / 2; k--) {
            char c = pending.charAt(k);
            if (c == ',' || c == '，' || c == '、') {
                return k + 1;
            }
        }
        for (int k = end - 1; k > start + MAX_CHUNK / 2; k--) {
            if (Character.isWhitespace(pending.charAt(k))) {
                return k + 1;
            }
        }
        return end;
    }

    private static void add(List<String> out, String piece) {
        // Control characters mean nothing to a listener and can break a protocol (SSIP) or a synthesiser.
        String trimmed = CONTROL.matcher(piece).replaceAll(" ").strip();
        if (!trimmed.isEmpty() && trimmed.codePoints().anyMatch(Character::isLetterOrDigit)) {
            out.add(trimmed);
        }
    }
}
