package org.sightline.speech.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.sightline.speech.SpeechSettings;
import org.sightline.speech.audio.PcmSink;
import org.sightline.speech.engine.EngineFailure;
import org.sightline.speech.engine.TtsEngine;
import org.sightline.speech.engine.Voice;
import org.sightline.task.CancellationToken;

/**
 * A real engine for queue tests that records what it was asked to say instead of making sound. Each
 * sentence "takes" a fixed time, ended early by a stop, so ordering, priority and interruption can be
 * observed; it can also be told to break after some sentences, like a crashing synthesiser.
 */
public final class RecordingEngine implements TtsEngine {

    /** One sentence handed to the engine. */
    public record Said(String text, SpeechSettings settings, long startedNanos, long endedNanos, boolean interrupted) {
    }

    private final String id;
    private final int rank;
    private final long millisPerSentence;
    private final List<Said> said = new ArrayList<>();
    private final List<String> begun = new ArrayList<>();
    private volatile int failAfter = Integer.MAX_VALUE;
    private volatile long stopNoticedNanos;
    private final Semaphore started = new Semaphore(0);

    public RecordingEngine(String id, int rank, long millisPerSentence) {
        this.id = id;
        this.rank = rank;
        this.millisPerSentence = millisPerSentence;
    }

    /** From now on, the engine breaks after this many more sentences. */
    public void failAfter(int sentences) {
        synchronized (this) {
            failAfter = said.size() + sentences;
        }
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public int rank() {
        return rank;
    }

    @Override
    public boolean isAvailable() {
        return true;
    }

    @Override
    public boolean rendersAudio() {
        return false;
    }

    @Override
    public List<Voice> voices() {
        return List.of(new Voice("test", "en", "records what it is asked to say"));
    }

    @Override
    public void speak(String text, SpeechSettings settings, PcmSink sink, CancellationToken stop) {
        synchronized (this) {
            if (said.size() >= failAfter) {
                throw new EngineFailure(id + " broke");
            }
        }
        long start = System.nanoTime();
        synchronized (this) {
            begun.add(text);
        }
        CountDownLatch done = new CountDownLatch(1);
        stop.onCancel(() -> {
            stopNoticedNanos = System.nanoTime();
            done.countDown();
        });
        started.release();
        boolean interrupted;
        try {
            interrupted = done.await(millisPerSentence, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            interrupted = true;
        }
        synchronized (this) {
            said.add(new Said(text, settings, start, System.nanoTime(), interrupted));
        }
    }

    public synchronized List<Said> said() {
        return List.copyOf(said);
    }

    /** Sentences started so far, including one still being spoken. */
    public synchronized List<String> begun() {
        return List.copyOf(begun);
    }

    public synchronized List<String> texts() {
        return said.stream().map(Said::text).toList();
    }

    /** Waits until one more sentence has started than this method has already seen. */
    public boolean awaitStarted(long millis) throws InterruptedException {
        return started.tryAcquire(millis, TimeUnit.MILLISECONDS);
    }

    public long stopNoticedNanos() {
        return stopNoticedNanos;
    }
}
