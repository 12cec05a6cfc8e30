package org.sightline.models;

import java.net.URI;

/**
 * One file of a catalog entry.
 *
 * @param role what the file is for inside the model ({@code det}, {@code decoder}, {@code tokenizer} ...)
 * @param name the file name in the model's cache directory
 * @param source {@code classpath:/path/in/jar} for files bundled in a jar, or an https URL pinned to a revision
 * @param size the exact size in bytes, or -1 when the catalog does not know it (then it is not checked)
 * @param approxSize the size to show and to reserve disk space for when the exact size is unknown, else -1
 * @param sha256 the expected SHA-256 in lower-case hex, or {@code null} when it could not be pinned; such a file
 *     is trusted on first use: its hash is recorded at the first download and checked ever after
 */
public record ModelFile(String role, String name, String source, long size, long approxSize, String sha256) {

    static final String CLASSPATH = "classpath:";

    public ModelFile {
        if (role == null || role.isBlank() || name == null || name.isBlank() || source == null || source.isBlank()) {
            throw new IllegalArgumentException("a model file needs a role, a name and a source");
        }
        if (name.contains("/") || name.contains("\\") || name.startsWith(".")) {
            throw new IllegalArgumentException("a model file name must be a plain file name: " + name);
        }
        if (sha256 != null) {
            sha256 = sha256.toLowerCase(java.util.Locale.ROOT);
            if (!sha256.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("not a SHA-256: " + sha256);
            }
        }
    }

    /** A file whose exact size is known and whose hash is pinned. */
    public ModelFile(String role, String name, String source, long size, String sha256) {
        this(role, name, source, size, -1, sha256);
    }

    /** The best size known: the exact one, else the estimate, else -1. */
    public long expectedSize() {
        return size >= 0 ? size : approxSize;
    }

    /** Whether the catalog pins this file's hash (otherwise it is trusted on first use). */
    public boolean pinned() {
        return sha256 != null;
    }

    public boolean bundled() {
        return source.startsWith(CLASSPATH);
    }

    /** The resource path inside the classpath, for a bundled file. */
    public String resource() {
        return source.substring(CLASSPATH.length());
    }

    /** The download URL, for a remote file. */
    public URI url() {
        return URI.create(source);
    }
}
