package org.sightline.vision.vlm.smolvlm;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counters of what the runner did and how long ONNX Runtime itself took, so benchmarks can separate the
 * model's time from the Java loop around it, and tests can see that a follow-up did not encode the image
 * again.
 */
public final class RunnerStats {

    final AtomicLong visionCalls = new AtomicLong();
    final AtomicLong visionNanos = new AtomicLong();
    /** Views whose features were already encoded and were taken from the backend's {@link EncodedViews}. */
    final AtomicLong visionReused = new AtomicLong();
    final AtomicLong embedCalls = new AtomicLong();
    final AtomicLong embedNanos = new AtomicLong();
    final AtomicLong decoderCalls = new AtomicLong();
    final AtomicLong decoderNanos = new AtomicLong();
    final AtomicLong prefillNanos = new AtomicLong();
    final AtomicLong prefillTokens = new AtomicLong();
    final AtomicLong generatedTokens = new AtomicLong();
    /** Wall time of the decoding steps after the prefill, Java work included. */
    final AtomicLong decodeLoopNanos = new AtomicLong();
    /** ONNX Runtime time (embed + decoder runs) inside those steps. */
    final AtomicLong decodeSessionNanos = new AtomicLong();
    /** CPU time of the calling thread inside ONNX Runtime runs (it computes too). */
    final AtomicLong sessionThreadCpuNanos = new AtomicLong();
    /** CPU time the calling thread spent in the decoding steps outside ONNX Runtime: the Java loop's own cost. */
    final AtomicLong decodeJavaCpuNanos = new AtomicLong();

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    /** CPU time of the current thread, or 0 where the JVM cannot tell. */
    static long threadCpuNanos() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : 0;
    }

    public long decodeJavaCpuNanos() {
        return decodeJavaCpuNanos.get();
    }

    public long visionCalls() {
        return visionCalls.get();
    }

    public long visionReused() {
        return visionReused.get();
    }

    public long visionNanos() {
        return visionNanos.get();
    }

    public long embedCalls() {
        return embedCalls.get();
    }

    public long decoderCalls() {
        return decoderCalls.get();
    }

    public long decoderNanos() {
        return decoderNanos.get();
    }

    public long prefillNanos() {
        return prefillNanos.get();
    }

    public long prefillTokens() {
        return prefillTokens.get();
    }

    public long generatedTokens() {
        return generatedTokens.get();
    }

    public long decodeLoopNanos() {
        return decodeLoopNanos.get();
    }

    public long decodeSessionNanos() {
        return decodeSessionNanos.get();
    }

    public void reset() {
        for (AtomicLong a : new AtomicLong[] {visionCalls, visionNanos, visionReused, embedCalls, embedNanos, decoderCalls,
                decoderNanos, prefillNanos, prefillTokens, generatedTokens, decodeLoopNanos, decodeSessionNanos, sessionThreadCpuNanos, decodeJavaCpuNanos}) {
            a.set(0);
        }
    }
}
