package org.sightline.speech;

/**
 * The stream any {@link SpeechOutput} gets by default: each complete sentence becomes one
 * {@link SpeechOutput#speak} call, the first with the stream's priority and the rest queued behind it
 * (NEXT after a NOW or NEXT start, so nothing queued earlier slips in between).
 */
final class SentenceForwardingStream implements SpeechStream {

    private final SpeechOutput output;
    private final Priority priority;
    private final SentenceSplitter splitter = new SentenceSplitter();
    private boolean first = true;
    private boolean finished;

    SentenceForwardingStream(SpeechOutput output, Priority priority) {
        this.output = output;
        this.priority = priority;
    }

    @Override
    public synchronized void append(String text) {
        if (!finished) {
            splitter.append(text).forEach(this::say);
        }
    }

    @Override
    public synchronized void finish() {
        if (!finished) {
            finished = true;
            splitter.finish().forEach(this::say);
        }
    }

    @Override
    public boolean isCancelled() {
        return false;
    }

    private void say(String sentence) {
        Priority p = first ? priority : (priority == Priority.NORMAL ? Priority.NORMAL : Priority.NEXT);
        first = false;
        output.speak(sentence, p);
    }
}
