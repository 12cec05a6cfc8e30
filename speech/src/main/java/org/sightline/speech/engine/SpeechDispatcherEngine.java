package org.sightline.speech.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.sightline.speech.SpeechSettings;
import org.sightline.speech.audio.PcmSink;
import org.sightline.task.CancellationToken;

/**
 * speech-dispatcher, the speech server Orca speaks through. Speaking through it shares the user's voice, rate
 * and queue instead of talking over the screen reader. At normal rate, pitch and volume Sightline changes
 * nothing, so the user's own settings apply; other values are sent with each sentence. The server makes the
 * sound itself: {@link #speak} waits for its "end" event, and a stop sends CANCEL.
 *
 * <p>Available only when the server's socket answers; Sightline never starts the server itself.
 */
public final class SpeechDispatcherEngine implements TtsEngine {

    /** Without an event for this long, a message is taken as lost and the server as broken. */
    private static final long SILENCE_LIMIT_MS = 30_000;
    private static final long AVAILABILITY_TTL_NS = TimeUnit.SECONDS.toNanos(5);

    private final Path socket;
    private SsipConnection connection;
    private volatile boolean available;
    private volatile long checkedAt = Long.MIN_VALUE;
    private volatile List<Voice> voices;

    public SpeechDispatcherEngine() {
        this(defaultSocket());
    }

    /** A client of the server listening on {@code socket} (tests start their own server). */
    public SpeechDispatcherEngine(Path socket) {
        this.socket = socket;
    }

    /** Where the user's speech-dispatcher listens: $SPEECHD_ADDRESS, else the per-user runtime directory. */
    public static Path defaultSocket() {
        String address = System.getenv("SPEECHD_ADDRESS");
        if (address != null && address.startsWith("unix_socket:")) {
            return Path.of(address.substring("unix_socket:".length()));
        }
        String runtime = System.getenv("XDG_RUNTIME_DIR");
        if (runtime != null && !runtime.isBlank()) {
            return Path.of(runtime, "speech-dispatcher", "speechd.sock");
        }
        return Path.of(System.getProperty("user.home"), ".cache", "speech-dispatcher", "speechd.sock");
    }

    @Override
    public String id() {
        return "speech-dispatcher";
    }

    /** Above every renderer: when the screen reader's server runs, sharing it beats talking over it. */
    @Override
    public int rank() {
        return 100;
    }

    @Override
    public boolean isAvailable() {
        long now = System.nanoTime();
        if (now - checkedAt < AVAILABILITY_TTL_NS && checkedAt != Long.MIN_VALUE) {
            return available;
        }
        boolean answer;
        synchronized (this) {
            if (connection != null && connection.isOpen()) {
                answer = true;
            } else if (!Files.exists(socket)) {
                answer = false;
            } else {
                try {
                    connection();
                    answer = true;
                } catch (IOException e) {
                    answer = false;
                }
            }
        }
        available = answer;
        checkedAt = now;
        return answer;
    }

    @Override
    public boolean rendersAudio() {
        return false;
    }

    @Override
    public List<Voice> voices() {
        List<Voice> v = voices;
        if (v != null) {
            return v;
        }
        try {
            SsipConnection.Reply r = connection().command("LIST SYNTHESIS_VOICES");
            List<Voice> list = new ArrayList<>();
            if (r.ok()) {
                for (String line : r.lines().subList(0, Math.max(0, r.lines().size() - 1))) {
                    String[] f = line.split("\t");
                    list.add(new Voice(f[0], f.length > 1 ? f[1] : "", f.length > 2 ? f[0] + " (" + f[2] + ")" : f[0]));
                }
            }
            voices = List.copyOf(list);
            return voices;
        } catch (IOException e) {
            return List.of();
        }
    }

