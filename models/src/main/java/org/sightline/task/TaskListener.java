package org.sightline.task;

/**
 * Hears how a task ends. Exactly one of {@link #succeeded}, {@link #failed} or {@link #cancelled} is called,
 * on the executor's callback thread (the JavaFX thread in the app).
 */
public interface TaskListener<T> {

    default void progressed(Progress progress) {
    }

    default void succeeded(T result) {
    }

    default void failed(Throwable error) {
    }

    default void cancelled() {
    }
}
