package org.sightline.models;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.sightline.error.Problem;
import org.sightline.error.SightlineException;
import org.sightline.models.download.DownloadProgress;
import org.sightline.models.download.HttpDownloader;
import org.sightline.models.download.TransferMeter;
import org.sightline.models.runtime.OnnxModels;
import org.sightline.task.CancellationToken;
import org.sightline.task.CancelledException;
import org.sightline.task.Progress;
import org.sightline.task.TaskContext;

/**
 * The model store over a cache directory: one sub-directory per model id holding its files and a manifest of
 * their verified hashes. Files arrive from the classpath (bundled models, installed on first {@link #require})
 * or over HTTP ({@link #pull}); either way they go to a partial file first and are moved into place only after
 * their SHA-256 matched, so a file in place is always a whole, verified file.
 *
 * <p>Thread-safe. Two pulls of one model share one download; two processes coordinate with a lock file.
 */
public final class CatalogModelStore implements ModelStore {

    private static final String PART_SUFFIX = ".part";
    private static final long PROGRESS_INTERVAL_NANOS = 100_000_000L;

    private final Catalog catalog;
    private final ModelStoreConfig config;
    private final Path root;
    private final HttpDownloader downloader;
    private final Map<String, Inflight> inflight = new ConcurrentHashMap<>();

    /** A pull in progress that later callers for the same model join. */
    private static final class Inflight {
        final CompletableFuture<InstalledModel> result = new CompletableFuture<>();
        final List<Consumer<DownloadProgress>> listeners = new CopyOnWriteArrayList<>();
    }

    public CatalogModelStore(Catalog catalog, ModelStoreConfig config) {
        this.catalog = Objects.requireNonNull(catalog);
        this.config = Objects.requireNonNull(config);
        this.root = config.resolvedCacheDirectory().toAbsolutePath().normalize();
        this.downloader = new HttpDownloader(config);
    }

    public Catalog catalog() {
        return catalog;
    }

    public ModelStoreConfig config() {
        return config;
    }

    /** The cache directory, which holds one directory per model. */
    public Path cacheDirectory() {
        return root;
    }

    /** The directory of model {@code id} (whether or not it is installed). */
    public Path directory(String id) {
        return root.resolve(catalog.get(id).id());
    }

    // ---------------------------------------------------------------- queries

    @Override
    public boolean isInstalled(String id) {
        ModelEntry entry = catalog.get(id);
        Path dir = root.resolve(entry.id());
        Manifest manifest = Manifest.load(dir);
        return entry.files().stream().allMatch(f -> VerifiedFiles.quickState(dir, f, manifest) == VerifiedFiles.QuickState.VERIFIED);
    }

    public ModelStatus status(String id) {
        ModelEntry entry = catalog.get(id);
        Path dir = root.resolve(entry.id());
        boolean partial = false;
        if (Files.isDirectory(dir)) {
            try (Stream<Path> s = Files.list(dir)) {
                partial = s.anyMatch(p -> p.getFileName().toString().endsWith(PART_SUFFIX));
            } catch (IOException e) {
                partial = false;
            }
        }
        boolean installed = isInstalled(id);
        if (!installed && !partial) {
            // Some files in place but not all: also a download to complete.
            partial = entry.files().stream().anyMatch(f -> Files.isRegularFile(dir.resolve(f.name())));
        }
        return new ModelStatus(entry, installed, VerifiedFiles.bytesUnder(dir), partial && !installed);
    }

    public List<ModelStatus> statuses() {
        return catalog.ids().stream().map(this::status).toList();
    }

    /** Bytes the whole cache takes. */
    public long bytesOnDisk() {
        return VerifiedFiles.bytesUnder(root);
    }

    private InstalledModel installed(ModelEntry entry) {
        Path dir = root.resolve(entry.id());
        Map<String, Path> files = new LinkedHashMap<>();
        for (ModelFile f : entry.files()) {
            files.put(f.role(), dir.resolve(f.name()));
        }
        return new LocalInstalledModel(entry.id(), dir, files);
    }

