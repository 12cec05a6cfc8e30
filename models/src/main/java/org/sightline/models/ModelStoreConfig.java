package org.sightline.models;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Settings of the model store, given by the app (from its settings file) or read from the environment.
 *
 * @param cacheDirectory where models are kept; {@code null} for the platform default (see {@link CacheDirectories})
 * @param offline when true the store never opens a network connection; only bundled and cached models work
 * @param mirror a base URL that replaces the scheme and host of every download URL (a Hugging Face mirror,
 *     or a local server); {@code null} for the URLs in the catalog
 * @param threads intra-op threads per ONNX Runtime session; 0 lets ONNX Runtime decide
 * @param connectTimeout how long to wait for a server to answer a connection
 * @param readTimeout how long a download may stall before it counts as failed and is retried
 * @param retries how many times an interrupted download is resumed before giving up
 * @param retryBackoff the wait before the first retry; it doubles at each further retry
 */
public record ModelStoreConfig(Path cacheDirectory, boolean offline, URI mirror, int threads,
                               Duration connectTimeout, Duration readTimeout, int retries,
                               Duration retryBackoff) {

    /** The environment variable that moves the cache. */
    public static final String ENV_CACHE = "SIGHTLINE_MODELS";
    /** The environment variable that forbids network access when set to 1 or true. */
    public static final String ENV_OFFLINE = "SIGHTLINE_OFFLINE";
    /** The environment variable that sets a download mirror base URL. */
    public static final String ENV_MIRROR = "SIGHTLINE_MODELS_MIRROR";

    public ModelStoreConfig {
        if (threads < 0) {
            throw new IllegalArgumentException("threads must be 0 or more");
        }
        if (retries < 0) {
            throw new IllegalArgumentException("retries must be 0 or more");
        }
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(15) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(30) : readTimeout;
        retryBackoff = retryBackoff == null ? Duration.ofSeconds(1) : retryBackoff;
    }

    /** Platform cache, online, catalog URLs, default threads, 4 retries. */
    public static ModelStoreConfig defaults() {
        return new ModelStoreConfig(null, false, null, 0, null, null, 4, null);
    }

    /** The defaults with {@code SIGHTLINE_MODELS}, {@code SIGHTLINE_OFFLINE} and {@code SIGHTLINE_MODELS_MIRROR} applied. */
    public static ModelStoreConfig fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    static ModelStoreConfig fromEnvironment(Map<String, String> env) {
        ModelStoreConfig c = defaults();
        String dir = env.get(ENV_CACHE);
        if (dir != null && !dir.isBlank()) {
            c = c.withCacheDirectory(Path.of(dir));
        }
        if (isTrue(env.get(ENV_OFFLINE))) {
            c = c.withOffline(true);
        }
        String mirror = env.get(ENV_MIRROR);
        if (mirror != null && !mirror.isBlank()) {
            c = c.withMirror(URI.create(mirror.trim()));
        }
        return c;
    }

    static boolean isTrue(String value) {
        if (value == null) {
            return false;
        }
        String v = value.trim().toLowerCase(java.util.Locale.ROOT);
        return v.equals("1") || v.equals("true") || v.equals("yes") || v.equals("on");
    }

    /** The cache directory actually used: the configured one or the platform default. */
    public Path resolvedCacheDirectory() {
        return cacheDirectory != null ? cacheDirectory : CacheDirectories.platformDefault();
    }

    public ModelStoreConfig withCacheDirectory(Path dir) {
        return new ModelStoreConfig(dir, offline, mirror, threads, connectTimeout, readTimeout, retries, retryBackoff);
    }

    public ModelStoreConfig withOffline(boolean off) {
        return new ModelStoreConfig(cacheDirectory, off, mirror, threads, connectTimeout, readTimeout, retries, retryBackoff);
    }

    public ModelStoreConfig withMirror(URI base) {
        return new ModelStoreConfig(cacheDirectory, offline, base, threads, connectTimeout, readTimeout, retries, retryBackoff);
    }

    public ModelStoreConfig withThreads(int n) {
        return new ModelStoreConfig(cacheDirectory, offline, mirror, n, connectTimeout, readTimeout, retries, retryBackoff);
    }

    public ModelStoreConfig withTimeouts(Duration connect, Duration read) {
        return new ModelStoreConfig(cacheDirectory, offline, mirror, threads, connect, read, retries, retryBackoff);
    }

    public ModelStoreConfig withRetries(int n, Duration backoff) {
        return new ModelStoreConfig(cacheDirectory, offline, mirror, threads, connectTimeout, readTimeout, n, backoff);
    }
}
