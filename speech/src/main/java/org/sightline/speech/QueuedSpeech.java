package org.sightline.speech;

import java.util.ArrayDeque;

/** One request in the speech queue: a text cut into sentences, or a stream whose sentences are still coming. */
final class QueuedSpeech {
    final Priority priority;
    final ArrayDeque<String> sentences = new ArrayDeque<>();
    final SentenceSplitter splitter = new SentenceSplitter();
    /** No more sentences will come. */
    boolean finished;
    /** Dropped by a stop or a NOW request; appends are ignored. */
    boolean cancelled;
    /** Text still being written (a {@link SpeechStream}), not a whole text given at once. */
    final boolean stream;

    QueuedSpeech(Priority priority, boolean stream) {
        this.priority = priority;
        this.stream = stream;
    }
}