    private record LocalInstalledModel(String id, Path directory, Map<String, Path> files) implements InstalledModel {
        @Override
        public Path file(String role) {
            Path p = files.get(role);
            if (p == null) {
                throw new IllegalArgumentException("model " + id + " has no file with role " + role
                        + "; its roles are " + files.keySet());
            }
            return p;
        }
    }

    // ---------------------------------------------------------------- require and pull

    @Override
    public InstalledModel require(String id, TaskContext context) {
        ModelEntry entry = catalog.get(id);
        if (isInstalled(id)) {
            return installed(entry);
        }
        Path dir = root.resolve(entry.id());
        ensureWritable(dir);
        CancellationToken token = context.cancellation();
        // Under the model's lock: another process may be writing the same files and manifest.
        return locked(entry, token, () -> {
            Manifest manifest = Manifest.load(dir);
            List<ModelFile> remote = new ArrayList<>();
            boolean damaged = false;
            for (ModelFile f : entry.files()) {
                boolean present = Files.isRegularFile(dir.resolve(f.name()));
                if (!VerifiedFiles.verifyInPlace(dir, f, manifest, token) && !f.bundled()) {
                    remote.add(f);
                    damaged |= present;
                }
            }
            if (!remote.isEmpty()) {
                long size = remote.stream().mapToLong(f -> Math.max(0, f.expectedSize())).sum();
                String key = damaged ? "model.damaged" : "model.missing";
                throw new SightlineException(Problem.MODEL_MISSING,
                        ModelMessages.get(key, entry.name(), entry.id(), ModelMessages.size(size)));
            }
            // Everything missing is bundled: installing it needs no network, so do it now.
            return install(entry, dir, token, p -> context.progress(new Progress(p.loaded(), p.total(),
                    progressLine(entry, p))));
        });
    }

    /** Downloads or unpacks every file of {@code id} that is not in place and verified. */
    public InstalledModel pull(String id, TaskContext context) {
        return pull(id, context, p -> { });
    }

    /**
     * Downloads or unpacks every file of {@code id} that is not in place and verified, reporting progress both to
     * {@code context} (a translated line with rate and time left) and to {@code listener}. A second pull of the same
     * model while one runs waits for it and hears its progress.
     */
    public InstalledModel pull(String id, TaskContext context, Consumer<DownloadProgress> listener) {
        ModelEntry entry = catalog.get(id);
        CancellationToken token = context.cancellation();
        Consumer<DownloadProgress> both = p -> {
            listener.accept(p);
            context.progress(new Progress(p.loaded(), p.total(), progressLine(entry, p)));
        };
        while (true) {
            token.throwIfCancelled();
            Inflight mine = new Inflight();
            Inflight running = inflight.putIfAbsent(entry.id(), mine);
            if (running != null) {
                running.listeners.add(both);
                try {
                    return await(running.result, token);
                } catch (CancelledException e) {
                    if (token.isCancelled()) {
                        throw e;
                    }
                    // The pull we joined was cancelled by its own caller; start one of our own.
                    continue;
                } finally {
                    running.listeners.remove(both);
                }
            }
            mine.listeners.add(both);
            try {
                InstalledModel m = pullLocked(entry, token, p -> mine.listeners.forEach(l -> l.accept(p)));
                mine.result.complete(m);
                return m;
            } catch (RuntimeException | Error e) {
                mine.result.completeExceptionally(e);
                throw e;
            } finally {
                inflight.remove(entry.id(), mine);
            }
        }
    }

