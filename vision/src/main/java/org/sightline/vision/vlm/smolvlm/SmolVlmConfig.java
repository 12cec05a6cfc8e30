package org.sightline.vision.vlm.smolvlm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import org.sightline.error.Problem;
import org.sightline.error.SightlineException;
import org.sightline.i18n.Messages;

/**
 * The dimensions and preprocessing settings of one SmolVLM model, read from its {@code config.json} and
 * {@code preprocessor_config.json}. Nothing about the model size is hard-coded: 256M and 500M differ only
 * in these files.
 *
 * @param layers      the decoder's layer count; 0 when {@code config.json} leaves it out (Hugging Face omits a value
 *                    equal to the library default), and the decoder graph's cache inputs then tell it
 * @param longestEdge the image is resized so that its longest edge is this long (2048 for SmolVLM)
 * @param tileSize    the side of one square tile the vision encoder takes (512)
 * @param contextLength the most positions the decoder was trained for ({@code max_position_embeddings}, 8192 for
 *                    SmolVLM): a conversation longer than this is started again with its most recent turns
 */
public record SmolVlmConfig(int hiddenSize, int layers, int attentionHeads, int kvHeads, int headDim, int vocabSize,
                            long imageTokenId, Set<Long> eosTokenIds, long padTokenId, int imageSize, int patchSize,
                            int scaleFactor, int longestEdge, int tileSize, double[] mean, double[] std,
                            boolean imageSplitting, int contextLength) {

    private static final Messages MESSAGES = new Messages("org.sightline.vision.vlm.messages");

    /** How many image tokens one tile becomes: (512 / 16 / 4)^2 = 64 for SmolVLM. */
    public int tokensPerTile() {
        int side = imageSize / patchSize / scaleFactor;
        return side * side;
    }

    /** This configuration with the layer count the decoder graph has. */
    public SmolVlmConfig withLayers(int graphLayers) {
        return new SmolVlmConfig(hiddenSize, graphLayers, attentionHeads, kvHeads, headDim, vocabSize, imageTokenId,
                eosTokenIds, padTokenId, imageSize, patchSize, scaleFactor, longestEdge, tileSize, mean, std,
                imageSplitting, contextLength);
    }

    public static SmolVlmConfig read(Path config, Path preprocessorConfig) {
        ObjectMapper json = new ObjectMapper();
        JsonNode root = load(json, config);
        JsonNode pre = preprocessorConfig == null ? json.createObjectNode() : load(json, preprocessorConfig);
        try {
            JsonNode text = root.path("text_config");
            JsonNode vision = root.path("vision_config");
            int hidden = required(text, root, "hidden_size");
            int heads = required(text, root, "num_attention_heads");
            int kv = optional(text, root, "num_key_value_heads", heads);
            int headDim = optional(text, root, "head_dim", hidden / heads);
            Set<Long> eos = new LinkedHashSet<>();
            addIds(eos, text.path("eos_token_id"));
            addIds(eos, root.path("eos_token_id"));
            int imageSize = vision.path("image_size").asInt(512);
            int tile = pre.path("max_image_size").path("longest_edge").asInt(imageSize);
            return new SmolVlmConfig(hidden, optional(text, root, "num_hidden_layers", 0), heads, kv, headDim,
                    optional(text, root, "vocab_size", 49280),
                    root.has("image_token_id") ? root.get("image_token_id").asLong() : root.path("image_token_index").asLong(49190),
                    Set.copyOf(eos), optional(text, root, "pad_token_id", 2), imageSize,
                    vision.path("patch_size").asInt(16), root.path("scale_factor").asInt(4),
                    pre.path("size").path("longest_edge").asInt(4 * tile), tile,
                    triple(pre.path("image_mean")), triple(pre.path("image_std")),
                    pre.path("do_image_splitting").asBoolean(true),
                    optional(text, root, "max_position_embeddings", 8192));
        } catch (IllegalArgumentException e) {
            throw new SightlineException(Problem.BAD_INPUT, MESSAGES.get("vlm.model.badConfig", config, e.getMessage()), e);
        }
    }

    private static JsonNode load(ObjectMapper json, Path file) {
        try {
            return json.readTree(file.toFile());
        } catch (IOException e) {
            throw new SightlineException(Problem.BAD_INPUT, MESSAGES.get("vlm.model.badConfig", file, e.getMessage()), e);
        }
    }

    private static int required(JsonNode text, JsonNode root, String key) {
        JsonNode n = text.has(key) ? text.get(key) : root.get(key);
        if (n == null || !n.canConvertToInt()) {
            throw new IllegalArgumentException("text_config." + key + " is missing");
        }
        return n.asInt();
    }

    private static int optional(JsonNode text, JsonNode root, String key, int fallback) {
        JsonNode n = text.has(key) ? text.get(key) : root.get(key);
        return n == null || n.isNull() ? fallback : n.asInt();
    }

    private static void addIds(Set<Long> out, JsonNode n) {
        if (n.isArray()) {
            n.forEach(e -> out.add(e.asLong()));
        } else if (n.canConvertToLong()) {
            out.add(n.asLong());
        }
    }

    private static double[] triple(JsonNode n) {
        if (!n.isArray() || n.size() != 3) {
            return new double[] {0.5, 0.5, 0.5};
        }
        return new double[] {n.get(0).asDouble(), n.get(1).asDouble(), n.get(2).asDouble()};
    }
}
