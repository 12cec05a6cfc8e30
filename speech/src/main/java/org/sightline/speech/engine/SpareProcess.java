package org.sightline.speech.engine;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Keeps one synthesiser process started ahead of time, waiting for its text on stdin. Starting espeak-ng
 * (and loading its voice) takes 10-60 ms and PowerShell far longer; with a spare ready, the first audio of a
 * sentence comes a few milliseconds after the text is written. A spare whose command no longer matches the
 * settings is thrown away. When the JVM ends, a spare's stdin closes and it exits having said nothing.
 */
final class SpareProcess implements AutoCloseable {

    private static final ExecutorService STARTER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "sightline-speech-spare");
        t.setDaemon(true);
        return t;
    });

    private List<String> command;
    private Process spare;
    private boolean closed;

    /** The spare if it was started with {@code cmd}, else a freshly started process. */
    Process take(List<String> cmd) throws IOException {
        synchronized (this) {
            Process p = spare;
            spare = null;
            if (p != null && p.isAlive() && cmd.equals(command)) {
                return p;
            }
            if (p != null) {
                p.destroyForcibly();
            }
        }
        return start(cmd);
    }

    /** Starts a spare for next time, off the caller's thread. */
    void prepare(List<String> cmd) {
        STARTER.execute(() -> {
            Process p;
            try {
                p = start(cmd);
            } catch (IOException e) {
                return; // the next sentence starts its own and reports the failure
            }
            synchronized (this) {
                if (closed || spare != null) {
                    p.destroyForcibly();
                    return;
                }
                spare = p;
                command = cmd;
            }
        });
    }

    static Process start(List<String> cmd) throws IOException {
        return new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (spare != null) {
            spare.destroyForcibly();
            spare = null;
        }
    }

    /** Allows spares again after {@link #close()} (an engine may be reused). */
    synchronized void reopen() {
        closed = false;
    }
}
