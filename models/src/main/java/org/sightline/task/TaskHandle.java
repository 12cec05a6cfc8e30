package org.sightline.task;

import java.util.concurrent.CompletableFuture;

/** A submitted task: cancel it, or wait for its result. */
public final class TaskHandle<T> {

    private final CancellationToken token;
    private final CompletableFuture<T> result;

    TaskHandle(CancellationToken token, CompletableFuture<T> result) {
        this.token = token;
        this.result = result;
    }

    public void cancel() {
        token.cancel();
    }

    public boolean isDone() {
        return result.isDone();
    }

    public CancellationToken token() {
        return token;
    }

    /** Completes with the result, or exceptionally with the failure or a {@link CancelledException}. */
    public CompletableFuture<T> result() {
        return result;
    }
}
