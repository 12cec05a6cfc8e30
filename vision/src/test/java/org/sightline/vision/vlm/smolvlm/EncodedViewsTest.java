package org.sightline.vision.vlm.smolvlm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The store of encoded views: known by their pixels, bounded, least recently used dropped first. */
class EncodedViewsTest {

    private static float[] pixels(float value) {
        float[] p = new float[3 * 8 * 8];
        Arrays.fill(p, value);
        return p;
    }

    @Test
    void aViewIsKnownByItsPixelsAndItsSize() {
        float[] a = pixels(0.5f);
        float[] changed = a.clone();
        changed[191] = 0.5001f;
        assertThat(EncodedViews.key(a, 8)).isEqualTo(EncodedViews.key(a.clone(), 8));
        assertThat(EncodedViews.key(changed, 8)).isNotEqualTo(EncodedViews.key(a, 8));
        assertThat(EncodedViews.key(a, 4)).isNotEqualTo(EncodedViews.key(a, 8));
    }

    @Test
    void beyondTheLimitTheLeastRecentlyUsedViewsAreDropped() {
        // Room for three views of 10 floats.
        EncodedViews views = new EncodedViews(3 * 10 * Float.BYTES);
        EncodedViews.Key[] keys = new EncodedViews.Key[4];
        for (int i = 0; i < 4; i++) {
            keys[i] = EncodedViews.key(pixels(i), 8);
        }
        views.put(keys[0], new float[10]);
        views.put(keys[1], new float[10]);
        views.put(keys[2], new float[10]);
        assertThat(views.get(keys[0])).isNotNull();          // used again: now the most recent
        views.put(keys[3], new float[10]);
        assertThat(views.count()).isEqualTo(3);
        assertThat(views.bytes()).isEqualTo(3 * 10 * Float.BYTES);
        assertThat(views.get(keys[1])).as("the least recently used").isNull();
        assertThat(views.get(keys[0])).isNotNull();
        views.clear();
        assertThat(views.count()).isZero();
        assertThat(views.bytes()).isZero();
    }

    @Test
    void aLimitOfZeroKeepsNothing() {
        EncodedViews views = new EncodedViews(0);
        views.put(EncodedViews.key(pixels(1), 8), new float[10]);
        assertThat(views.count()).isZero();
    }
}
