package org.sightline.vision.vlm.smolvlm;

/**
 * The SmolVLM chat template. The first turn carries the image, expanded into its row/column markers and
 * one {@code <image>} placeholder per image token; follow-up turns continue the same token sequence, so
 * the key/value cache of everything before them is reused.
 */
public final class ChatPrompt {

    public static final String IMAGE = "<image>";
    public static final String FAKE_AROUND_IMAGE = "<fake_token_around_image>";
    public static final String GLOBAL_IMAGE = "<global-img>";
    public static final String END_OF_UTTERANCE = "<end_of_utterance>";

    private ChatPrompt() {
    }

    /** The text that stands for one image in the prompt. */
    public static String imagePlaceholder(TilePlan plan, int tokensPerTile) {
        String tokens = IMAGE.repeat(tokensPerTile);
        StringBuilder sb = new StringBuilder();
        if (plan.split()) {
            for (int r = 1; r <= plan.rows(); r++) {
                for (int c = 1; c <= plan.cols(); c++) {
                    sb.append(FAKE_AROUND_IMAGE).append("<row_").append(r).append("_col_").append(c).append('>')
                            .append(tokens);
                }
                sb.append('\n');
            }
            sb.append('\n');
        }
        sb.append(FAKE_AROUND_IMAGE).append(GLOBAL_IMAGE).append(tokens).append(FAKE_AROUND_IMAGE);
        return sb.toString();
    }

    /**
     * One turn of the prompt: the template's text before and after what the user asked. Only the template is
     * tokenised with its markers; {@code userText} is tokenised as plain text (see
     * {@link SmolVlmTokenizer#encodeText}).
     */
    public record Turn(String before, String userText, String after) {

        /** The whole turn as one string, as the chat template writes it. */
        public String text() {
            return before + userText + after;
        }
    }

    /** The whole first turn: {@code <|im_start|>User:<image...>question<end_of_utterance>\nAssistant:}. */
    public static Turn firstTurn(String userText, TilePlan plan, int tokensPerTile) {
        return new Turn("<|im_start|>User:" + imagePlaceholder(plan, tokensPerTile), userText,
                END_OF_UTTERANCE + "\nAssistant:");
    }

    /**
     * What follows the tokens of the previous answer for a follow-up question. The previous answer is
     * already in the cache, so the text starts with its end-of-utterance marker. The space after
     * {@code User:} goes with the question, as the tokenizer's word split puts it.
     */
    public static Turn followUp(String userText) {
        return new Turn(END_OF_UTTERANCE + "\nUser:", " " + userText, END_OF_UTTERANCE + "\nAssistant:");
    }
}
