package org.sightline.speech;

/**
 * Text that is still being written, typically a model's answer arriving token by token. Each sentence is
 * spoken as soon as it is complete, while the rest is still being generated. Thread-safe.
 *
 * <pre>{@code
 * try (SpeechStream s = queue.openStream(Priority.NOW)) {
 *     for (String token : generator) {
 *         if (s.isCancelled()) break;   // the user pressed stop or asked something new
 *         s.append(token);
 *     }
 * }   // close() = finish(): the last partial sentence is spoken too
 * }</pre>
 */
public final class SpeechStream implements AutoCloseable {

    private final SpeechQueue queue;
    private final QueuedSpeech entry;

    SpeechStream(SpeechQueue queue, QueuedSpeech entry) {
        this.queue = queue;
        this.entry = entry;
    }

    /** Adds text; complete sentences are queued for speaking at once. Ignored once cancelled. */
    public void append(String text) {
        queue.append(entry, text);
    }

    /** No more text will come: speaks what is left. Further appends are ignored. */
    public void finish() {
        queue.finish(entry);
    }

    /** True once a stop or a NOW request dropped this stream: the producer may stop generating. */
    public boolean isCancelled() {
        return queue.isCancelled(entry);
    }

    @Override
    public void close() {
        finish();
    }
}
