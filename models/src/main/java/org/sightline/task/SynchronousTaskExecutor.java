package org.sightline.task;

/** Runs each task at once in the caller's thread; for tests and the command line. */
public final class SynchronousTaskExecutor implements TaskExecutor {

    @Override
    public <T> TaskHandle<T> submit(Task<T> task, TaskListener<T> listener) {
        return TaskExecutor.runNow(task, listener, new CancellationToken(), Runnable::run);
    }

    @Override
    public void close() {
    }
}
