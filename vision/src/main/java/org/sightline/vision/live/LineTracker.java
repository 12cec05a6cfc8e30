package org.sightline.vision.live;

import java.awt.Rectangle;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sightline.vision.ocr.TextLine;

/**
 * Decides which of the lines on the screen are worth telling. A line is told once while it stays, wherever it
 * moves (a terminal that scrolls tells only its new lines). A line that replaces one of the same shape in the
 * same place (only its digits differ, as in "Copying 41%") is a changing line: it is told at most once every
 * {@code changingEvery}, and its latest value is told when that time comes, so a counter is neither told on
 * every frame nor left half told. A line that was gone for less than {@code grace} (a frame caught while the
 * window was being painted, a flicker of the recogniser) is not told again when it comes back. Not thread-safe:
 * one watcher feeds it.
 */
public final class LineTracker {

    private final LinePolicy policy;
    private final Duration changingEvery;
    private final Duration grace;
    /** When each line was last visible, kept for {@code grace} after it went. */
    private final Map<String, Instant> lastSeen = new HashMap<>();
    private List<TextLine> previous = List.of();
    private Set<String> present = Set.of();
    /** When a changing line of each shape was last told. */
    private final Map<String, Instant> toldAt = new HashMap<>();
    /** The newest value of each changing line that waits for its time, by shape. */
    private final Map<String, TextLine> waiting = new LinkedHashMap<>();

    public LineTracker(LinePolicy policy, Duration changingEvery, Duration grace) {
        this.policy = policy;
        this.changingEvery = changingEvery;
        this.grace = grace;
    }

    /**
     * Latest-first or queue, with changing lines told at most every 2.5 seconds, and a line gone for less than
     * a second not told again.
     */
    public static LineTracker standard(LinePolicy policy) {
        return new LineTracker(policy, Duration.ofMillis(2500), Duration.ofSeconds(1));
    }

    /**
     * Takes every line visible now, in reading order, and returns those to tell now, in order.
     */
    public List<LiveLine> update(List<TextLine> visible, Instant now) {
        List<LiveLine> out = new ArrayList<>();
        Set<String> nowPresent = new HashSet<>();
        for (TextLine line : visible) {
            nowPresent.add(normalised(line.text()));
        }
        for (TextLine line : visible) {
            String text = normalised(line.text());
            if (text.isEmpty() || present.contains(text) || seenWithinGrace(text, now)) {
                continue;
            }
            String shape = shapeOf(text);
            Instant last = toldAt.get(shape);
            boolean changing = replacesSameShape(line, text, shape, nowPresent);
            if (changing && last != null && Duration.between(last, now).compareTo(changingEvery) < 0) {
                waiting.put(shape, line);
                continue;
            }
            waiting.remove(shape);
            toldAt.put(shape, now);
            out.add(told(line, now, out.isEmpty(), changing));
        }
        previous = List.copyOf(visible);
        present = nowPresent;
        lastSeen.values().removeIf(t -> Duration.between(t, now).compareTo(grace) > 0);
        nowPresent.forEach(text -> lastSeen.put(text, now));
        out.addAll(due(now, out.isEmpty()));
        return out;
    }

    private boolean seenWithinGrace(String text, Instant now) {
        Instant seen = lastSeen.get(text);
        return seen != null && Duration.between(seen, now).compareTo(grace) <= 0;
    }

    /** Changing lines whose time has come while the screen stood still. */
    public List<LiveLine> due(Instant now) {
        return due(now, true);
    }

    private List<LiveLine> due(Instant now, boolean firstOfBatch) {
        List<LiveLine> out = new ArrayList<>();
        var it = waiting.entrySet().iterator();
        while (it.hasNext()) {
            var e = it.next();
            String text = normalised(e.getValue().text());
            if (!present.contains(text)) {
                // Replaced again or gone: a newer value waits under the same shape, or nothing is left to tell.
                it.remove();
                continue;
            }
            Instant last = toldAt.get(e.getKey());
            if (last == null || Duration.between(last, now).compareTo(changingEvery) >= 0) {
                out.add(told(e.getValue(), now, firstOfBatch && out.isEmpty(), true));
                toldAt.put(e.getKey(), now);
                it.remove();
            }
        }
        return out;
    }

    private LiveLine told(TextLine line, Instant now, boolean first, boolean update) {
        return new LiveLine(normalised(line.text()), line.box(), now, policy == LinePolicy.LATEST_FIRST && first,
                update);
    }

    /** Whether a line of the last frame in the same place, with the same shape, is gone now. */
    private boolean replacesSameShape(TextLine line, String text, String shape, Set<String> nowPresent) {
        for (TextLine before : previous) {
            String old = normalised(before.text());
            if (!old.equals(text) && !nowPresent.contains(old) && shapeOf(old).equals(shape)
                    && sameRow(before.box(), line.box())) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameRow(Rectangle a, Rectangle b) {
        int overlap = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
        return overlap * 2 >= Math.min(a.height, b.height);
    }

    /** The text with its digits masked: what stays the same while a counter counts. */
    static String shapeOf(String text) {
        return text.replaceAll("\\d+([.,]\\d+)?", "#");
    }

    static String normalised(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }
}
