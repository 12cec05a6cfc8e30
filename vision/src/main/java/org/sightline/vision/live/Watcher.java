package org.sightline.vision.live;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sightline.error.Problem;
import org.sightline.error.SightlineException;
import org.sightline.task.CancellationToken;
import org.sightline.task.CancelledException;
import org.sightline.task.TaskContext;
import org.sightline.vision.ocr.LineImageCache;
import org.sightline.vision.ocr.OcrEngine;
import org.sightline.vision.ocr.TextLine;

/**
 * Watches a frame source on its own thread: capture, compare with the last frame read, read only the bands
 * that changed (through a line-image cache), and pass the lines worth telling to a listener. While nothing
 * changes a loop costs one capture and one comparison. The loop ends when {@link #stop()} is called or the
 * source fails (the window closed, the display or the camera went away), and the listener hears why.
 *
 * <p>An interval shorter than {@link WatchSettings#SHORTEST_INTERVAL} is raised at once; after a few still
 * frames the interval is raised again, if need be, so that looking at a still screen takes at most about a
 * twentieth of one core (the capture itself is most of the cost). Each raise is told to the listener.
 */
public final class Watcher {

    private static final Logger LOG = LoggerFactory.getLogger(Watcher.class);
    /** Pixels above and below a changed area read with it, so a line partly in a changed tile is read whole. */
    private static final int BAND_MARGIN = 32;
    /** Still frames timed before the interval is checked against what the machine can do. */
    private static final int TIMED_FRAMES = 5;
    /** A still frame may take at most this share of the interval. */
    private static final int BUDGET_SHARE = 20;
    /** Wait between two looks at a changing screen, to let a window finish painting before it is read. */
    private static final long SETTLE_MILLIS = 40;
    /** Looks at most to wait for a painting window to settle; a video never settles, and is read as it is. */
    private static final int SETTLE_TRIES = 3;
    /** Remembered line images: a few screens' worth. */
    private static final int CACHE_LINES = 2000;

    private final FrameSource source;
    private final OcrEngine engine;
    private final LineImageCache cache = new LineImageCache(CACHE_LINES);
    private final WatchListener listener;
    private final LineTracker tracker;
    private final ChangeDetector detector;
    private final CameraHints hints;
    private final VisibleLines visible = new VisibleLines();
    private final CancellationToken token = new CancellationToken();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final CountDownLatch wake = new CountDownLatch(1);
    private final TaskContext context = new TaskContext() {
        @Override
        public CancellationToken cancellation() {
            return token;
        }

        @Override
        public void progress(org.sightline.task.Progress p) {
        }
    };
    private volatile long intervalNanos;
    private final long[] stillCosts = new long[TIMED_FRAMES];
    private int stillFrames;

    private Watcher(FrameSource source, OcrEngine engine, WatchSettings settings, WatchListener listener) {
        this.source = source;
        this.engine = engine.withLineCache(cache);
        this.listener = listener;
        this.tracker = LineTracker.standard(settings.policy());
        this.detector = source.isCamera() ? ChangeDetector.forCamera() : ChangeDetector.forScreen();
        this.hints = source.isCamera() ? CameraHints.standard() : null;
        this.intervalNanos = settings.interval().toNanos();
    }

    /**
     * Starts watching {@code source} on a new thread, reading with {@code engine} (which the caller keeps and
     * closes). The source is closed when the watch ends.
     */
    public static Watcher start(FrameSource source, OcrEngine engine, WatchSettings settings,
                                WatchListener listener) {
        Watcher w = new Watcher(source, engine, settings, listener);
        Thread t = new Thread(w::run, "sightline-watch");
        t.setDaemon(true);
        t.start();
        return w;
    }

    /** Asks the watch to end; the listener hears "Stopped watching." once the current frame is done. */
    public void stop() {
        token.cancel();
        wake.countDown();
    }

