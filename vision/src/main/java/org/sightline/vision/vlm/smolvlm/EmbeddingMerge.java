package org.sightline.vision.vlm.smolvlm;

/**
 * Puts the vision encoder's features into the token embeddings: every row whose token is the image token
 * is overwritten, in order, by the next feature row. The counts must match exactly; a mismatch means the
 * prompt and the preprocessing disagree, and truncating would silently describe the wrong pixels.
 */
public final class EmbeddingMerge {

    private EmbeddingMerge() {
    }

    /**
     * @param embeds   the prompt's token embeddings, {@code ids.length * hidden} values, changed in place
     * @param features the image features, {@code imageTokens * hidden} values
     * @throws IllegalStateException when the number of image tokens and feature rows differ
     */
    public static void merge(float[] embeds, long[] ids, int hidden, float[] features, long imageTokenId) {
        if (embeds.length != ids.length * hidden) {
            throw new IllegalStateException("embeddings have " + embeds.length + " values, expected "
                    + ids.length + " x " + hidden);
        }
        int count = 0;
        for (long id : ids) {
            if (id == imageTokenId) {
                count++;
            }
        }
        int rows = features.length / hidden;
        if (count != rows || features.length % hidden != 0) {
            throw new IllegalStateException("the prompt has " + count + " image tokens but the vision encoder gave "
                    + rows + " feature rows");
        }
        int next = 0;
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] == imageTokenId) {
                System.arraycopy(features, next * hidden, embeds, i * hidden, hidden);
                next++;
            }
        }
    }
}
