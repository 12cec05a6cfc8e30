package org.sightline.task;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs tasks on daemon worker threads with a large stack (ONNX Runtime needs it) and delivers callbacks
 * through {@code callbacks}, for example {@code Platform::runLater}.
 */
public final class ThreadPoolTaskExecutor implements TaskExecutor {

    private static final long WORKER_STACK_BYTES = 16L * 1024 * 1024;

    private final ExecutorService workers;
    private final Executor callbacks;

    public ThreadPoolTaskExecutor(int threads, Executor callbacks) {
        this.callbacks = callbacks;
        AtomicInteger count = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(null, r, "sightline-worker-" + count.incrementAndGet(), WORKER_STACK_BYTES);
            t.setDaemon(true);
            return t;
        };
        this.workers = Executors.newFixedThreadPool(threads, factory);
    }

    @Override
    public <T> TaskHandle<T> submit(Task<T> task, TaskListener<T> listener) {
        CancellationToken token = new CancellationToken();
        CompletableFuture<T> future = new CompletableFuture<>();
        workers.execute(() -> TaskExecutor.runNow(task, listener, token, callbacks).result()
                .whenComplete((value, error) -> {
                    if (error == null) {
                        future.complete(value);
                    } else {
                        future.completeExceptionally(error);
                    }
                }));
        return new TaskHandle<>(token, future);
    }

    @Override
    public void close() {
        workers.shutdownNow();
        try {
            workers.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
