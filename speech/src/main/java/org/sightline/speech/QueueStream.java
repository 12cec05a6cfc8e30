package org.sightline.speech;

/** A {@link SpeechStream} that is one entry of a {@link SpeechQueue}. */
final class QueueStream implements SpeechStream {

    private final SpeechQueue queue;
    private final QueuedSpeech entry;

    QueueStream(SpeechQueue queue, QueuedSpeech entry) {
        this.queue = queue;
        this.entry = entry;
    }

    @Override
    public void append(String text) {
        queue.append(entry, text);
    }

    @Override
    public void finish() {
        queue.finish(entry);
    }

    @Override
    public boolean isCancelled() {
        return queue.isCancelled(entry);
    }
}