    private static InstalledModel await(CompletableFuture<InstalledModel> f, CancellationToken token) {
        while (true) {
            token.throwIfCancelled();
            try {
                return f.get(100, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // Check the token again.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancelledException();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw new SightlineException(Problem.INTERNAL, String.valueOf(e.getCause()), e.getCause());
            }
        }
    }

    private static String progressLine(ModelEntry entry, DownloadProgress p) {
        String base = p.total() > 0
                ? ModelMessages.get("progress.bytes", entry.id(), ModelMessages.size(p.loaded()),
                        ModelMessages.size(p.total()), p.percent())
                : ModelMessages.get("progress.bytesOnly", entry.id(), ModelMessages.size(p.loaded()));
        if (p.bytesPerSecond() > 0) {
            base += ModelMessages.get("progress.rate", ModelMessages.size((long) p.bytesPerSecond()));
        }
        if (p.remaining() != null) {
            base += ModelMessages.get("progress.remaining", p.remaining().toSeconds());
        }
        return base;
    }

    private InstalledModel pullLocked(ModelEntry entry, CancellationToken token, Consumer<DownloadProgress> listener) {
        Path dir = root.resolve(entry.id());
        ensureWritable(dir);
        return locked(entry, token, () -> install(entry, dir, token, listener));
    }

    /** Runs {@code work} holding the model's lock, which another thread or process of Sightline also takes. */
    private <T> T locked(ModelEntry entry, CancellationToken token, ModelLock.Work<T> work) {
        try {
            return ModelLock.holding(root.resolve(".lock-" + entry.id()), token, work);
        } catch (IOException e) {
            throw unreadable(root.resolve(entry.id()), e);
        }
    }

    private void ensureWritable(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new SightlineException(Problem.BAD_INPUT, ModelMessages.get("cache.notWritable", root), e);
        }
        if (!Files.isWritable(dir)) {
            throw new SightlineException(Problem.BAD_INPUT, ModelMessages.get("cache.notWritable", root));
        }
    }

    private SightlineException unreadable(Path dir, IOException e) {
        if (e instanceof AccessDeniedException) {
            return new SightlineException(Problem.BAD_INPUT, ModelMessages.get("cache.notWritable", root), e);
        }
        return new SightlineException(Problem.BAD_INPUT, ModelMessages.get("cache.ioError", dir, e.getMessage()), e);
    }

    private InstalledModel install(ModelEntry entry, Path dir, CancellationToken token,
                                   Consumer<DownloadProgress> listener) throws IOException {
        Manifest manifest = Manifest.load(dir);
        List<ModelFile> todo = new ArrayList<>();
        long done = 0;
        for (ModelFile f : entry.files()) {
            if (VerifiedFiles.verifyInPlace(dir, f, manifest, token)) {
                done += Files.size(dir.resolve(f.name()));
            } else {
                todo.add(f);
            }
        }
        if (todo.isEmpty()) {
            return installed(entry);
        }
        if (config.offline() && todo.stream().anyMatch(f -> !f.bundled())) {
            throw new SightlineException(Problem.MODEL_MISSING, ModelMessages.get("model.offline", entry.name(),
                    entry.id()));
        }
        checkFreeSpace(entry, dir, todo);
        long total = entry.sizeKnown() ? entry.size() : -1;
        TransferMeter meter = new TransferMeter();
        long[] lastEmit = {0};
        for (ModelFile f : todo) {
            token.throwIfCancelled();
            final long base = done;
            Path part = dir.resolve("." + f.name() + PART_SUFFIX);
            java.util.function.LongConsumer present = n -> {
                long loaded = meter.loaded(base + n);
                long now = System.nanoTime();
                if (now - lastEmit[0] >= PROGRESS_INTERVAL_NANOS) {
                    lastEmit[0] = now;
                    long shownTotal = total < 0 ? -1 : Math.max(total, loaded);
                    listener.accept(new DownloadProgress(entry.id(), f.name(), loaded, shownTotal, meter.rate(),
                            meter.remaining(shownTotal)));
                }
            };
            String sha;
            if (f.bundled()) {
                sha = VerifiedFiles.copyResource(f, part, token, present, meter);
            } else {
                try {
                    sha = downloader.download(f.url(), part, f.size(), token, present, meter::received);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CancelledException();
                }
            }
            String expected = VerifiedFiles.expectedHash(f, manifest);
            long size = Files.size(part);
            if ((expected != null && !expected.equals(sha)) || (f.size() >= 0 && size != f.size())) {
                Files.deleteIfExists(part);
                String key = f.pinned() ? "download.hashMismatch" : "download.hashChangedSinceFirstUse";
                throw new SightlineException(Problem.BAD_INPUT, ModelMessages.get(key, f.name(), entry.id()));
            }
            Path target = dir.resolve(f.name());
            VerifiedFiles.moveIntoPlace(part, target);
            VerifiedFiles.record(manifest, f, target, sha);
            manifest.save();
            done += size;
            long loaded = meter.loaded(done);
            listener.accept(new DownloadProgress(entry.id(), f.name(), loaded, Math.max(total, loaded), meter.rate(),
                    meter.remaining(total)));
        }
        // Estimated sizes may be off: the last event says "all of it" in the real bytes.
        long loaded = meter.loaded(done);
        listener.accept(new DownloadProgress(entry.id(), "", loaded, loaded, meter.rate(), java.time.Duration.ZERO));
        return installed(entry);
    }

