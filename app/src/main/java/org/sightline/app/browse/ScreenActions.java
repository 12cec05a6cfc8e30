package org.sightline.app.browse;

import java.awt.Point;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.sightline.speech.Earcon;
import org.sightline.speech.Priority;
import org.sightline.speech.SpeechOutput;
import org.sightline.task.CancellationToken;

/**
 * Carries out a confirmed {@link ProposedAction}: says what is about to happen ("Clicking Sign in button."),
 * waits a moment in which Escape can still cancel it, then moves the pointer and clicks (and types, for a
 * field). The work runs on a thread of its own, never on the caller's (the JavaFX application thread must
 * keep handling keys); one action at a time.
 */
public final class ScreenActions implements AutoCloseable {

    /** How an action ended. */
    public enum Outcome { DONE, CANCELLED, FAILED }

    /** A running action: cancel it, or wait for its outcome. */
    public static final class Handle {
        private final CancellationToken token = new CancellationToken();
        private final CompletableFuture<Outcome> outcome = new CompletableFuture<>();

        public void cancel() {
            token.cancel();
        }

        public boolean isCancelled() {
            return token.isCancelled();
        }

        public CompletableFuture<Outcome> outcome() {
            return outcome;
        }
    }

    /** Time between the announcement and the action, in which the user can still cancel. */
    public static final Duration DEFAULT_LEAD = Duration.ofMillis(800);

    private final DesktopInput input;
    private final SpeechOutput speech;
    private final Duration lead;
    private volatile Runnable beforeAction = () -> { };
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "sightline-screen-actions");
        t.setDaemon(true);
        return t;
    });

    public ScreenActions(DesktopInput input, SpeechOutput speech, Duration lead) {
        this.input = input;
        this.speech = speech;
        this.lead = lead;
    }

    /**
     * Work done on the action thread just before the pointer moves, for example getting Sightline's own window
     * out of the way of the window being clicked (the runnable must itself hop to the JavaFX thread and wait).
     */
    public void setBeforeAction(Runnable beforeAction) {
        this.beforeAction = beforeAction == null ? () -> { } : beforeAction;
    }

    /** Announces {@code action} now and performs it after the lead time unless the handle is cancelled first. */
    public Handle perform(ProposedAction action) {
        Handle handle = new Handle();
        speech.speak(action.announcement(), Priority.NOW);
        worker.execute(() -> handle.outcome.complete(run(action, handle)));
        return handle;
    }

    private Outcome run(ProposedAction action, Handle handle) {
        try {
            if (!pause(lead, handle)) {
                return Outcome.CANCELLED;
            }
            beforeAction.run();
            if (handle.isCancelled()) {
                return Outcome.CANCELLED;
            }
            Point p = action.target().clickPoint();
            input.moveTo(p.x, p.y);
            if (!pause(Duration.ofMillis(60), handle)) {
                return Outcome.CANCELLED;
            }
            input.click();
            if (action.kind() == ProposedAction.Kind.TYPE) {
                // Give the field time to take the keyboard focus from the click.
                if (!pause(Duration.ofMillis(350), handle)) {
                    return Outcome.CANCELLED;
                }
                input.type(action.text());
            }
            speech.play(Earcon.DONE);
            speech.speak(ElementWords.MESSAGES.get("action.done"), Priority.NEXT);
            return Outcome.DONE;
        } catch (RuntimeException e) {
            speech.play(Earcon.ERROR);
            speech.speak(ElementWords.MESSAGES.get("action.failed",
                    e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), Priority.NOW);
            return Outcome.FAILED;
        }
    }

    /** Waits, checking for cancellation; false when cancelled. */
    private static boolean pause(Duration d, Handle handle) {
        long end = System.nanoTime() + d.toNanos();
        while (System.nanoTime() < end) {
            if (handle.isCancelled()) {
                return false;
            }
            try {
                Thread.sleep(Math.max(1, Math.min(20, (end - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return !handle.isCancelled();
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
