package org.sightline.app.watch;

import java.time.Duration;
import java.util.function.Supplier;
import org.sightline.app.AppText;
import org.sightline.error.SightlineException;
import org.sightline.speech.Priority;
import org.sightline.speech.SpeechOutput;
import org.sightline.vision.capture.WindowHandle;
import org.sightline.vision.live.FrameSource;
import org.sightline.vision.live.LinePolicy;
import org.sightline.vision.live.LiveLine;
import org.sightline.vision.live.StopReason;
import org.sightline.vision.live.WatchListener;
import org.sightline.vision.live.WatchSettings;
import org.sightline.vision.live.Watcher;
import org.sightline.vision.ocr.OcrEngine;

/**
 * The watch keys: each starts watching one kind of thing (a window, the region around the pointer, a typed
 * region, the camera) and stops it when pressed again; a key of another kind switches, first saying what stopped.
 * One watch runs at a time, so the user always knows by ear what is watched: every start says "Watching ...",
 * every end says what stopped and, when the user did not ask, why.
 *
 * <p>Lines are spoken latest first: a new line cuts off a stale one, as subtitles need. Starting (loading the
 * OCR models, opening a camera, the first capture) happens off the caller's thread, so the key returns at once;
 * no JavaFX class is used here.
 */
public final class WatchViewModel implements AutoCloseable {

    /** How long a switch waits for the old watch to finish its frame, so "Stopped ..." comes before "Watching ...". */
    private static final Duration SWITCH_WAIT = Duration.ofSeconds(3);

    private final SpeechOutput speech;
    private final Supplier<OcrEngine> engine;
    private Running running;
    private WatchTarget starting;

    /** A watch under way and what it watches. */
    private record Running(WatchTarget target, Watcher watcher) {
    }

    /**
     * @param engine the warm OCR engine, loaded on first need; called on a worker thread, it may throw a
     *               {@link SightlineException} whose message is then spoken
     */
    public WatchViewModel(SpeechOutput speech, Supplier<OcrEngine> engine) {
        this.speech = speech;
        this.engine = engine;
    }

    /**
     * Starts watching {@code window} (the whole screen when it is null or stands for the screen), or stops the
     * window watch that is running.
     */
    public void toggle(WindowHandle window) {
        toggle(WatchTarget.window(window));
    }

    /** Stops the watch of {@code target}'s kind if one runs, else watches {@code target}. */
    public void toggle(WatchTarget target) {
        if (!stop(target.kind())) {
            watch(target);
        }
    }

    /**
     * Stops the watch of {@code kind}, running or still starting; false when none was. A watch still starting
     * ends before it said anything, and that is said.
     */
    public synchronized boolean stop(WatchTarget.Kind kind) {
        if (starting != null && starting.kind() == kind) {
            starting = null;
            speech.speak(AppText.get("watch.cancelled"), Priority.NOW);
            return true;
        }
        if (running != null && running.target().kind() == kind && running.watcher().isRunning()) {
            running.watcher().stop();
            running = null;
            return true;
        }
        return false;
    }

    /**
     * Stops whatever watch runs or is starting, as the keys that cancel everything do; false when none was. The
     * watch says that it stopped and what it watched.
     */
    public synchronized boolean stopAny() {
        if (starting != null) {
            return stop(starting.kind());
        }
        return running != null && stop(running.target().kind());
    }

    /** Starts watching {@code target}, ending first any watch of another kind. */
    public synchronized void watch(WatchTarget target) {
        Watcher before = null;
        if (running != null && running.watcher().isRunning()) {
            before = running.watcher();
            before.stop();
        }
        running = null;
        starting = target;
        Watcher previous = before;
        Thread t = new Thread(() -> start(target, previous), "sightline-watch-start");
        t.setDaemon(true);
        t.start();
    }

    public synchronized boolean isWatching() {
        return running != null && running.watcher().isRunning();
    }

    /** Whether a watch of {@code kind} runs or is starting: the next press of its key stops it. */
    public synchronized boolean isWatching(WatchTarget.Kind kind) {
        return starting != null && starting.kind() == kind
                || running != null && running.target().kind() == kind && running.watcher().isRunning();
    }

    private void start(WatchTarget target, Watcher previous) {
        FrameSource source = null;
        try {
            if (previous != null) {
                previous.awaitStop(SWITCH_WAIT);
            }
            OcrEngine ocr = engine.get();
            synchronized (this) {
                if (starting != target) {
                    return;
                }
            }
            source = target.open();
            synchronized (this) {
                if (starting != target) {
                    source.close();
                    return;
                }
                starting = null;
                running = new Running(target, Watcher.start(source, ocr,
                        WatchSettings.standard(LinePolicy.LATEST_FIRST), new Speaker(source.description())));
            }
        } catch (SightlineException e) {
            if (source != null) {
                source.close();
            }
            boolean stillWanted;
            synchronized (this) {
                stillWanted = starting == target;
                if (stillWanted) {
                    starting = null;
                }
            }
            if (stillWanted) {
                speech.speak(e.getMessage(), Priority.NOW);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized void close() {
        starting = null;
        if (running != null) {
            running.watcher().stop();
            running = null;
        }
    }

    /** Speaks what one watch finds through the app's speech output. */
    private final class Speaker implements WatchListener {

        private final String watched;

        Speaker(String watched) {
            this.watched = watched;
        }

        @Override
        public void onLine(LiveLine line) {
            speech.speak(line.text(), line.interrupts() ? Priority.NOW : Priority.NORMAL);
        }

        @Override
        public void onNotice(String sentence) {
            speech.speak(sentence, Priority.NORMAL);
        }

        @Override
        public void onStopped(StopReason reason) {
            // The user pressed the key and knows why; naming what stopped still matters when a key switched.
            speech.speak(reason.byUserChoice() ? AppText.get("watch.stoppedByKey", watched) : reason.message(),
                    Priority.NOW);
        }
    }
}
