package org.sightline.models.download;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import org.sightline.error.Problem;
import org.sightline.error.SightlineException;
import org.sightline.models.ModelMessages;
import org.sightline.models.ModelStoreConfig;
import org.sightline.models.Sha256;
import org.sightline.task.CancellationToken;
import org.sightline.task.CancelledException;

/**
 * Fetches one URL into a partial file, resuming what is already there. It does not decide whether the result is
 * right: it returns the SHA-256 of the whole partial file, and the store compares and moves it into place.
 * No connection is opened, and no HTTP client is even created, when the configuration is offline.
 */
public final class HttpDownloader {

    private static final int BLOCK = 1 << 16;

    private final ModelStoreConfig config;
    private volatile HttpClient client;
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sightline-download-watchdog");
        t.setDaemon(true);
        return t;
    });

    public HttpDownloader(ModelStoreConfig config) {
        this.config = config;
    }

    /** The URL to fetch for a catalog URL: the mirror's scheme, host and path prefix in front of the catalog path. */
    public static URI resolve(URI catalogUrl, URI mirror) {
        if (mirror == null) {
            return catalogUrl;
        }
        String base = mirror.toString();
        if (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        String path = catalogUrl.getRawPath() + (catalogUrl.getRawQuery() == null ? "" : "?" + catalogUrl.getRawQuery());
        return URI.create(base + path);
    }

    private HttpClient client() {
        HttpClient c = client;
        if (c == null) {
            synchronized (this) {
                if (client == null) {
                    client = HttpClient.newBuilder()
                            .connectTimeout(config.connectTimeout())
                            .followRedirects(HttpClient.Redirect.NORMAL)
                            .version(HttpClient.Version.HTTP_1_1)
                            .build();
                }
                c = client;
            }
        }
        return c;
    }

    /**
     * Downloads {@code url} (after the mirror is applied) into {@code part}, appending to what it already holds.
     *
     * @param expectedSize the full size when known, else -1
     * @param present told the number of bytes in {@code part} after each block
     * @param received told each block's size as it arrives from the network (for the rate)
     * @return the SHA-256 of the complete file
     * @throws SightlineException DEVICE_UNAVAILABLE for network failures after the retries, or a disk that is full
     * @throws CancelledException when {@code token} is cancelled; the partial file is kept for a later resume
     */
    public String download(URI url, Path part, long expectedSize, CancellationToken token, LongConsumer present,
                           LongConsumer received) throws InterruptedException {
        if (config.offline()) {
            throw new SightlineException(Problem.MODEL_MISSING, ModelMessages.get("download.offline"));
        }
        URI target = resolve(url, config.mirror());
        int attempt = 0;
        while (true) {
            token.throwIfCancelled();
            try {
                return attempt(target, part, expectedSize, token, present, received);
            } catch (Retryable e) {
                attempt++;
                if (attempt > config.retries()) {
                    throw new SightlineException(Problem.DEVICE_UNAVAILABLE, e.userMessage, e.getCause());
                }
                long wait = config.retryBackoff().toMillis() << Math.min(attempt - 1, 6);
                sleep(wait, token);
            }
        }
    }

    private static void sleep(long millis, CancellationToken token) throws InterruptedException {
        long end = System.nanoTime() + millis * 1_000_000;
        while (System.nanoTime() < end) {
            token.throwIfCancelled();
            Thread.sleep(Math.min(100, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
        }
    }

    /** A failure worth another try: a dropped connection, a stalled transfer, a server error. */
    private static final class Retryable extends Exception {
        private static final long serialVersionUID = 1L;
        final String userMessage;

        Retryable(String userMessage, Throwable cause) {
            super(userMessage, cause, false, false);
            this.userMessage = userMessage;
        }
    }

    private String attempt(URI url, Path part, long expectedSize, CancellationToken token, LongConsumer present,
                           LongConsumer received) throws Retryable, InterruptedException {
        MessageDigest digest = Sha256.newDigest();
        long have = 0;
        if (Files.isRegularFile(part)) {
            try (InputStream in = Files.newInputStream(part)) {
                byte[] buf = new byte[BLOCK];
                int n;
                while ((n = in.read(buf)) > 0) {
                    digest.update(buf, 0, n);
                    have += n;
                    if (expectedSize >= 0 && have > expectedSize) {
                        break;
                    }
                }
            } catch (IOException e) {
                throw diskFailure(part, e);
            }
        }
        if (expectedSize >= 0 && have > expectedSize) {
            // More than the file should hold: it cannot be a prefix of the right file; start over.
            deleteQuietly(part);
            digest.reset();
            have = 0;
        }
        if (expectedSize >= 0 && have == expectedSize && have > 0) {
            present.accept(have);
            return Sha256.hex(digest);
        }
        HttpRequest.Builder rb = HttpRequest.newBuilder(url).GET()
                .timeout(config.readTimeout())
                .header("User-Agent", "Sightline/0.1 (model store)");
        if (have > 0) {
            rb.header("Range", "bytes=" + have + "-");
        }
        HttpResponse<InputStream> response;
        try {
            response = client().send(rb.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpConnectTimeoutException e) {
            throw new Retryable(ModelMessages.get("download.connectTimeout", url.getHost()), e);
        } catch (HttpTimeoutException e) {
            throw new Retryable(ModelMessages.get("download.timeout", url.getHost()), e);
        } catch (ConnectException e) {
            if (unresolved(e)) {
                // No name service answer: retrying within seconds will not change that, so fail at once.
                throw new SightlineException(Problem.DEVICE_UNAVAILABLE,
                        ModelMessages.get("download.unreachable", url.getHost()), e);
            }
            throw new Retryable(ModelMessages.get("download.unreachable", url.getHost()), e);
        } catch (IOException e) {
            throw new Retryable(ModelMessages.get("download.failed", url.getHost(), describe(e)), e);
        }
        int status = response.statusCode();
        boolean append;
        if (status == 206 && have > 0) {
            String range = response.headers().firstValue("Content-Range").orElse("");
            if (!range.toLowerCase(Locale.ROOT).startsWith("bytes " + have + "-")) {
                closeQuietly(response.body());
                deleteQuietly(part);
                throw new Retryable(ModelMessages.get("download.badRange", url), null);
            }
            append = true;
        } else if (status == 200) {
            append = false;
            if (have > 0) {
                // The server ignored the range: the body is the whole file again.
                digest.reset();
                have = 0;
            }
        } else if (status == 416 && have > 0) {
            closeQuietly(response.body());
            deleteQuietly(part);
            throw new Retryable(ModelMessages.get("download.badRange", url), null);
        } else {
            closeQuietly(response.body());
            if (status >= 500 || status == 429 || status == 408) {
                throw new Retryable(ModelMessages.get("download.serverError", url.getHost(), status), null);
            }
            if (status == 404) {
                throw new SightlineException(Problem.DEVICE_UNAVAILABLE, ModelMessages.get("download.notFound", url));
            }
            throw new SightlineException(Problem.DEVICE_UNAVAILABLE,
                    ModelMessages.get("download.refused", url.getHost(), status));
        }
        long length = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        long wanted = expectedSize < 0 ? -1 : expectedSize - (append ? have : 0);
        if (wanted >= 0 && length >= 0 && length != wanted) {
            // The wrong file (a bad mirror, a changed upstream): say so now instead of after the whole transfer.
            closeQuietly(response.body());
            deleteQuietly(part);
            throw new SightlineException(Problem.BAD_INPUT, ModelMessages.get("download.wrongSize", url.getHost(),
                    ModelMessages.size(length + (append ? have : 0)), ModelMessages.size(expectedSize)));
        }
        return stream(url, response.body(), part, append, have, digest, token, present, received);
    }

    private String stream(URI url, InputStream body, Path part, boolean append, long have, MessageDigest digest,
                          CancellationToken token, LongConsumer present, LongConsumer received)
            throws Retryable, InterruptedException {
        AtomicLong lastData = new AtomicLong(System.nanoTime());
        AtomicBoolean stalled = new AtomicBoolean();
        long stallNanos = config.readTimeout().toNanos();
        // A body read has no timeout of its own; the watchdog closes a stream that stays silent too long.
        ScheduledFuture<?> watch = WATCHDOG.scheduleAtFixedRate(() -> {
            if (System.nanoTime() - lastData.get() > stallNanos) {
                stalled.set(true);
                closeQuietly(body);
            }
        }, 200, 200, TimeUnit.MILLISECONDS);
        if (token != CancellationToken.NONE) {
            token.onCancel(() -> closeQuietly(body));
        }
        long written = have;
        try (InputStream in = body;
             OutputStream out = openPart(part, append)) {
            byte[] buf = new byte[BLOCK];
            while (true) {
                token.throwIfCancelled();
                int n;
                try {
                    n = in.read(buf);
                } catch (IOException e) {
                    token.throwIfCancelled();
                    if (stalled.get()) {
                        throw new Retryable(ModelMessages.get("download.timeout", url.getHost()), e);
                    }
                    throw new Retryable(ModelMessages.get("download.interrupted", url.getHost(), describe(e)), e);
                }
                if (n < 0) {
                    break;
                }
                lastData.set(System.nanoTime());
                try {
                    out.write(buf, 0, n);
                } catch (IOException e) {
                    throw diskFailure(part, e);
                }
                digest.update(buf, 0, n);
                written += n;
                received.accept(n);
                present.accept(written);
            }
            try {
                out.flush();
            } catch (IOException e) {
                throw diskFailure(part, e);
            }
        } catch (IOException e) {
            // Opening or closing the partial file failed: the disk, not the network.
            throw diskFailure(part, e);
        } finally {
            watch.cancel(false);
        }
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        return Sha256.hex(digest);
    }

    private static OutputStream openPart(Path part, boolean append) throws IOException {
        Files.createDirectories(part.getParent());
        return append
                ? Files.newOutputStream(part, StandardOpenOption.CREATE, StandardOpenOption.APPEND)
                : Files.newOutputStream(part, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                        StandardOpenOption.WRITE);
    }

    /** A write that failed: the partial file is removed (it may be cut anywhere) and the user told why. */
    static SightlineException diskFailure(Path part, IOException e) {
        deleteQuietly(part);
        String m = String.valueOf(e.getMessage());
        if (m.contains("No space left") || m.contains("not enough space") || m.contains("Disk quota")) {
            return new SightlineException(Problem.DEVICE_UNAVAILABLE,
                    ModelMessages.get("disk.full", part.getParent()), e);
        }
        return new SightlineException(Problem.BAD_INPUT, ModelMessages.get("disk.writeFailed", part.getParent(),
                describe(e)), e);
    }

    private static boolean unresolved(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.nio.channels.UnresolvedAddressException || t instanceof java.net.UnknownHostException) {
                return true;
            }
        }
        return false;
    }

    static String describe(IOException e) {
        if (e instanceof InterruptedIOException) {
            return ModelMessages.get("download.reason.stalled");
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // Nothing more to do: the next pull starts this file over anyway.
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException | RuntimeException ignored) {
            // Closing is only a way to wake a blocked read.
        }
    }
}
