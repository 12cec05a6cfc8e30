package org.sightline.vision.capture;

import org.sightline.task.TaskContext;

/**
 * Hands out frames no faster than a given rate. A file standing in for a camera could be read hundreds of
 * frames a second; a live mode that asked that fast would repeat its hints far more often than a real camera.
 */
final class FramePacer {

    private final long intervalNanos;
    private long nextDue;

    FramePacer(double framesPerSecond) {
        this.intervalNanos = framesPerSecond > 0 ? (long) (1_000_000_000L / framesPerSecond) : 0;
        this.nextDue = System.nanoTime();
    }

    /** Waits until the next frame is due, waking often enough to notice a cancellation within 20 ms. */
    void awaitNext(TaskContext context) {
        long now = System.nanoTime();
        while (now < nextDue) {
            context.cancellation().throwIfCancelled();
            long waitMillis = Math.min(20, Math.max(1, (nextDue - now) / 1_000_000));
            try {
                Thread.sleep(waitMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new org.sightline.task.CancelledException();
            }
            now = System.nanoTime();
        }
        context.cancellation().throwIfCancelled();
        // A caller that came late starts a fresh interval instead of receiving a burst of frames.
        nextDue = Math.max(nextDue + intervalNanos, now);
    }
}
