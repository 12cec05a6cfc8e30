package org.sightline.vision.vlm.smolvlm;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The vision encoder's output for views already looked at, so that a closer look, a look taken again or a tile
 * equal to another is not encoded twice. A view's features depend on its pixels only (each view is encoded
 * alone, with no position of its own), so a view is known by its size and a SHA-256 digest of its normalised
 * pixel values: two views with the same key give the same features, bit for bit, whichever image, crop or
 * resize they came from. See docs/decisions/0022-encoded-views.md for where views coincide.
 *
 * <p>Bounded: the least recently used views are dropped beyond {@link #limitBytes()}. Thread-safe.
 */
final class EncodedViews {

    /** About 130 views of SmolVLM-500M (64 x 960 floats each), 220 of 256M: ten full looks of a screen. */
    static final long DEFAULT_LIMIT_BYTES = 32L << 20;

    /** A view's identity: its side in pixels and the digest of its pixel values. */
    record Key(int size, String digest) {
    }

    private final Map<Key, float[]> views = new LinkedHashMap<>(16, 0.75f, true);
    private long limitBytes;
    private long bytes;

    EncodedViews(long limitBytes) {
        limit(limitBytes);
    }

    /** The key of a normalised CHW view {@code size} pixels square. */
    static Key key(float[] pixels, int size) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
        ByteBuffer chunk = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
        for (float value : pixels) {
            if (!chunk.hasRemaining()) {
                sha.update(chunk.flip());
                chunk.clear();
            }
            chunk.putFloat(value);
        }
        sha.update(chunk.flip());
        return new Key(size, HexFormat.of().formatHex(sha.digest()));
    }

    /** The features of the view with {@code key}, or null when it was not encoded or was dropped. */
    synchronized float[] get(Key key) {
        return views.get(key);
    }

    /** Keeps {@code features} for {@code key}, dropping the least recently used views beyond the limit. */
    synchronized void put(Key key, float[] features) {
        long size = (long) features.length * Float.BYTES;
        if (size > limitBytes) {
            return;
        }
        float[] old = views.put(key, features);
        bytes += size - (old == null ? 0 : (long) old.length * Float.BYTES);
        trim();
    }

    /** Forgets every view: the user moved on to another picture. */
    synchronized void clear() {
        views.clear();
        bytes = 0;
    }

    synchronized int count() {
        return views.size();
    }

    synchronized long bytes() {
        return bytes;
    }

    synchronized long limitBytes() {
        return limitBytes;
    }

    /** Sets the bound; 0 keeps nothing, which turns the reuse off. */
    synchronized void limit(long limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit " + limit);
        }
        limitBytes = limit;
        trim();
    }

    private void trim() {
        var oldest = views.entrySet().iterator();
        while (bytes > limitBytes && oldest.hasNext()) {
            bytes -= (long) oldest.next().getValue().length * Float.BYTES;
            oldest.remove();
        }
    }
}
