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
     * The files in {@code dir}. A graph is looked for under its plain name first, in the folder and in its
     * {@code onnx/} subfolder; when only a variant is there ({@code decoder_model_merged_int8.onnx}) the
     * first variant in name order is used.
     */
    public static SmolVlmFiles fromDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new SightlineException(Problem.BAD_INPUT, MESSAGES.get("vlm.model.folderMissingFile", dir, "config.json"));
        }
        Path pre = dir.resolve("preprocessor_config.json");
        return new SmolVlmFiles(graph(dir, "vision_encoder"), graph(dir, "embed_tokens"),
                graph(dir, "decoder_model_merged"), required(dir, "tokenizer.json"), required(dir, "config.json"),
                Files.isRegularFile(pre) ? pre : null);
    }

    private static Path required(Path dir, String name) {
        Path p = dir.resolve(name);
        if (!Files.isRegularFile(p)) {
            throw new SightlineException(Problem.BAD_INPUT, MESSAGES.get("vlm.model.folderMissingFile", dir, name));
        }
        return p;
    }

    private static Path graph(Path dir, String base) {
        for (Path d : List.of(dir, dir.resolve("onnx"))) {
            Path exact = d.resolve(base + ".onnx");
            if (Files.isRegularFile(exact)) {
                return exact;
            }
        }
        for (Path d : List.of(dir, dir.resolve("onnx"))) {
            Optional<Path> variant = variants(d, base);
            if (variant.isPresent()) {
                return variant.get();
            }
        }
        throw new SightlineException(Problem.BAD_INPUT, MESSAGES.get("vlm.model.folderMissingFile", dir, base + ".onnx"));
    }

    private static Optional<Path> variants(Path d, String base) {
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
