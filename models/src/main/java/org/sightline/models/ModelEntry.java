package org.sightline.models;

import java.util.List;
import java.util.Optional;

/**
 * One model of the catalog.
 *
 * @param id short stable id used on the command line and by features ({@code ppocr-v4})
 * @param task what the model does: {@code ocr}, {@code vlm}, {@code clip}, {@code text-embedding}
 * @param name the model's own name, shown to users
 * @param descriptions what the model does for the user, in a few words, by language tag ({@code en}, {@code zh-CN})
 * @param license the licence of the weights, as an SPDX id where there is one
 * @param parameters the parameter count in words ("256 M")
 * @param memoryMb roughly how much memory a loaded model takes
 * @param isDefault whether this is the model used for {@code task} unless the user picks another
 * @param revision the upstream revision the files are pinned to (a commit hash), or null for bundled files
 * @param files the files, each with its role
 */
public record ModelEntry(String id, String task, String name, java.util.Map<String, String> descriptions, String license, String parameters, int memoryMb,
                         boolean isDefault, String revision, List<ModelFile> files) {

    public ModelEntry {
        files = List.copyOf(files);
        descriptions = java.util.Map.copyOf(descriptions);
        if (files.isEmpty()) {
            throw new IllegalArgumentException("model " + id + " has no files");
        }
    }

    /** The description in the user's language: the exact tag, then the language alone, then English, else "". */
    public String description() {
        java.util.Locale l = org.sightline.i18n.Messages.locale();
        String d = descriptions.get(l.toLanguageTag());
        if (d == null) {
            d = descriptions.get(l.getLanguage());
        }
        if (d == null) {
            d = descriptions.entrySet().stream().filter(e -> e.getKey().startsWith(l.getLanguage() + "-"))
                    .map(java.util.Map.Entry::getValue).findFirst().orElse(null);
        }
        return d != null ? d : descriptions.getOrDefault("en", "");
    }

    /** The total size in bytes, using estimates where the exact size is unknown (see {@link #sizeExact}). */
    public long size() {
        return files.stream().mapToLong(f -> Math.max(0, f.expectedSize())).sum();
    }

    /** Whether {@link #size} is exact, not an estimate. */
    public boolean sizeExact() {
        return files.stream().allMatch(f -> f.size() >= 0);
    }

    /** Whether every file's size is known at least roughly. */
    public boolean sizeKnown() {
        return files.stream().allMatch(f -> f.expectedSize() >= 0);
    }

    /** Whether every file's hash is pinned in the catalog. */
    public boolean pinned() {
        return files.stream().allMatch(ModelFile::pinned);
    }

    /** Whether every file ships inside a jar on the classpath, so installing needs no network. */
    public boolean bundled() {
        return files.stream().allMatch(ModelFile::bundled);
    }

    public Optional<ModelFile> file(String role) {
        return files.stream().filter(f -> f.role().equals(role)).findFirst();
    }
}