    private void checkFreeSpace(ModelEntry entry, Path dir, List<ModelFile> todo) throws IOException {
        long need = 0;
        for (ModelFile f : todo) {
            if (f.expectedSize() < 0) {
                continue;
            }
            Path part = dir.resolve("." + f.name() + PART_SUFFIX);
            long have = Files.isRegularFile(part) ? Files.size(part) : 0;
            need += Math.max(0, f.expectedSize() - have);
        }
        long free = Files.getFileStore(dir).getUsableSpace();
        // Keep a little room so that finishing the download does not leave the disk completely full.
        long margin = 16L * 1024 * 1024;
        if (need + margin > free) {
            throw new SightlineException(Problem.DEVICE_UNAVAILABLE, ModelMessages.get("disk.noSpace", entry.id(),
                    ModelMessages.size(need), ModelMessages.size(free), root));
        }
    }

    // ---------------------------------------------------------------- verify, remove, import

    /**
     * Hashes every file of {@code id} in full. A file that does not match is removed (so that it is never loaded)
     * and reported; a later pull fetches it again.
     */
    public VerifyReport verify(String id, TaskContext context) {
        ModelEntry entry = catalog.get(id);
        Path dir = root.resolve(entry.id());
        if (!Files.isDirectory(dir) || !Files.isWritable(root)) {
            // Nothing to change, or nothing that could be changed: no lock needed.
            return verifyFiles(entry, dir, context);
        }
        return locked(entry, context.cancellation(), () -> verifyFiles(entry, dir, context));
    }

    private VerifyReport verifyFiles(ModelEntry entry, Path dir, TaskContext context) {
        Manifest manifest = Manifest.load(dir);
        List<VerifyReport.FileCheck> checks = new ArrayList<>();
        long total = entry.size();
        long done = 0;
        try {
            for (ModelFile f : entry.files()) {
                context.cancellation().throwIfCancelled();
                context.progress(new Progress(done, total, ModelMessages.get("verify.progress", entry.id(), f.name())));
                Path p = dir.resolve(f.name());
                String expected = VerifiedFiles.expectedHash(f, manifest);
                if (!Files.isRegularFile(p)) {
                    checks.add(new VerifyReport.FileCheck(f.role(), f.name(), VerifyReport.State.MISSING, expected, null));
                    continue;
                }
                String actual = Sha256.of(p, context.cancellation());
                long size = Files.size(p);
                done += size;
                VerifyReport.State state;
                if (expected == null) {
                    state = VerifyReport.State.RECORDED;
                    VerifiedFiles.record(manifest, f, p, actual);
                } else if (expected.equals(actual) && (f.size() < 0 || size == f.size())) {
                    state = VerifyReport.State.OK;
                    VerifiedFiles.record(manifest, f, p, actual);
                } else {
                    state = VerifyReport.State.CORRUPT;
                    Files.deleteIfExists(p);
                    VerifiedFiles.forgetUnlessTrusted(manifest, f);
                }
                checks.add(new VerifyReport.FileCheck(f.role(), f.name(), state, expected, actual));
            }
            if (Files.isDirectory(dir)) {
                manifest.save();
            }
        } catch (IOException e) {
            throw unreadable(dir, e);
        }
        return new VerifyReport(entry.id(), checks);
    }