    /** Waits at most {@code timeout} for the watch to end; true when it has. */
    public boolean awaitStop(Duration timeout) throws InterruptedException {
        return stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public boolean isRunning() {
        return stopped.getCount() > 0;
    }

    /** How often frames are taken now, after any raise. */
    public Duration interval() {
        return Duration.ofNanos(intervalNanos);
    }

    /** The line-image cache of this watch: its hits are lines not recognised again. */
    public LineImageCache cache() {
        return cache;
    }

    private void run() {
        StopReason reason = StopReason.byUser();
        try {
            listener.onNotice(LiveText.get("watch.started", source.description()));
            raiseTo(WatchSettings.SHORTEST_INTERVAL.toNanos());
            BufferedImage shown = null;
            while (!token.isCancelled()) {
                long start = System.nanoTime();
                BufferedImage frame = source.next(context);
                shown = look(shown, frame, start);
                long left = start + intervalNanos - System.nanoTime();
                if (left > 0 && wake.await(left, TimeUnit.NANOSECONDS)) {
                    break;
                }
            }
        } catch (CancelledException e) {
            // Stopped while a frame was being taken or read.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (SightlineException e) {
            reason = StopReason.because(e.problem(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("watching failed", e);
            reason = StopReason.because(Problem.INTERNAL, LiveText.get("watch.failed"));
        } finally {
            source.close();
            stopped.countDown();
            listener.onStopped(reason);
        }
    }

    /** Handles one frame and returns the frame that the known lines now come from. */
    private BufferedImage look(BufferedImage shown, BufferedImage frame, long start) throws InterruptedException {
        FrameChange change = detector.compare(shown, frame);
        Instant now = Instant.now();
        if (change.isNone()) {
            tell(tracker.due(now));
            timeStill(System.nanoTime() - start);
            return shown;
        }
        if (hints == null) {
            frame = settled(frame);
            change = detector.compare(shown, frame);
            if (change.isNone()) {
                return shown;
            }
        } else {
            CameraHints.Verdict verdict = hints.look(frame, change, now);
            if (verdict.hint() != null) {
                listener.onNotice(verdict.hint());
            }
            if (!verdict.readable()) {
                return shown;
            }
            visible.clear();
            change = FrameChange.whole(frame.getWidth(), frame.getHeight());
        }
        for (Rectangle band : VisibleLines.bands(change, BAND_MARGIN)) {
            visible.replace(band, read(frame, band), frame.getHeight());
        }
        tell(tracker.update(visible.all(), now));
        return frame;
    }

    /**
     * A frame taken once the screen stopped changing: a frame caught while a window repaints can hold half a
     * line, which would be read and told.
     */
    private BufferedImage settled(BufferedImage frame) throws InterruptedException {
        BufferedImage last = frame;
        for (int i = 0; i < SETTLE_TRIES; i++) {
            if (wake.await(SETTLE_MILLIS, TimeUnit.MILLISECONDS)) {
                throw new CancelledException();
            }
            BufferedImage again = source.next(context);
            if (detector.compare(last, again).isNone()) {
                return again;
            }
            last = again;
        }
        return last;
    }

    /** The lines of one band, in frame coordinates; none when the band is blank. */
    private List<TextLine> read(BufferedImage frame, Rectangle band) {
        BufferedImage part = band.width == frame.getWidth() && band.height == frame.getHeight() ? frame
                : frame.getSubimage(band.x, band.y, band.width, band.height);
        List<TextLine> lines;
        try {
            lines = engine.read(part, context).lines();
        } catch (SightlineException e) {
            if (e.problem() == Problem.BAD_INPUT) {
                return List.of();
            }
            throw e;
        }
        List<TextLine> out = new ArrayList<>(lines.size());
        for (TextLine l : lines) {
            Rectangle b = l.box();
            b.translate(band.x, band.y);
            out.add(new TextLine(l.text(), b, l.confidence(), l.characterConfidences()));
        }
        return out;
    }

    private void tell(List<LiveLine> lines) {
        lines.forEach(listener::onLine);
    }

    /** Times still frames and, after a few, raises the interval if looking takes too much of it. */
    private void timeStill(long nanos) {
        if (stillFrames >= TIMED_FRAMES) {
            return;
        }
        stillCosts[stillFrames++] = nanos;
        if (stillFrames == TIMED_FRAMES) {
            long[] sorted = stillCosts.clone();
            Arrays.sort(sorted);
            raiseTo(sorted[TIMED_FRAMES / 2] * BUDGET_SHARE);
        }
    }

    private void raiseTo(long floorNanos) {
        if (intervalNanos >= floorNanos) {
            return;
        }
        long step = TimeUnit.MILLISECONDS.toNanos(50);
        long raised = (floorNanos + step - 1) / step * step;
        listener.onNotice(LiveText.get("watch.intervalRaised", TimeUnit.NANOSECONDS.toMillis(intervalNanos),
                TimeUnit.NANOSECONDS.toMillis(raised)));
        intervalNanos = raised;
    }
}
