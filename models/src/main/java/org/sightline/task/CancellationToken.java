package org.sightline.task;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Asked by long work at every step (a decoder token, an OCR line, a downloaded block) whether the user
 * pressed Escape. Cancelling is one-way and idempotent; listeners let blocking work (a socket, a process)
 * be interrupted instead of polled.
 */
public final class CancellationToken {

    /** A token that is never cancelled, for callers that cannot cancel. */
    public static final CancellationToken NONE = new CancellationToken(false);

    private final boolean cancellable;
    private volatile boolean cancelled;
    private final List<Runnable> onCancel = new CopyOnWriteArrayList<>();

    public CancellationToken() {
        this(true);
    }

    private CancellationToken(boolean cancellable) {
        this.cancellable = cancellable;
    }

    public void cancel() {
        if (!cancellable || cancelled) {
            return;
        }
        cancelled = true;
        for (Runnable r : onCancel) {
            try {
                r.run();
            } catch (RuntimeException ignored) {
                // A failing hook must not stop the others from running.
            }
        }
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** Throws {@link CancelledException} when cancelled; call it between steps of long work. */
    public void throwIfCancelled() {
        if (cancelled) {
            throw new CancelledException();
        }
    }

    /** Runs {@code hook} when the token is cancelled, at once if it already is. */
    public void onCancel(Runnable hook) {
        onCancel.add(hook);
        if (cancelled) {
            hook.run();
        }
    }
}
