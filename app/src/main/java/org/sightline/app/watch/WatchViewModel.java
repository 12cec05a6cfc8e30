package org.sightline.app.watch;

import java.util.function.Supplier;
import org.sightline.error.SightlineException;
import org.sightline.speech.Priority;
import org.sightline.speech.SpeechOutput;
import org.sightline.vision.capture.WindowHandle;
import org.sightline.vision.live.FrameSource;
import org.sightline.vision.live.LinePolicy;
import org.sightline.vision.live.LiveLine;
import org.sightline.vision.live.ScreenFrames;
import org.sightline.vision.live.StopReason;
import org.sightline.vision.live.WatchListener;
import org.sightline.vision.live.WatchSettings;
import org.sightline.vision.live.Watcher;
import org.sightline.vision.ocr.OcrEngine;

/**
 * One key starts and stops watching the window that was active when it was pressed. Lines are spoken latest
 * first: a new line cuts off a stale one, as subtitles need. "Watching ...", "Stopped watching." and why a
 * watch ended are spoken too. Starting (loading the OCR models, the first capture) happens off the caller's
 * thread, so the key returns at once; no JavaFX class is used here.
 */
public final class WatchViewModel implements AutoCloseable {

    private final SpeechOutput speech;
    private final Supplier<OcrEngine> engine;
    private Watcher watcher;
    private boolean starting;

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
     * watch that is running.
     */
    public synchronized void toggle(WindowHandle window) {
        if (watcher != null && watcher.isRunning()) {
            watcher.stop();
            watcher = null;
            return;
        }
        if (starting) {
            // A second press while the first is still starting means "never mind".
            starting = false;
            return;
        }
        starting = true;
        Thread t = new Thread(() -> start(window), "sightline-watch-start");
        t.setDaemon(true);
        t.start();
    }

    public synchronized boolean isWatching() {
        return watcher != null && watcher.isRunning();
    }

    private void start(WindowHandle window) {
        try {
            OcrEngine ocr = engine.get();
            FrameSource source = window == null ? ScreenFrames.screen() : ScreenFrames.window(window);
            synchronized (this) {
                if (!starting) {
                    return;
                }
                starting = false;
                watcher = Watcher.start(source, ocr, WatchSettings.standard(LinePolicy.LATEST_FIRST), new Speaker());
            }
        } catch (SightlineException e) {
            synchronized (this) {
                starting = false;
            }
            speech.speak(e.getMessage(), Priority.NOW);
        }
    }

    @Override
    public synchronized void close() {
        starting = false;
        if (watcher != null) {
            watcher.stop();
        }
    }

    /** Speaks what the watch finds through the app's speech output. */
    private final class Speaker implements WatchListener {
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
            speech.speak(reason.message(), Priority.NOW);
        }
    }
}
