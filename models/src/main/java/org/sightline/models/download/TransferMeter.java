package org.sightline.models.download;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.function.LongSupplier;

/**
 * Turns a growing byte count into a rate and a time left over the last few seconds, and keeps the reported
 * count from going backwards when a server ignores a range request and a file starts over.
 */
public final class TransferMeter {

    private static final long WINDOW_NANOS = 5_000_000_000L;

    private record Sample(long nanos, long bytes) {
    }

    private final LongSupplier clock;
    private final ArrayDeque<Sample> samples = new ArrayDeque<>();
    private long reported;
    private long transferred;

    public TransferMeter() {
        this(System::nanoTime);
    }

    TransferMeter(LongSupplier clock) {
        this.clock = clock;
    }

    /** Counts {@code bytes} just received from the network. */
    public synchronized void received(long bytes) {
        transferred += bytes;
        long now = clock.getAsLong();
        samples.addLast(new Sample(now, transferred));
        while (samples.size() > 2 && now - samples.peekFirst().nanos() > WINDOW_NANOS) {
            samples.removeFirst();
        }
    }

    /** The count to report for {@code present} bytes in the cache: never less than the last one reported. */
    public synchronized long loaded(long present) {
        reported = Math.max(reported, present);
        return reported;
    }

    /** Bytes per second over the last few seconds, 0 until two samples are apart in time. */
    public synchronized double rate() {
        if (samples.size() < 2) {
            return 0;
        }
        Sample first = samples.peekFirst();
        Sample last = samples.peekLast();
        long dt = last.nanos() - first.nanos();
        return dt <= 0 ? 0 : (last.bytes() - first.bytes()) * 1e9 / dt;
    }

    /** The time left to reach {@code total}, or null when the total or the rate is unknown. */
    public synchronized Duration remaining(long total) {
        double r = rate();
        if (total <= 0 || r <= 0) {
            return null;
        }
        return Duration.ofMillis((long) (Math.max(0, total - reported) / r * 1000));
    }
}
