package org.sightline.speech.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.sightline.speech.audio.PcmSink;
import org.sightline.speech.audio.WavStream;
import org.sightline.task.CancellationToken;

/**
 * Runs a synthesiser program that reads text on stdin and writes a WAV stream on stdout, and streams that
 * audio into a sink as it comes. Shared by every program-based engine. A stop kills the process at once; a
 * process that dies, writes garbage or stays silent for {@link #STALL_MILLIS} is an {@link EngineFailure}.
 */
final class ProcessSpeech {

    static final long STALL_MILLIS = 5_000;

    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sightline-speech-watchdog");
        t.setDaemon(true);
        return t;
    });

    private ProcessSpeech() {
    }

    static void streamWav(String engineId, List<String> command, String text, PcmSink sink, CancellationToken stop,
            SpareProcess spares) {
        if (stop.isCancelled()) {
            return;
        }
        Process process;
        try {
            process = spares.take(command);
        } catch (IOException e) {
            throw new EngineFailure(engineId + " could not be started: " + e.getMessage(), e);
        }
        AtomicBoolean stalled = new AtomicBoolean();
        AtomicLong lastProgress = new AtomicLong(System.nanoTime());
        stop.onCancel(process::destroyForcibly);
        ScheduledFuture<?> watchdog = WATCHDOG.scheduleWithFixedDelay(() -> {
            if (System.nanoTime() - lastProgress.get() > TimeUnit.MILLISECONDS.toNanos(STALL_MILLIS)) {
                stalled.set(true);
                process.destroyForcibly();
            }
        }, 500, 500, TimeUnit.MILLISECONDS);
        try {
            try (OutputStream in = process.getOutputStream()) {
                in.write(text.getBytes(StandardCharsets.UTF_8));
                in.write('\n');
            } catch (IOException e) {
                if (stop.isCancelled()) {
                    return;
                }
                // The program may have died at once; its exit status below tells.
            }
            spares.prepare(command); // while this sentence plays
            PcmSink watched = new PcmSink() {
                @Override
                public void begin(javax.sound.sampled.AudioFormat format) {
                    lastProgress.set(System.nanoTime());
                    sink.begin(format);
                }

                @Override
                public boolean write(byte[] data, int offset, int length) {
                    boolean more = sink.write(data, offset, length);
                    lastProgress.set(System.nanoTime());
                    return more && !stop.isCancelled();
                }
            };
            boolean complete;
            try (InputStream out = process.getInputStream()) {
                complete = WavStream.copy(out, watched);
            } catch (IOException e) {
                if (stop.isCancelled()) {
                    return;
                }
                throw new EngineFailure(engineId + " produced no usable audio: " + e.getMessage()
                        + exitNote(process), e);
            }
            if (!complete || stop.isCancelled()) {
                process.destroyForcibly();
                return;
            }
            int status = process.waitFor();
            if (stalled.get()) {
                throw new EngineFailure(engineId + " stalled and was stopped");
            }
            if (status != 0 && !stop.isCancelled()) {
                throw new EngineFailure(engineId + " ended with status " + status);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        } finally {
            watchdog.cancel(false);
            if (process.isAlive()) {
                process.destroyForcibly();
            }
        }
    }

    private static String exitNote(Process p) {
        try {
            if (p.waitFor(200, TimeUnit.MILLISECONDS)) {
                return " (status " + p.exitValue() + ")";
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "";
    }

    /** Whether {@code program} is an executable on the PATH (or an absolute path to one). */
    static boolean onPath(String program) {
        if (program.contains("/")) {
            return java.nio.file.Files.isExecutable(java.nio.file.Path.of(program));
        }
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && (java.nio.file.Files.isExecutable(java.nio.file.Path.of(dir, program))
                    || java.nio.file.Files.isExecutable(java.nio.file.Path.of(dir, program + ".exe")))) {
                return true;
            }
        }
        return false;
    }
}