    @Override
    public void speak(String text, SpeechSettings settings, PcmSink sink, CancellationToken stop) {
        if (stop.isCancelled()) {
            return;
        }
        SsipConnection c;
        String id;
        CountDownLatch finished = new CountDownLatch(1);
        AtomicInteger lastEvent = new AtomicInteger();
        java.util.concurrent.atomic.AtomicLong lastEventAt = new java.util.concurrent.atomic.AtomicLong(System.nanoTime());
        try {
            c = connection();
            apply(c, settings);
            id = c.speak(text, e -> {
                lastEvent.set(e.code());
                lastEventAt.set(System.nanoTime());
                if (e.code() == SsipConnection.Event.BEGIN) {
                    sink.started();
                }
                if (e.finishes() || e.code() < 0) {
                    finished.countDown();
                }
            });
        } catch (IOException e) {
            dropConnection();
            throw new EngineFailure("speech-dispatcher: " + e.getMessage(), e);
        }
        stop.onCancel(() -> {
            try {
                c.sendAndForget("CANCEL self");
            } catch (IOException e) {
                finished.countDown(); // the connection is gone: nothing is speaking
            }
        });
        try {
            long cancelledAt = 0;
            while (!finished.await(5, TimeUnit.MILLISECONDS)) {
                if (stop.isCancelled()) {
                    // The server confirms a cancel with its event at once; do not wait long for a silent one.
                    cancelledAt = cancelledAt == 0 ? System.nanoTime() : cancelledAt;
                    if (System.nanoTime() - cancelledAt > TimeUnit.MILLISECONDS.toNanos(500)) {
                        break;
                    }
                } else if (System.nanoTime() - lastEventAt.get() > TimeUnit.MILLISECONDS.toNanos(SILENCE_LIMIT_MS)) {
                    c.sendAndForget("CANCEL self");
                    throw new EngineFailure("speech-dispatcher sent nothing for " + SILENCE_LIMIT_MS + " ms");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            dropConnection();
            throw new EngineFailure("speech-dispatcher: " + e.getMessage(), e);
        } finally {
            c.removeListener(id);
        }
        if (lastEvent.get() < 0 && !stop.isCancelled()) {
            dropConnection();
            throw new EngineFailure("speech-dispatcher closed the connection mid-sentence");
        }
    }

    /**
     * Sends a setting only when it differs from what this connection last sent, and nothing at all while
     * every setting is normal: the server's own configuration (the user's voice, rate and module) applies.
     */
    private void apply(SsipConnection c, SpeechSettings s) throws IOException {
        List<String> wanted = new ArrayList<>();
        if (!s.hasNormalProsody() || !sent.isEmpty()) {
            wanted.add("RATE " + ssipRate(s.rate()));
            wanted.add("PITCH " + clamp((int) Math.round(100 * (s.pitch() - 1))));
            wanted.add("VOLUME " + clamp((int) Math.round(200 * s.volume() - 100)));
        }
        if (s.language() != null) {
            wanted.add("LANGUAGE " + s.language());
        }
        if (s.voice() != null) {
            wanted.add("SYNTHESIS_VOICE " + s.voice());
        }
        for (String setting : wanted) {
            String name = setting.substring(0, setting.indexOf(' '));
            if (!setting.equals(sent.get(name))) {
                c.command("SET self " + setting); // a refused voice or language leaves the server's own
                sent.put(name, setting);
            }
        }
    }

    /** What this connection last sent, by setting name; cleared with the connection. */
    private final java.util.Map<String, String> sent = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * SSIP rate is -100..100 around the user's own rate (0). Its top maps, in the espeak-ng module, to about
     * 2.6 times normal, so 1x..3x spreads over 0..100 and slower rates over -100..0.
     */
    static int ssipRate(double rate) {
        if (rate >= 1) {
            return clamp((int) Math.round((rate - 1) / 2.0 * 100));
        }
        return clamp((int) Math.round((rate - 1) / 0.75 * 100));
    }

    private static int clamp(int v) {
        return Math.max(-100, Math.min(100, v));
    }

    private synchronized SsipConnection connection() throws IOException {
        if (connection == null || !connection.isOpen()) {
            sent.clear();
            connection = SsipConnection.open(socket, "user:sightline:speech");
            connection.require("SET self PRIORITY text");
        }
        return connection;
    }

    private synchronized void dropConnection() {
        if (connection != null) {
            connection.close();
            connection = null;
        }
        checkedAt = Long.MIN_VALUE;
    }

    /** Closes the connection; a later sentence opens a new one. */
    @Override
    public void close() {
        dropConnection();
    }
}
