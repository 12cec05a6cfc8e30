package org.sightline.vision.ocr.ppocr;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where one page's reading time went, stage by stage, for tuning: on only when the system property
 * {@code sightline.ocr.profile} is {@code true}, and then printed to standard error after each page.
 * Off, each call costs a field read. The totals are shared by all engines in the process.
 */
final class StageTimes {

    static final boolean ENABLED = Boolean.getBoolean("sightline.ocr.profile");

    private static final Map<String, long[]> STAGES = new LinkedHashMap<>();

    private StageTimes() {
    }

    /** A start mark for {@link #add}; zero when timing is off. */
    static long start() {
        return ENABLED ? System.nanoTime() : 0L;
    }

    /** Adds the time since {@code start} to {@code stage}, counting one call. */
    static synchronized void add(String stage, long start) {
        if (!ENABLED) {
            return;
        }
        long[] t = STAGES.computeIfAbsent(stage, k -> new long[2]);
        t[0] += System.nanoTime() - start;
        t[1]++;
    }

    /** Adds {@code amount} to a counted quantity (such as padded input columns); shown as a plain number. */
    static synchronized void count(String quantity, long amount) {
        if (!ENABLED) {
            return;
        }
        long[] t = STAGES.computeIfAbsent("#" + quantity, k -> new long[2]);
        t[0] += amount;
        t[1]++;
    }

    /** Prints and clears the totals. */
    static synchronized void report(String what) {
        if (!ENABLED) {
            return;
        }
        StringBuilder sb = new StringBuilder("ocr profile ").append(what).append(':');
        STAGES.forEach((k, v) -> sb.append(k.startsWith("#")
                ? String.format(" %s=%d", k.substring(1), v[0])
                : String.format(" %s=%.0fms/%d", k, v[0] / 1e6, v[1])));
        System.err.println(sb);
        STAGES.clear();
    }
}
