package org.sightline.task;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Runs long work off the user-interface thread and reports back on a callback executor. The app uses a
 * {@link ThreadPoolTaskExecutor} whose callbacks run on the JavaFX thread; tests use
 * {@link SynchronousTaskExecutor}, which runs everything in the caller.
 */
public interface TaskExecutor extends AutoCloseable {

    <T> TaskHandle<T> submit(Task<T> task, TaskListener<T> listener);

    @Override
    void close();

    /** Runs {@code task} to its end in the calling thread, delivering callbacks through {@code callbacks}. */
    static <T> TaskHandle<T> runNow(Task<T> task, TaskListener<T> listener, CancellationToken token,
                                    Executor callbacks) {
        CompletableFuture<T> future = new CompletableFuture<>();
        TaskContext context = TaskContext.of(token, p -> callbacks.execute(() -> listener.progressed(p)));
        try {
            token.throwIfCancelled();
            T value = task.run(context);
            token.throwIfCancelled();
            future.complete(value);
            callbacks.execute(() -> listener.succeeded(value));
        } catch (CancelledException e) {
            future.completeExceptionally(e);
            callbacks.execute(listener::cancelled);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.completeExceptionally(new CancelledException());
            callbacks.execute(listener::cancelled);
        } catch (Throwable e) {
            if (token.isCancelled()) {
                future.completeExceptionally(new CancelledException());
                callbacks.execute(listener::cancelled);
            } else {
                future.completeExceptionally(e);
                callbacks.execute(() -> listener.failed(e));
            }
        }
        return new TaskHandle<>(token, future);
    }
}
