package org.sightline.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.error.Problem;
import org.sightline.error.SightlineException;
import org.sightline.models.download.DownloadProgress;
import org.sightline.models.download.LoopbackFileServer;
import org.sightline.models.download.LoopbackFileServer.Fault;
import org.sightline.task.CancellationToken;
import org.sightline.task.CancelledException;
import org.sightline.task.TaskContext;

/**
 * Pulls from a real HTTP server on loopback. The catalog URLs name huggingface.co, as the real catalog does; the
 * mirror setting sends them to the local server, which is also how users reach a mirror.
 */
class ModelPullTest {

    private static final String REV = "0123456789abcdef0123456789abcdef01234567";
    private static final String PATH_A = "/org/tiny/resolve/" + REV + "/onnx/a.onnx";
    private static final String PATH_B = "/org/tiny/resolve/" + REV + "/tokenizer.json";

    @TempDir
    Path cache;

    private LoopbackFileServer server;
    private byte[] a;
    private byte[] b;

    @BeforeEach
    void start() throws IOException {
        server = new LoopbackFileServer();
        a = random(700_000, 1);
        b = random(90_000, 2);
        server.put(PATH_A, a);
        server.put(PATH_B, b);
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    private static byte[] random(int n, long seed) {
        byte[] bytes = new byte[n];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static String sha(byte[] bytes) {
        var d = Sha256.newDigest();
        d.update(bytes);
        return Sha256.hex(d);
    }

    /** "tiny": file a pinned by hash and size, file b trusted on first use with an estimated size. */
    private Catalog catalog() throws IOException {
        return catalog(sha(a), a.length);
    }

    private Catalog catalog(String shaA, long sizeA) throws IOException {
        String json = """
                {"models": [{"id": "tiny", "task": "vlm", "name": "Tiny test model", "default": true,
                  "revision": "%s",
                  "files": [
                    {"role": "model", "name": "a.onnx", "source": "https://huggingface.co%s", "size": %d,
                     "sha256": "%s", "pinned": true},
                    {"role": "tokenizer", "name": "tokenizer.json", "source": "https://huggingface.co%s",
                     "approxSize": 100000, "sha256": null, "pinned": false}]}]}
                """.formatted(REV, PATH_A, sizeA, shaA, PATH_B);
        return Catalog.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    private ModelStoreConfig config() {
        return ModelStoreConfig.defaults().withCacheDirectory(cache).withMirror(server.base())
                .withRetries(3, Duration.ofMillis(20)).withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5));
    }

    private CatalogModelStore store() throws IOException {
        return new CatalogModelStore(catalog(), config());
    }

    private static void assertNeverDecreases(List<DownloadProgress> events) {
        for (int i = 1; i < events.size(); i++) {
            assertThat(events.get(i).loaded()).as("event " + i).isGreaterThanOrEqualTo(events.get(i - 1).loaded());
        }
    }

    @Test
    void pullDownloadsVerifiesAndRecordsTheHashOfAnUnpinnedFile() throws Exception {
        CatalogModelStore store = store();
        assertThatThrownBy(() -> store.require("tiny", TaskContext.none()))
                .isInstanceOfSatisfying(SightlineException.class, e -> {
                    assertThat(e.problem()).isEqualTo(Problem.MODEL_MISSING);
                    assertThat(e.getMessage()).contains("sightline models pull tiny");
                });
        assertThat(server.connections()).as("require never downloads").isZero();

        List<DownloadProgress> events = Collections.synchronizedList(new ArrayList<>());
        InstalledModel m = store.pull("tiny", TaskContext.none(), events::add);

        assertThat(Files.readAllBytes(m.file("model"))).isEqualTo(a);
        assertThat(Files.readAllBytes(m.file("tokenizer"))).isEqualTo(b);
        assertThat(store.isInstalled("tiny")).isTrue();
        assertThat(Files.readString(m.directory().resolve(Manifest.FILE_NAME))).contains(sha(b)).contains("FIRST_USE");
        assertNeverDecreases(events);
        DownloadProgress last = events.get(events.size() - 1);
        assertThat(last.loaded()).isEqualTo(a.length + b.length);
        assertThat(last.percent()).isEqualTo(100);
        assertThat(server.requests()).containsExactly("GET " + PATH_A, "GET " + PATH_B);

        // Installed and unchanged: a second pull opens no connection.
        int before = server.connections();
        store.pull("tiny", TaskContext.none());
        assertThat(server.connections()).isEqualTo(before);
    }

    @Test
    void aTransferCutOffMidFileIsResumedWithARangeRequest() throws Exception {
        server.fault(Fault.CUT, 1, 300_000);
        List<DownloadProgress> events = Collections.synchronizedList(new ArrayList<>());
        InstalledModel m = store().pull("tiny", TaskContext.none(), events::add);

        assertThat(Files.readAllBytes(m.file("model"))).isEqualTo(a);
        assertThat(server.requests()).hasSize(3);
        assertThat(server.requests().get(1)).matches("GET " + java.util.regex.Pattern.quote(PATH_A) + " bytes=\\d+-");
        assertThat(server.requests().get(2)).isEqualTo("GET " + PATH_B);
        assertNeverDecreases(events);
    }

    @Test
    void aPullThatGaveUpResumesInTheNextRunWhereItStopped() throws Exception {
        server.fault(Fault.CUT, 100, 250_000);
        CatalogModelStore store = new CatalogModelStore(catalog(), config().withRetries(0, Duration.ofMillis(1)));
        assertThatThrownBy(() -> store.pull("tiny", TaskContext.none()))
                .isInstanceOfSatisfying(SightlineException.class, e -> {
                    assertThat(e.problem()).isEqualTo(Problem.DEVICE_UNAVAILABLE);
                    assertThat(e.getMessage()).contains("cut off").contains("resume");
                });
        Path part = cache.resolve("tiny").resolve(".a.onnx.part");
        // The client may drop what it buffered when the connection broke; what it kept is resumed from.
        long kept = Files.size(part);
        assertThat(kept).isBetween(1L, 250_000L);
        assertThat(store.isInstalled("tiny")).isFalse();
        assertThat(store.status("tiny").partial()).isTrue();

        server.fault(Fault.NONE, 0, 0);
        InstalledModel m = store().pull("tiny", TaskContext.none());
        assertThat(Files.readAllBytes(m.file("model"))).isEqualTo(a);
        assertThat(server.requests()).contains("GET " + PATH_A + " bytes=" + kept + "-");
        assertThat(part).doesNotExist();
    }

    @Test
    void aServerThatIgnoresTheRangeRestartsTheFileAndProgressStillNeverGoesBack() throws Exception {
        server.fault(Fault.CUT, 1, 400_000);
        // The retry asks for a range; make the server answer that one with the whole file.
        List<DownloadProgress> events = Collections.synchronizedList(new ArrayList<>());
        CatalogModelStore store = store();
        Thread faulter = new Thread(() -> {
            while (server.requests().isEmpty()) {
                Thread.onSpinWait();
            }
            server.fault(Fault.IGNORE_RANGE, 1, 0);
        });
        faulter.start();
        InstalledModel m = store.pull("tiny", TaskContext.none(), events::add);
        faulter.join();
        assertThat(Files.readAllBytes(m.file("model"))).isEqualTo(a);
        assertNeverDecreases(events);
    }

    @Test
    void aWrongHashIsRejectedAndNothingIsLeftBehind() throws Exception {
        CatalogModelStore store = new CatalogModelStore(catalog(sha(b), a.length), config());
        assertThatThrownBy(() -> store.pull("tiny", TaskContext.none()))
                .isInstanceOfSatisfying(SightlineException.class, e -> {
                    assertThat(e.problem()).isEqualTo(Problem.BAD_INPUT);
                    assertThat(e.getMessage()).contains("a.onnx").contains("checksum");
                });
        try (var s = Files.list(cache.resolve("tiny"))) {
            assertThat(s.map(p -> p.getFileName().toString())).doesNotContain("a.onnx", ".a.onnx.part");
        }
        assertThat(store.isInstalled("tiny")).isFalse();
    }

    @Test
    void aFileOfTheWrongSizeIsRefusedBeforeItsBodyIsRead() throws Exception {
        CatalogModelStore store = new CatalogModelStore(catalog(sha(a), a.length + 5), config());
        assertThatThrownBy(() -> store.pull("tiny", TaskContext.none()))
                .isInstanceOfSatisfying(SightlineException.class, e -> {
                    assertThat(e.problem()).isEqualTo(Problem.BAD_INPUT);
                    assertThat(e.getMessage()).contains("offers a file of 700 kB").contains("nothing was downloaded");
                });
        assertThat(server.requests()).hasSize(1);
        assertThat(cache.resolve("tiny").resolve(".a.onnx.part")).doesNotExist();
    }

    @Test
    void offlineOpensNoConnectionAtAll() throws Exception {
        CatalogModelStore store = new CatalogModelStore(catalog(), config().withOffline(true));
        assertThatThrownBy(() -> store.pull("tiny", TaskContext.none()))
                .isInstanceOfSatisfying(SightlineException.class, e -> {
                    assertThat(e.problem()).isEqualTo(Problem.MODEL_MISSING);
                    assertThat(e.getMessage()).contains("offline").contains("sightline models import tiny");
                });
        assertThatThrownBy(() -> store.require("tiny", TaskContext.none())).isInstanceOf(SightlineException.class);
        store.verify("tiny", TaskContext.none());
        store.statuses();
        // Give a stray connection attempt time to arrive before counting.
        Thread.sleep(200);
        assertThat(server.connections()).isZero();
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void twoPullsOfOneModelShareOneDownload() throws Exception {
        server.throttle(1_500_000);
        CatalogModelStore store = store();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        List<DownloadProgress> second = Collections.synchronizedList(new ArrayList<>());
        try {
            Future<InstalledModel> f1 = pool.submit(() -> {
                go.await();
                return store.pull("tiny", TaskContext.none());
            });
            Future<InstalledModel> f2 = pool.submit(() -> {
                go.await();
                Thread.sleep(100);
                return store.pull("tiny", TaskContext.none(), second::add);
            });
            go.countDown();
            InstalledModel m1 = f1.get(30, TimeUnit.SECONDS);
            InstalledModel m2 = f2.get(30, TimeUnit.SECONDS);
            assertThat(m1.file("model")).isEqualTo(m2.file("model"));
            assertThat(Files.readAllBytes(m2.file("model"))).isEqualTo(a);
        } finally {
            pool.shutdownNow();
        }
        assertThat(server.requests()).containsExactly("GET " + PATH_A, "GET " + PATH_B);
        assertThat(second).as("the waiting pull hears the shared download's progress").isNotEmpty();
    }

    @Test
    void twoStoresOnOneCacheAlsoDownloadOnce() throws Exception {
        server.throttle(2_000_000);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<InstalledModel> f1 = pool.submit(() -> store().pull("tiny", TaskContext.none()));
            Thread.sleep(100);
            Future<InstalledModel> f2 = pool.submit(() -> store().pull("tiny", TaskContext.none()));
            f1.get(30, TimeUnit.SECONDS);
            f2.get(30, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertThat(server.requests()).containsExactly("GET " + PATH_A, "GET " + PATH_B);
    }

    @Test
    void http404SaysWhatIsMissingAndIsNotRetried() throws Exception {
        CatalogModelStore store = new CatalogModelStore(catalog(), config().withMirror(
                java.net.URI.create(server.base() + "/nothing-here")));
        assertThatThrownBy(() -> store.pull("tiny", TaskContext.none()))
                .isInstanceOfSatisfying(SightlineException.class, e -> {
                    assertThat(e.problem()).isEqualTo(Problem.DEVICE_UNAVAILABLE);
                    assertThat(e.getMessage()).contains("404").contains("/nothing-here/org/tiny/");
                });
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void aServerErrorIsRetriedWithBackoff() throws Exception {
        server.fault(Fault.ERROR_500, 2, 0);
        InstalledModel m = store().pull("tiny", TaskContext.none());
        assertThat(Files.readAllBytes(m.file("model"))).isEqualTo(a);
        assertThat(server.requests()).startsWith("GET " + PATH_A, "GET " + PATH_A, "GET " + PATH_A);
    }

    @Test
    void persistentServerErrorsEndWithAClearMessage() throws Exception {
        server.fault(Fault.ERROR_500, 100, 0);
        assertThatThrownBy(() -> store().pull("tiny", TaskContext.none()))
                .isInstanceOfSatisfying(SightlineException.class, e -> {
                    assertThat(e.problem()).isEqualTo(Problem.DEVICE_UNAVAILABLE);
                    assertThat(e.getMessage()).contains("HTTP 500").contains("Try again later");
                });
        assertThat(server.requests()).hasSize(4);
    }

    @Test
    void aStalledTransferTimesOutAndIsResumed() throws Exception {
        server.fault(Fault.STALL, 1, 0);
        CatalogModelStore store = new CatalogModelStore(catalog(), config().withTimeouts(Duration.ofSeconds(2),
                Duration.ofMillis(600)));
        long start = System.nanoTime();
        InstalledModel m = store.pull("tiny", TaskContext.none());
        assertThat(Files.readAllBytes(m.file("model"))).isEqualTo(a);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
        assertThat(server.requests()).contains("GET " + PATH_A + " bytes=16-");
    }

    @Test
    void aServerThatStaysSilentEndsWithATimeoutMessage() throws Exception {
        server.fault(Fault.STALL, 100, 0);
        CatalogModelStore store = new CatalogModelStore(catalog(), config().withRetries(1, Duration.ofMillis(10))
                .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(400)));
        assertThatThrownBy(() -> store.pull("tiny", TaskContext.none()))
                .isInstanceOfSatisfying(SightlineException.class, e -> {
                    assertThat(e.problem()).isEqualTo(Problem.DEVICE_UNAVAILABLE);
                    assertThat(e.getMessage()).contains("stalled").contains("resume where it stopped");
                });
        assertThat(server.requests()).hasSize(2);
    }

    @Test
    void aConnectionRefusedIsReportedClearly() throws Exception {
        java.net.URI dead;
        try (var s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            dead = java.net.URI.create("http://127.0.0.1:" + s.getLocalPort());
        }
        CatalogModelStore store = new CatalogModelStore(catalog(), config().withMirror(dead)
                .withRetries(1, Duration.ofMillis(10)));
        assertThatThrownBy(() -> store.pull("tiny", TaskContext.none()))
                .isInstanceOfSatisfying(SightlineException.class, e -> {
                    assertThat(e.problem()).isEqualTo(Problem.DEVICE_UNAVAILABLE);
                    assertThat(e.getMessage()).contains("cannot reach 127.0.0.1");
                });
    }

    @Test
    void cancellingKeepsThePartialFileForALaterResume() throws Exception {
        server.throttle(400_000);
        CancellationToken token = new CancellationToken();
        CatalogModelStore store = store();
        assertThatThrownBy(() -> store.pull("tiny", TaskContext.of(token, p -> { }), p -> {
            if (p.loaded() > 100_000) {
                token.cancel();
            }
        })).isInstanceOf(CancelledException.class);
        Path part = cache.resolve("tiny").resolve(".a.onnx.part");
        assertThat(part).exists();
        long kept = Files.size(part);
        assertThat(kept).isBetween(100_000L, (long) a.length - 1);

        server.throttle(-1);
        InstalledModel m = store.pull("tiny", TaskContext.none());
        assertThat(Files.readAllBytes(m.file("model"))).isEqualTo(a);
        assertThat(server.requests()).anyMatch(r -> r.startsWith("GET " + PATH_A + " bytes="));
    }

    @Test
    void tooLittleFreeSpaceStopsBeforeAnyConnection() throws Exception {
        CatalogModelStore store = new CatalogModelStore(catalog(sha(a), Long.MAX_VALUE / 4), config());
        assertThatThrownBy(() -> store.pull("tiny", TaskContext.none()))
                .isInstanceOfSatisfying(SightlineException.class, e -> {
                    assertThat(e.problem()).isEqualTo(Problem.DEVICE_UNAVAILABLE);
                    assertThat(e.getMessage()).contains("free space");
                });
        assertThat(server.connections()).isZero();
    }

    @Test
    void aDiskThatFillsUpMidDownloadLeavesNoPartialFile() throws Exception {
        Path full = Path.of("/dev/full");
        assumeThat(Files.exists(full)).as("needs Linux /dev/full, which fails every write with ENOSPC").isTrue();
        Path dir = Files.createDirectories(cache.resolve("tiny"));
        // The partial file is a link to /dev/full: the first write fails exactly as on a full disk.
        Path part = Files.createSymbolicLink(dir.resolve(".a.onnx.part"), full);
        assertThatThrownBy(() -> store().pull("tiny", TaskContext.none()))
                .isInstanceOfSatisfying(SightlineException.class, e -> {
                    assertThat(e.problem()).isEqualTo(Problem.DEVICE_UNAVAILABLE);
                    assertThat(e.getMessage()).contains("full").contains("partial file was removed");
                });
        assertThat(Files.exists(part, java.nio.file.LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(dir.resolve("a.onnx")).doesNotExist();
    }

    @Test
    void verifyFindsACorruptDownloadedFileAndAPullRepairsIt() throws Exception {
        CatalogModelStore store = store();
        InstalledModel m = store.pull("tiny", TaskContext.none());
        byte[] bad = b.clone();
        bad[10] ^= 1;
        Files.write(m.file("tokenizer"), bad);

        VerifyReport report = store.verify("tiny", TaskContext.none());
        assertThat(report.ok()).isFalse();
        assertThat(report.files()).filteredOn(f -> f.role().equals("tokenizer"))
                .extracting(VerifyReport.FileCheck::state).containsExactly(VerifyReport.State.CORRUPT);
        assertThat(m.file("tokenizer")).doesNotExist();
        assertThatThrownBy(() -> store.require("tiny", TaskContext.none()))
                .isInstanceOfSatisfying(SightlineException.class,
                        e -> assertThat(e.problem()).isEqualTo(Problem.MODEL_MISSING));

        store.pull("tiny", TaskContext.none());
        assertThat(store.verify("tiny", TaskContext.none()).ok()).isTrue();
    }

    @Test
    void aCorruptFileIsNeverHandedOutByRequire() throws Exception {
        CatalogModelStore store = store();
        InstalledModel m = store.pull("tiny", TaskContext.none());
        Files.write(m.file("model"), random(a.length, 9));
        assertThatThrownBy(() -> store.require("tiny", TaskContext.none()))
                .isInstanceOfSatisfying(SightlineException.class, e -> {
                    assertThat(e.problem()).isEqualTo(Problem.MODEL_MISSING);
                    assertThat(e.getMessage()).contains("damaged").contains("pull tiny");
                });
        assertThat(m.file("model")).doesNotExist();
    }

    @Test
    void aFileTrustedOnFirstUseThatChangesUpstreamIsRefused() throws Exception {
        CatalogModelStore store = store();
        InstalledModel m = store.pull("tiny", TaskContext.none());
        Files.delete(m.file("tokenizer"));
        server.put(PATH_B, random(b.length, 7));
        assertThatThrownBy(() -> store.pull("tiny", TaskContext.none()))
                .isInstanceOfSatisfying(SightlineException.class, e -> {
                    assertThat(e.problem()).isEqualTo(Problem.BAD_INPUT);
                    assertThat(e.getMessage()).contains("first installed").contains("models rm tiny");
                });
        // Removing the model forgets the trusted hash; the new file is then accepted.
        store.remove("tiny");
        assertThat(store.pull("tiny", TaskContext.none()).file("tokenizer")).exists();
    }

    @Test
    void importRegistersFilesFromAFolderAfterCheckingThem() throws Exception {
        Path source = Files.createDirectories(cache.resolveSibling(cache.getFileName() + "-import"));
        Files.createDirectories(source.resolve("onnx"));
        Files.write(source.resolve("onnx/a.onnx"), a);
        Files.write(source.resolve("tokenizer.json"), b);
        CatalogModelStore store = new CatalogModelStore(catalog(), config().withOffline(true));

        InstalledModel m = store.importFrom("tiny", source, TaskContext.none());
        assertThat(Files.readAllBytes(m.file("model"))).isEqualTo(a);
        assertThat(store.isInstalled("tiny")).isTrue();
        assertThat(server.connections()).isZero();

        store.remove("tiny");
        Files.write(source.resolve("onnx/a.onnx"), b);
        assertThatThrownBy(() -> store.importFrom("tiny", source, TaskContext.none()))
                .isInstanceOfSatisfying(SightlineException.class, e -> {
                    assertThat(e.problem()).isEqualTo(Problem.BAD_INPUT);
                    assertThat(e.getMessage()).contains("a.onnx").contains("Nothing was imported");
                });
        assertThat(store.isInstalled("tiny")).isFalse();

        Files.delete(source.resolve("tokenizer.json"));
        assertThatThrownBy(() -> store.importFrom("tiny", source, TaskContext.none()))
                .hasMessageContaining("tokenizer.json");
    }

    @Test
    void aCacheThatCannotBeWrittenIsBadInputWithAWayOut() throws Exception {
        Path notADirectory = Files.writeString(cache.resolve("plain-file"), "x");
        CatalogModelStore store = new CatalogModelStore(catalog(), config().withCacheDirectory(notADirectory));
        assertThatThrownBy(() -> store.pull("tiny", TaskContext.none()))
                .isInstanceOfSatisfying(SightlineException.class, e -> {
                    assertThat(e.problem()).isEqualTo(Problem.BAD_INPUT);
                    assertThat(e.getMessage()).contains("cannot write").contains("SIGHTLINE_MODELS");
                });
        assertThat(server.connections()).isZero();
    }
}
