package org.sightline.app.testing;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.application.Platform;

/** The JavaFX toolkit for tests that build windows themselves: start it once per JVM, run work on its thread. */
public final class FxThread {

    private FxThread() {
    }

    /** Starts the toolkit unless another test already did; windows closing does not end it. */
    public static void start() {
        try {
            Platform.startup(() -> { });
        } catch (IllegalStateException alreadyStarted) {
            // Another test started JavaFX in this JVM.
        }
        Platform.setImplicitExit(false);
    }

    /** Runs {@code work} on the JavaFX thread and returns its result (its exception, if it throws). */
    public static <T> T call(Supplier<T> work) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(work.get());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        return f.get(20, TimeUnit.SECONDS);
    }
}
