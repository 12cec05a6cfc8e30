package org.sightline.task;

/** Thrown by work that stopped because its {@link CancellationToken} was cancelled; not an error. */
public final class CancelledException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CancelledException() {
        super("cancelled", null, false, false);
    }
}