    /** Removes model {@code id} from the cache, closing its loaded sessions first; forgets hashes trusted on first use. */
    public void remove(String id) {
        ModelEntry entry = catalog.get(id);
        Path dir = root.resolve(entry.id());
        OnnxModels.closeUnder(dir);
        // The lock file stays: deleting it while another process holds it would split the lock in two.
        deleteTree(dir);
    }

    /** Removes every catalog model from the cache. Files Sightline did not put there are left alone. */
    public void removeAll() {
        for (String id : catalog.ids()) {
            remove(id);
        }
    }

    private void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new SightlineException(Problem.BAD_INPUT, ModelMessages.get("cache.removeFailed", dir,
                    e.getMessage()), e);
        }
    }

    /**
     * Registers files obtained another way (copied from another machine, downloaded by a browser): each file of
     * {@code id} is looked for in {@code source} by its cache name or its upstream path, checked against the catalog
     * hash (or the hash trusted on first use), and copied into the cache.
     */
    public InstalledModel importFrom(String id, Path source, TaskContext context) {
        ModelEntry entry = catalog.get(id);
        if (!Files.isDirectory(source)) {
            throw new SightlineException(Problem.BAD_INPUT, ModelMessages.get("import.notDirectory", source));
        }
        Map<ModelFile, Path> found = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (ModelFile f : entry.files()) {
            Path p = locate(source, f);
            if (p == null) {
                missing.add(f.name());
            } else {
                found.put(f, p);
            }
        }
        if (!missing.isEmpty()) {
            throw new SightlineException(Problem.BAD_INPUT, ModelMessages.get("import.missing", source, entry.id(),
                    String.join(", ", missing)));
        }
        Path dir = root.resolve(entry.id());
        ensureWritable(dir);
        locked(entry, context.cancellation(), () -> {
            Manifest manifest = Manifest.load(dir);
            long total = entry.size();
            long done = 0;
            for (Map.Entry<ModelFile, Path> e : found.entrySet()) {
                ModelFile f = e.getKey();
                context.progress(new Progress(done, total, ModelMessages.get("import.progress", entry.id(), f.name())));
                Path part = dir.resolve("." + f.name() + PART_SUFFIX);
                String sha;
                try (InputStream in = Files.newInputStream(e.getValue())) {
                    sha = VerifiedFiles.copyHashing(in, part, context.cancellation(), n -> { }, new TransferMeter());
                }
                String expected = VerifiedFiles.expectedHash(f, manifest);
                long size = Files.size(part);
                if ((expected != null && !expected.equals(sha)) || (f.size() >= 0 && size != f.size())) {
                    Files.deleteIfExists(part);
                    throw new SightlineException(Problem.BAD_INPUT, ModelMessages.get("import.mismatch", e.getValue(),
                            entry.id()));
                }
                Path target = dir.resolve(f.name());
                VerifiedFiles.moveIntoPlace(part, target);
                VerifiedFiles.record(manifest, f, target, sha);
                manifest.save();
                done += size;
            }
            return null;
        });
        return installed(entry);
    }

    private static Path locate(Path source, ModelFile f) {
        List<Path> candidates = new ArrayList<>();
        candidates.add(source.resolve(f.name()));
        if (f.bundled()) {
            String r = f.resource();
            candidates.add(source.resolve(r.substring(r.lastIndexOf('/') + 1)));
        } else {
            String path = f.url().getPath();
            int resolve = path.indexOf("/resolve/");
            if (resolve >= 0) {
                // Hugging Face layout: /<repo>/resolve/<revision>/<path in repo>
                String rest = path.substring(resolve + "/resolve/".length());
                int slash = rest.indexOf('/');
                if (slash > 0) {
                    candidates.add(source.resolve(rest.substring(slash + 1)));
                }
            }
            candidates.add(source.resolve(path.substring(path.lastIndexOf('/') + 1)));
        }
        return candidates.stream().filter(Files::isRegularFile).findFirst().orElse(null);
    }
}
