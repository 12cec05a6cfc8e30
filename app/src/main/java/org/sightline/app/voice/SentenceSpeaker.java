package org.sightline.app.voice;

import org.sightline.speech.Priority;
import org.sightline.speech.SpeechOutput;

/**
 * Speaks streamed text one sentence at a time, so the user hears the first sentence while the model is still
 * writing the rest. The first sentence interrupts whatever was being said (a new answer makes old speech
 * stale); later ones queue behind it. Not thread-safe: feed it from one thread.
 */
public final class SentenceSpeaker {

    private final SpeechOutput speech;
    private final StringBuilder pending = new StringBuilder();
    private boolean spokeAny;

    public SentenceSpeaker(SpeechOutput speech) {
        this.speech = speech;
    }

    /** Adds streamed text; speaks every sentence it completes. */
    public void accept(String piece) {
        pending.append(piece);
        int end;
        while ((end = sentenceEnd(pending)) >= 0) {
            say(pending.substring(0, end + 1));
            pending.delete(0, end + 1);
        }
    }

    /**
     * The task finished with {@code fullText}. When nothing was streamed, the whole text is spoken; otherwise
     * only what is left after the last complete sentence.
     */
    public void finish(String fullText) {
        if (!spokeAny && pending.length() == 0) {
            say(fullText == null ? "" : fullText);
        } else {
            say(pending.toString());
        }
        pending.setLength(0);
    }

    private void say(String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            return;
        }
        speech.speak(t, spokeAny ? Priority.NORMAL : Priority.NOW);
        spokeAny = true;
    }

    /** Index of the first sentence end (., !, ?, a Chinese full stop, or a line break) followed by space or end of a line. */
    static int sentenceEnd(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '。' || c == '！' || c == '？') {
                return i;
            }
            if ((c == '.' || c == '!' || c == '?') && i + 1 < s.length() && Character.isWhitespace(s.charAt(i + 1))) {
                return i;
            }
        }
        return -1;
    }
}
