package org.sightline.speech;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import javax.sound.sampled.AudioFormat;
import org.sightline.i18n.Messages;
import org.sightline.speech.audio.AudioOut;
import org.sightline.speech.audio.EarconPlayer;
import org.sightline.speech.audio.PcmSink;
import org.sightline.speech.engine.SilentEngine;
import org.sightline.speech.engine.TtsEngine;
import org.sightline.speech.engine.TtsEngines;
import org.sightline.task.CancellationToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place Sightline's speech goes through. Requests are cut into sentences and spoken one sentence at
 * a time by a single background thread, so that:
 * <ul>
 *   <li>{@link Priority#NOW} drops everything queued and silences the current sentence at once;
 *       {@link Priority#NEXT} goes ahead of everything queued, and between two sentences of a stream;
 *       {@link Priority#NORMAL} waits its turn;</li>
 *   <li>a {@link SpeechStream} speaks its first sentence while the rest is still being generated;</li>
 *   <li>{@link #stop()} silences within milliseconds: the audio line is flushed, the engine's process killed
 *       or its server told to cancel;</li>
 *   <li>settings changed with {@link #setSettings} apply from the next sentence;</li>
 *   <li>an engine that breaks is replaced by the next one down the list, which says once that it took over.
 *       The silent engine is always last, so speech never stops the app.</li>
 * </ul>
 * Calls never block on audio and never throw for a missing device.
 */
public final class SpeechQueue implements SpeechOutput {

    /** What the queue is doing, for the transcript, tests and benchmarks. Called on the speech thread. */
    public interface Listener {
        /** A sentence is about to be spoken by {@code engineId}. */
        default void sentence(String text, String engineId) {
        }

        /** The first audio of a sentence reached the speaker, or a speaking engine said its sound began. */
        default void firstAudio(String text) {
        }

        /** An engine broke and {@code to} took over. */
        default void engineChanged(String from, String to, String reason) {
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(SpeechQueue.class);
    private static final Messages MESSAGES = new Messages("org.sightline.speech.messages");

    private final TtsEngines engines;
    private final AudioOut audio;
    private final EarconPlayer earcons;
    private final Listener listener;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Deque<QueuedSpeech> queue = new ArrayDeque<>();
    private QueuedSpeech current;
    private CancellationToken currentSentence;
    private boolean speaking;
    private boolean closed;

    private volatile SpeechSettings settings;
    private volatile List<TtsEngine> order;
    /** Engines that broke since the settings last changed; skipped until then. */
    private final Set<String> broken = ConcurrentHashMap.newKeySet();
    private final Thread worker;

    /**
     * @param engines  the engines to choose from (usually {@link TtsEngines#discover()})
     * @param settings the starting settings
     * @param audio    where renderers' audio is played
     * @param earcons  plays earcons, or null for none
     * @param listener told about progress, or null
     */
    public SpeechQueue(TtsEngines engines, SpeechSettings settings, AudioOut audio, EarconPlayer earcons,
            Listener listener) {
        this.engines = engines;
        this.audio = audio;
        this.earcons = earcons;
        this.listener = listener == null ? new Listener() { } : listener;
        applySettings(settings);
        this.worker = new Thread(this::run, "sightline-speech");
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public void speak(String text, Priority priority) {
        if (text == null || text.isBlank()) {
            return;
        }
        QueuedSpeech entry = new QueuedSpeech(priority, false);
        entry.sentences.addAll(SentenceSplitter.split(text));
        entry.finished = true;
        if (entry.sentences.isEmpty()) {
            return; // only punctuation or spaces: nothing an engine could say
        }
        enqueue(entry);
    }

    /** Opens a stream of text to be spoken sentence by sentence as it arrives; a stop cancels it. */
    @Override
    public SpeechStream openStream(Priority priority) {
        QueuedSpeech entry = new QueuedSpeech(priority, true);
        enqueue(entry);
        return new QueueStream(this, entry);
    }

    @Override
    public void stop() {
        cancelAll();
    }

    @Override
    public void play(Earcon earcon) {
        if (earcons != null) {
            earcons.play(earcon);
        }
    }

    /** Applies new settings from the next sentence on; a different engine choice also forgets past failures. */
    public void setSettings(SpeechSettings newSettings) {
        applySettings(newSettings);
    }

    public SpeechSettings settings() {
        return settings;
    }

    /** The engine the next sentence will use. */
    public String currentEngine() {
        return engineNow().id();
    }

    /** The engines in the order they will be tried. */
    public List<String> engineOrder() {
        return order.stream().map(TtsEngine::id).toList();
    }

    /**
     * Waits until everything queued has been spoken (and heard), or the time is up. Returns true if idle.
     * Open streams keep the queue busy until they are finished.
     */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            while (!idle()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                changed.awaitNanos(left);
            }
        } finally {
            lock.unlock();
        }
        audio.drain();
        return true;
    }

    /** Stops speaking, ends the speech thread and releases the audio line and engines. */
    @Override
    public void close() {
        cancelAll();
        lock.lock();
        try {
            closed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        try {
            worker.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (TtsEngine e : engines.all()) {
            e.close();
        }
        audio.close();
        if (earcons != null) {
            earcons.close();
        }
    }

    // --- streams ---

    void append(QueuedSpeech entry, String text) {
        lock.lock();
        try {
            if (entry.cancelled || entry.finished) {
                return;
            }
            entry.sentences.addAll(entry.splitter.append(text));
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    void finish(QueuedSpeech entry) {
        lock.lock();
        try {
            if (entry.cancelled || entry.finished) {
                return;
            }
            entry.sentences.addAll(entry.splitter.finish());
            entry.finished = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    boolean isCancelled(QueuedSpeech entry) {
        lock.lock();
        try {
            return entry.cancelled;
        } finally {
            lock.unlock();
        }
    }

    // --- the queue ---

    private void enqueue(QueuedSpeech entry) {
        if (entry.priority == Priority.NOW) {
            cancelAll();
        }
        lock.lock();
        try {
            if (entry.priority == Priority.NEXT) {
                // Behind other NEXT requests, ahead of every NORMAL one.
                List<QueuedSpeech> ahead = new ArrayList<>();
                while (!queue.isEmpty() && queue.peekFirst().priority != Priority.NORMAL) {
                    ahead.add(queue.pollFirst());
                }
                queue.addFirst(entry);
                for (int i = ahead.size() - 1; i >= 0; i--) {
                    queue.addFirst(ahead.get(i));
                }
            } else {
                queue.addLast(entry);
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void cancelAll() {
        CancellationToken sentence;
        lock.lock();
        try {
            for (Iterator<QueuedSpeech> it = queue.iterator(); it.hasNext(); ) {
                it.next().cancelled = true;
            }
            queue.clear();
            if (current != null) {
                current.cancelled = true;
                current = null;
            }
            sentence = currentSentence;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        if (sentence != null) {
            sentence.cancel(); // flushes the line, kills the process or cancels on the server
        }
    }

    private boolean idle() {
        return !speaking && current == null && queue.isEmpty();
    }

    private void run() {
        while (true) {
            String sentence;
            CancellationToken token;
            lock.lock();
            try {
                while (true) {
                    if (closed) {
                        return;
                    }
                    if (current == null) {
                        current = queue.pollFirst();
                    } else if (current.stream && !queue.isEmpty() && queue.peekFirst().priority == Priority.NEXT) {
                        // A stream's "current utterance" is its sentence: a NEXT request goes between two of
                        // them (an answer being written can take a minute), and the stream goes on after it.
                        List<QueuedSpeech> ahead = new ArrayList<>();
                        while (!queue.isEmpty() && queue.peekFirst().priority == Priority.NEXT) {
                            ahead.add(queue.pollFirst());
                        }
                        queue.addFirst(current);
                        for (int i = ahead.size() - 1; i >= 0; i--) {
                            queue.addFirst(ahead.get(i));
                        }
                        current = queue.pollFirst();
                    }
                    if (current == null) {
                        changed.signalAll(); // wake awaitIdle
                        changed.awaitUninterruptibly();
                        continue;
                    }
                    sentence = current.sentences.pollFirst();
                    if (sentence != null) {
                        break;
                    }
                    if (current.finished) {
                        current = null;
                        continue;
                    }
                    changed.awaitUninterruptibly(); // a stream waiting for its next sentence
                }
                token = new CancellationToken();
                currentSentence = token;
                speaking = true;
            } finally {
                lock.unlock();
            }
            try {
                speakSentence(sentence, token);
            } catch (RuntimeException e) {
                LOG.error("Speech failed unexpectedly; continuing with the next sentence", e);
            } finally {
                lock.lock();
                try {
                    speaking = false;
                    currentSentence = null;
                    changed.signalAll();
                } finally {
                    lock.unlock();
                }
            }
        }
    }

    private void speakSentence(String sentence, CancellationToken token) {
        token.onCancel(audio::abort);
        while (!token.isCancelled()) {
            TtsEngine engine = engineNow();
            listener.sentence(sentence, engine.id());
            try {
                engine.speak(sentence, settings, sinkFor(engine, sentence, token), token);
                return;
            } catch (RuntimeException failure) {
                if (token.isCancelled()) {
                    return;
                }
                broken.add(engine.id());
                TtsEngine next = engineNow();
                LOG.warn("Speech engine {} failed ({}); now using {}", engine.id(), failure.getMessage(), next.id());
                listener.engineChanged(engine.id(), next.id(), String.valueOf(failure.getMessage()));
                String notice = MESSAGES.get("engine.fallback", engine.id(), next.id());
                try {
                    next.speak(notice, settings, sinkFor(next, notice, token), token);
                } catch (RuntimeException alsoBroken) {
                    // The retry below finds out and moves further down the list.
                }
            }
        }
    }

    /** Renderers' audio goes to the speaker until the sentence is stopped; speaking engines need no sink. */
    private PcmSink sinkFor(TtsEngine engine, String sentence, CancellationToken token) {
        if (!engine.rendersAudio()) {
            return new PcmSink() {
                @Override
                public void begin(AudioFormat format) {
                }

                @Override
                public boolean write(byte[] data, int offset, int length) {
                    return !token.isCancelled();
                }

                @Override
                public void started() {
                    listener.firstAudio(sentence);
                }
            };
        }
        return new PcmSink() {
            private boolean first = true;

            @Override
            public void begin(AudioFormat format) {
                if (!token.isCancelled()) {
                    audio.begin(format);
                }
            }

            @Override
            public boolean write(byte[] data, int offset, int length) {
                if (token.isCancelled()) {
                    return false;
                }
                if (first) {
                    first = false;
                    listener.firstAudio(sentence);
                }
                audio.write(data, offset, length);
                return !token.isCancelled();
            }
        };
    }

    private TtsEngine engineNow() {
        for (TtsEngine e : order) {
            if (!broken.contains(e.id())) {
                return e;
            }
        }
        return order.get(order.size() - 1);
    }

    private void applySettings(SpeechSettings s) {
        SpeechSettings previous = settings;
        List<TtsEngine> newOrder = new ArrayList<>(engines.fallbackOrder(s.isAutoEngine() ? null : s.engine(), false));
        if (newOrder.stream().noneMatch(e -> e instanceof SilentEngine)) {
            newOrder.add(new SilentEngine());
        }
        if (!s.isAutoEngine() && !newOrder.get(0).id().equals(s.engine())) {
            LOG.warn("Speech engine {} is not available; using {}", s.engine(), newOrder.get(0).id());
        }
        settings = s;
        order = List.copyOf(newOrder);
        if (previous == null || !previous.engine().equals(s.engine())) {
            broken.clear();
        }
        if (earcons != null) {
            earcons.setVolume(s.volume());
        }
    }

    /** For tests: waits until the speech thread has started on something, or the time is up. */
    boolean awaitSpeaking(long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        lock.lock();
        try {
            while (!speaking) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                changed.awaitNanos(left);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }
}
