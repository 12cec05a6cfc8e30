package org.sightline.models;

import java.nio.file.Path;

/** A model whose files are in the cache and verified. */
public interface InstalledModel {

    /** The catalog id, for example {@code ppocr-v4}. */
    String id();

    /** The directory that holds the model's files. */
    Path directory();

    /**
     * The file that plays {@code role} in this model (for PP-OCR: {@code det}, {@code rec}, {@code cls},
     * {@code keys}; for a vision-language model: {@code vision_encoder}, {@code embed_tokens},
     * {@code decoder}, {@code tokenizer}, {@code config}).
     *
     * @throws IllegalArgumentException when the model has no file with that role
     */
    Path file(String role);
}
