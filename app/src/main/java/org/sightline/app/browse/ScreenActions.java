package org.sightline.app.browse;

import java.awt.Point;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import org.sightline.speech.Earcon;
import org.sightline.speech.Priority;
import org.sightline.speech.SpeechOutput;
import org.sightline.task.CancellationToken;

/**
 * Carries out a confirmed {@link ProposedAction}: says what is about to happen ("Clicking Sign in button."),
 * waits a moment in which Escape can still cancel it, then moves the pointer and clicks (and types, for a
 * field). Then it looks at the screen again and says what it saw ({@link ActionCheck}): the text now in the
 * field, a box now checked, what changed after a click, or that nothing visible changed. It never says an
 * action worked without having looked. The work runs on a thread of its own, never on the caller's (the
 * JavaFX application thread must keep handling keys); one action at a time.
 */
public final class ScreenActions implements AutoCloseable {

    /**
     * How an action ended: done and seen done; done but not seen to take effect (or not looked at); cancelled
     * before acting; failed to act.
     */
    public enum Outcome { DONE, NOT_SEEN, CANCELLED, FAILED }

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

    /** How long a screen may keep changing after an action before Sightline reads it anyway. */
    private static final Duration SETTLE_LIMIT = Duration.ofSeconds(3);

    private final DesktopInput input;
    private final SpeechOutput speech;
    private final Duration lead;
    private final ScreenLook look;
    private volatile BooleanSupplier beforeAction = () -> true;
    private volatile BooleanSupplier ownWindowHasKeyboard = () -> false;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "sightline-screen-actions");
        t.setDaemon(true);
        return t;
    });

    /** Actions that are not checked afterwards: each then says that Sightline could not look again. */
    public ScreenActions(DesktopInput input, SpeechOutput speech, Duration lead) {
        this(input, speech, lead, null);
    }

    /** @param look how to look at the screen again after acting; null when there is no way to */
    public ScreenActions(DesktopInput input, SpeechOutput speech, Duration lead, ScreenLook look) {
        this.input = input;
        this.speech = speech;
        this.lead = lead;
        this.look = look;
    }

    /**
     * Work done on the action thread just before the pointer moves: getting Sightline's own window out of the way
     * and bringing the target's window to the front (it must itself hop to the JavaFX thread and wait). It answers
     * whether the target's window is in front; when it is not, nothing is clicked or typed and the user hears why.
     */
    public void setBeforeAction(BooleanSupplier beforeAction) {
        this.beforeAction = beforeAction == null ? () -> true : beforeAction;
    }

    /**
     * Whether Sightline's own window still has the keyboard focus; asked after clicking a field and before typing
     * into it, so typed text never goes into Sightline instead of the field. Called on the action thread.
     */
    public void setOwnWindowHasKeyboard(BooleanSupplier hasKeyboard) {
        this.ownWindowHasKeyboard = hasKeyboard == null ? () -> false : hasKeyboard;
    }

    /** Announces {@code action} now and performs it after the lead time unless the handle is cancelled first. */
    public Handle perform(ProposedAction action) {
        return perform(action, null);
    }

    /**
     * As {@link #perform(ProposedAction)}; the check afterwards compares {@code area} (the window the element map
     * was made of, in screen coordinates), or the whole screen when it is null.
     */
    public Handle perform(ProposedAction action, java.awt.Rectangle area) {
        Handle handle = new Handle();
        speech.speak(action.announcement(), Priority.NOW);
        worker.execute(() -> handle.outcome.complete(run(action, area, handle)));
        return handle;
    }

    private Outcome run(ProposedAction action, java.awt.Rectangle area, Handle handle) {
        try {
            if (!pause(lead, handle)) {
                return Outcome.CANCELLED;
            }
            boolean inFront = beforeAction.getAsBoolean();
            if (handle.isCancelled()) {
                return Outcome.CANCELLED;
            }
            if (!inFront) {
                // Clicking or typing into whatever is in front instead would be acting on something not asked for.
                speech.play(Earcon.ERROR);
                speech.speak(ElementWords.MESSAGES.get("action.notInFront", ElementWords.target(action.target())),
                        Priority.NEXT);
                return Outcome.FAILED;
            }
            Point p = action.target().clickPoint();
            input.moveTo(p.x, p.y);
            if (!pause(Duration.ofMillis(60), handle)) {
                return Outcome.CANCELLED;
            }
            // The pointer is on the target already, so a hover effect is in both pictures.
            BufferedImage before = grab();
            input.click();
            if (action.kind() == ProposedAction.Kind.TYPE) {
                // Give the field time to take the keyboard focus from the click.
                if (!pause(Duration.ofMillis(350), handle)) {
                    return Outcome.CANCELLED;
                }
                if (ownWindowHasKeyboard.getAsBoolean()) {
                    // The click did not move the keyboard (some window managers do not focus on a synthetic
                    // click): the keys would land in Sightline itself. Nothing is typed.
                    speech.play(Earcon.ERROR);
                    speech.speak(ElementWords.MESSAGES.get("check.keyboardStayed", ElementWords.target(action.target()),
                            action.text()), Priority.NEXT);
                    return Outcome.NOT_SEEN;
                }
                input.type(action.text());
            }
            return check(action, area, before, handle);
        } catch (RuntimeException e) {
            speech.play(Earcon.ERROR);
            speech.speak(ElementWords.MESSAGES.get("action.failed",
                    e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), Priority.NOW);
            return Outcome.FAILED;
        }
    }

    /** Looks again once the screen has settled, and says what it saw. */
    private Outcome check(ProposedAction action, java.awt.Rectangle area, BufferedImage before, Handle handle) {
        BufferedImage after = before == null ? null : settled(handle);
        if (handle.isCancelled()) {
            return Outcome.NOT_SEEN;
        }
        if (after == null) {
            speech.play(Earcon.ERROR);
            speech.speak(ElementWords.MESSAGES.get(action.kind() == ProposedAction.Kind.TYPE
                    ? "check.typedUnchecked" : "check.clickedUnchecked", ElementWords.target(action.target()),
                    action.text()), Priority.NEXT);
            return Outcome.NOT_SEEN;
        }
        ActionCheck.Verdict verdict = action.kind() == ProposedAction.Kind.TYPE
                ? ActionCheck.afterTyping(action, after, look)
                : ActionCheck.afterClick(action, before, after, area, look);
        speech.play(verdict.seen() ? Earcon.DONE : Earcon.ERROR);
        speech.speak(verdict.sentence(), Priority.NEXT);
        return verdict.seen() ? Outcome.DONE : Outcome.NOT_SEEN;
    }

    /** A grab of the screen, or null when there is no way to look or the grab failed. */
    private BufferedImage grab() {
        if (look == null) {
            return null;
        }
        try {
            return look.grabScreen();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The screen once two grabs a moment apart agree (a page that loads keeps changing), within a limit. */
    private BufferedImage settled(Handle handle) {
        if (!pause(Duration.ofMillis(600), handle)) {
            return null;
        }
        BufferedImage last = grab();
        long end = System.nanoTime() + SETTLE_LIMIT.toNanos();
        while (last != null && System.nanoTime() < end) {
            if (!pause(Duration.ofMillis(300), handle)) {
                return null;
            }
            BufferedImage next = grab();
            if (next == null) {
                return last;
            }
            boolean still = !ActionCheck.change(last, next, new java.awt.Rectangle(0, 0, next.getWidth(),
                    next.getHeight())).changed();
            last = next;
            if (still) {
                break;
            }
        }
        return last;
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
