package org.sightline.speech;

/**
 * Text that is still being written, typically a model's answer arriving token by token. Each sentence is
 * spoken as soon as it is complete, while the rest is still being generated. Thread-safe.
 *
 * <pre>{@code
 * try (SpeechStream s = speech.openStream(Priority.NOW)) {
 *     for (String token : generator) {
 *         if (s.isCancelled()) break;   // the user pressed stop or asked something new
 *         s.append(token);
 *     }
 * }   // close() = finish(): the last partial sentence is spoken too
 * }</pre>
 */
public interface SpeechStream extends AutoCloseable {

    /** Adds text; complete sentences are queued for speaking at once. Ignored once cancelled or finished. */
    void append(String text);

    /** No more text will come: speaks what is left. Further appends are ignored. */
    void finish();

    /** True once a stop or a NOW request dropped this stream: the producer may stop generating. */
    boolean isCancelled();

    @Override
    default void close() {
        finish();
    }
}
