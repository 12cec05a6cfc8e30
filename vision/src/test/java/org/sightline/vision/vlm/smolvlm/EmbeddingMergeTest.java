package org.sightline.vision.vlm.smolvlm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EmbeddingMergeTest {

    @Test
    void imageRowsAreReplacedInOrderAndTextRowsKept() {
        long[] ids = {1, 49190, 7, 49190, 2};
        float[] embeds = {1, 1, 2, 2, 3, 3, 4, 4, 5, 5};
        float[] features = {10, 11, 20, 21};
        EmbeddingMerge.merge(embeds, ids, 2, features, 49190);
        assertThat(embeds).containsExactly(1, 1, 10, 11, 3, 3, 20, 21, 5, 5);
    }

    @Test
    void aCountMismatchIsAnErrorNotATruncation() {
        long[] ids = {1, 49190, 49190};
        float[] embeds = new float[6];
        assertThatThrownBy(() -> EmbeddingMerge.merge(embeds, ids, 2, new float[] {1, 2, 3, 4, 5, 6}, 49190))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("2 image tokens").hasMessageContaining("3 feature rows");
        assertThatThrownBy(() -> EmbeddingMerge.merge(embeds, ids, 2, new float[] {1, 2}, 49190))
                .isInstanceOf(IllegalStateException.class);
        assertThat(embeds).containsOnly(0f);
    }
}
