package org.sightline.vision.vlm.smolvlm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.sightline.error.Problem;
import org.sightline.error.SightlineException;
import org.sightline.i18n.Messages;
import org.sightline.models.InstalledModel;

/**
 * Where the files of one SmolVLM model are. Built from an installed catalog model (by role) or from a
 * folder the user filled: the official layout ({@code onnx/} with the graphs beside the JSON files) or a
 * flat folder both work. {@code preprocessorConfig} may be null: the Idefics3 defaults then apply.
 */
public record SmolVlmFiles(Path visionEncoder, Path embedTokens, Path decoder, Path tokenizer, Path config,
                           Path preprocessorConfig) {

    private static final Messages MESSAGES = new Messages("org.sightline.vision.vlm.messages");

    /** The three graphs, in the order of the record's components. */
    private static final List<String> GRAPHS = List.of("vision_encoder", "embed_tokens", "decoder_model_merged");

    /**
     * Precision variants by preference: the plain float32 graphs, then the catalog's own set, then the other
     * float32-input exports; float16 ones last (the runner refuses them with a message that names these).
     */
    static final List<String> VARIANTS = List.of("", "_quantized", "_int8", "_uint8", "_q4", "_bnb4", "_fp16", "_q4f16");

    /** The files of a model from the store, by the roles the catalog gives them. */
    public static SmolVlmFiles from(InstalledModel model) {
        Path pre;
        try {
            pre = model.file("preprocessor_config");
        } catch (IllegalArgumentException e) {
            pre = null;
        }
        return new SmolVlmFiles(model.file("vision_encoder"), model.file("embed_tokens"), model.file("decoder"),
                model.file("tokenizer"), model.file("config"), pre);
    }

    /**
     * The files in {@code dir}, in the folder itself or in its {@code onnx/} subfolder. A Hugging Face export
     * holds each graph in several precisions ({@code decoder_model_merged_int8.onnx}, {@code ..._fp16.onnx});
     * one consistent set is chosen, the first of {@link #VARIANTS} that all three graphs have, so a folder never
     * mixes an int8 encoder with a float16 decoder. A folder without a common set takes each graph's most
     * preferred variant.
     */
    public static SmolVlmFiles fromDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new SightlineException(Problem.BAD_INPUT, MESSAGES.get("vlm.model.folderMissingFile", dir, "config.json"));
        }
        Path pre = dir.resolve("preprocessor_config.json");
        List<Path> folders = List.of(dir, dir.resolve("onnx"));
        Optional<String> common = VARIANTS.stream()
                .filter(v -> GRAPHS.stream().allMatch(g -> find(folders, g + v).isPresent()))
                .findFirst();
        Path[] graphs = new Path[GRAPHS.size()];
        for (int i = 0; i < graphs.length; i++) {
            String base = GRAPHS.get(i);
            graphs[i] = common.flatMap(v -> find(folders, base + v))
                    .or(() -> preferredVariant(folders, base))
                    .orElseThrow(() -> new SightlineException(Problem.BAD_INPUT,
                            MESSAGES.get("vlm.model.folderMissingFile", dir, base + ".onnx")));
        }
        return new SmolVlmFiles(graphs[0], graphs[1], graphs[2], required(dir, "tokenizer.json"),
                required(dir, "config.json"), Files.isRegularFile(pre) ? pre : null);
    }

    private static Path required(Path dir, String name) {
        Path p = dir.resolve(name);
        if (!Files.isRegularFile(p)) {
            throw new SightlineException(Problem.BAD_INPUT, MESSAGES.get("vlm.model.folderMissingFile", dir, name));
        }
        return p;
    }

    private static Optional<Path> find(List<Path> folders, String name) {
        return folders.stream().map(d -> d.resolve(name + ".onnx")).filter(Files::isRegularFile).findFirst();
    }

    /** The most preferred variant of one graph, or any other variant in name order. */
    private static Optional<Path> preferredVariant(List<Path> folders, String base) {
        for (String v : VARIANTS) {
            Optional<Path> p = find(folders, base + v);
            if (p.isPresent()) {
                return p;
            }
        }
        for (Path d : folders) {
            Optional<Path> other = otherVariant(d, base);
            if (other.isPresent()) {
                return other;
            }
        }
        return Optional.empty();
    }

    private static Optional<Path> otherVariant(Path d, String base) {
        if (!Files.isDirectory(d)) {
            return Optional.empty();
        }
        try (Stream<Path> s = Files.list(d)) {
            return s.filter(p -> {
                String n = p.getFileName().toString();
                return n.startsWith(base + "_") && n.endsWith(".onnx");
            }).sorted().findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
