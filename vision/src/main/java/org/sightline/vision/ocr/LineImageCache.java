package org.sightline.vision.ocr;

import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Remembers what line images read as, so that reading a screen again after a scroll or a small change
 * recognises only the lines that are new. A line is known by a hash of its ink: the pixels inside the
 * smallest box around everything that differs from the strip's background. Keying on the ink and not on the
 * detector's box keeps a line recognisable when the detector cuts it a pixel wider or narrower the second time.
 * The oldest entries are forgotten first, so a long watch keeps a bounded memory. Safe for use from several
 * threads.
 */
public final class LineImageCache {

    /** A remembered reading: the text and one confidence per character. */
    public record Reading(String text, List<Float> confidences) {
        public Reading {
            confidences = List.copyOf(confidences);
        }
    }

    private final Map<Key, Reading> entries;
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();

    /** A cache holding at most {@code capacity} lines. */
    public LineImageCache(int capacity) {
        int max = Math.max(1, capacity);
        this.entries = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Reading> eldest) {
                return size() > max;
            }
        };
    }

    /** Identifies a line image; cheap to compute from a crop. */
    public record Key(int inkWidth, int inkHeight, long hash) {
    }

    /** The key of {@code strip}, a line cut out of the page. */
    public static Key keyOf(BufferedImage strip) {
        int w = strip.getWidth();
        int h = strip.getHeight();
        int[] px = strip.getRGB(0, 0, w, h, null, 0, w);
        int background = px[0] & 0xffffff;
        int minX = w;
        int minY = h;
        int maxX = -1;
        int maxY = -1;
        for (int y = 0; y < h; y++) {
            int row = y * w;
            for (int x = 0; x < w; x++) {
                if ((px[row + x] & 0xffffff) != background) {
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    minY = Math.min(minY, y);
                    maxY = y;
                }
            }
        }
        if (maxX < 0) {
            return new Key(0, 0, background);
        }
        long hash = 0xcbf29ce484222325L ^ background;
        for (int y = minY; y <= maxY; y++) {
            int row = y * w;
            for (int x = minX; x <= maxX; x++) {
                hash = (hash ^ (px[row + x] & 0xffffff)) * 0x100000001b3L;
            }
        }
        return new Key(maxX - minX + 1, maxY - minY + 1, hash);
    }

    /** What the line read as before; counts a hit or a miss. */
    public Optional<Reading> find(Key key) {
        Reading r;
        synchronized (entries) {
            r = entries.get(key);
        }
        (r == null ? misses : hits).incrementAndGet();
        return Optional.ofNullable(r);
    }

    public void remember(Key key, Reading reading) {
        synchronized (entries) {
            entries.put(key, reading);
        }
    }

    /** Lines answered from memory so far. */
    public long hits() {
        return hits.get();
    }

    /** Lines that had to be recognised so far. */
    public long misses() {
        return misses.get();
    }

    public int size() {
        synchronized (entries) {
            return entries.size();
        }
    }
}
