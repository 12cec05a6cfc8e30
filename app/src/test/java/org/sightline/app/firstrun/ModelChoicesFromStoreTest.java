package org.sightline.app.firstrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.error.Problem;
import org.sightline.error.SightlineException;
import org.sightline.i18n.Messages;
import org.sightline.models.Catalog;
import org.sightline.models.CatalogModelStore;
import org.sightline.models.ModelStoreConfig;
import org.sightline.task.CancellationToken;
import org.sightline.task.CancelledException;
import org.sightline.task.Progress;
import org.sightline.task.TaskContext;

/**
 * The model page against a real store: a catalog of two small models served over HTTP on loopback (through
 * the store's mirror setting), downloads into a temporary cache, imports from a folder.
 */
class ModelChoicesFromStoreTest {

    private static final String REV = "0123456789abcdef0123456789abcdef01234567";

    @TempDir
    Path dir;

    private HttpServer server;
    private final Map<String, byte[]> served = new java.util.HashMap<>();

    @BeforeAll
    static void english() {
        Messages.setLocale(Locale.ENGLISH);
    }

    @BeforeEach
    void serve() throws Exception {
        served.put("/org/reader/resolve/" + REV + "/reader.onnx", bytes(300_000, 1));
        served.put("/org/describer/resolve/" + REV + "/describer.onnx", bytes(500_000, 2));
        served.put("/org/describer/resolve/" + REV + "/tokenizer.json",
                "{\"vocab\": []}".getBytes(StandardCharsets.UTF_8));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = served.get(exchange.getRequestURI().getPath());
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void listsTheCatalogWithItsSizesAndDefaults() throws Exception {
        List<ModelChoices.Option> options = new ModelChoicesFromStore(store(dir.resolve("cache"))).models();
        // A model for a task nothing in Sightline does (here "clip", 600 MB, marked default) is never offered.
        assertThat(options).extracting(ModelChoices.Option::id).containsExactly("reader", "describer");
        ModelChoices.Option reader = options.get(0);
        assertThat(reader.displayName()).isEqualTo("Demo reader");
        assertThat(reader.purpose()).isEqualTo("reads text");
        assertThat(reader.sizeBytes()).isEqualTo(300_000);
        assertThat(reader.recommended()).isTrue();
        assertThat(reader.installed()).isFalse();
        assertThat(options.get(1).recommended()).isFalse();
        assertThat(options.get(1).sizeBytes()).isEqualTo(500_000 + 13);
    }

    @Test
    void downloadsTheChosenModelsWithProgressOverTheWholeSelection() throws Exception {
        ModelChoicesFromStore choices = new ModelChoicesFromStore(store(dir.resolve("cache")));
        List<Progress> progress = new CopyOnWriteArrayList<>();
        choices.download(List.of("reader", "describer"), TaskContext.of(new CancellationToken(), progress::add));

        assertThat(choices.models()).allSatisfy(o -> assertThat(o.installed()).isTrue());
        assertThat(Files.readAllBytes(dir.resolve("cache/describer/describer.onnx"))).isEqualTo(bytes(500_000, 2));
        assertThat(progress).isNotEmpty().allSatisfy(p -> assertThat(p.total()).isEqualTo(800_013));
        assertThat(progress).extracting(Progress::done).isSorted();
        assertThat(progress.get(progress.size() - 1).percent()).isEqualTo(100);
    }

    @Test
    void aCancelledDownloadStopsAndInstallsNothing() throws Exception {
        ModelChoicesFromStore choices = new ModelChoicesFromStore(store(dir.resolve("cache")));
        CancellationToken token = new CancellationToken();
        token.cancel();
        assertThatThrownBy(() -> choices.download(List.of("reader"), TaskContext.of(token, p -> { })))
                .isInstanceOf(CancelledException.class);
        assertThat(choices.models()).noneSatisfy(o -> assertThat(o.installed()).isTrue());
    }

    @Test
    void importsModelsCopiedFromAnotherComputerAsTheCacheLaysThemOut() throws Exception {
        // The first computer downloads; its whole cache folder is copied to a USB stick.
        new ModelChoicesFromStore(store(dir.resolve("online"))).download(List.of("reader", "describer"),
                TaskContext.none());
        Path stick = dir.resolve("stick");
        copyTree(dir.resolve("online"), stick);
        server.stop(0); // the second computer has no connection

        ModelChoicesFromStore offline = new ModelChoicesFromStore(store(dir.resolve("offline")));
        assertThat(offline.importFrom(stick, TaskContext.none())).containsExactly("reader", "describer");
        assertThat(offline.models()).allSatisfy(o -> assertThat(o.installed()).isTrue());
        assertThat(Files.readAllBytes(dir.resolve("offline/reader/reader.onnx"))).isEqualTo(bytes(300_000, 1));

        // Files put straight into a folder, as a browser downloads them, import too.
        Path flat = dir.resolve("downloads");
        Files.createDirectories(flat);
        Files.copy(stick.resolve("reader/reader.onnx"), flat.resolve("reader.onnx"));
        ModelChoicesFromStore third = new ModelChoicesFromStore(store(dir.resolve("third")));
        assertThat(third.importFrom(flat, TaskContext.none())).containsExactly("reader");
    }

    @Test
    void aFolderWithoutModelsImportsNothingAndAnIncompleteOneSaysWhatIsMissing() throws Exception {
        ModelChoicesFromStore choices = new ModelChoicesFromStore(store(dir.resolve("cache")));
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertThat(choices.importFrom(empty, TaskContext.none())).isEmpty();

        assertThatThrownBy(() -> choices.importFrom(dir.resolve("nowhere"), TaskContext.none()))
                .isInstanceOfSatisfying(SightlineException.class, e -> {
                    assertThat(e.problem()).isEqualTo(Problem.BAD_INPUT);
                    assertThat(e.getMessage()).startsWith("The folder ").contains("nowhere", "does not exist");
                });

        Path half = Files.createDirectories(dir.resolve("half"));
        Files.write(half.resolve("describer.onnx"), bytes(500_000, 2));
        assertThatThrownBy(() -> choices.importFrom(half, TaskContext.none()))
                .isInstanceOfSatisfying(SightlineException.class, e -> {
                    assertThat(e.problem()).isEqualTo(Problem.BAD_INPUT);
                    assertThat(e.getMessage()).contains("tokenizer.json");
                });
    }

    private CatalogModelStore store(Path cache) throws Exception {
        String json = """
                {"models": [
                 {"id": "reader", "task": "ocr", "name": "Demo reader", "description": {"en": "reads text"},
                  "default": true, "revision": "%1$s", "files": [
                   {"role": "model", "name": "reader.onnx", "size": 300000,
                    "source": "https://huggingface.co/org/reader/resolve/%1$s/reader.onnx", "sha256": null}]},
                 {"id": "sorter", "task": "clip", "name": "Demo sorter", "description": {"en": "sorts pictures"},
                  "default": true, "revision": "%1$s", "files": [
                   {"role": "model", "name": "sorter.onnx", "size": 600000000,
                    "source": "https://huggingface.co/org/sorter/resolve/%1$s/sorter.onnx", "sha256": null}]},
                 {"id": "describer", "task": "vlm", "name": "Demo describer", "description": {"en": "describes"},
                  "default": false, "revision": "%1$s", "files": [
                   {"role": "decoder", "name": "describer.onnx", "size": 500000,
                    "source": "https://huggingface.co/org/describer/resolve/%1$s/describer.onnx", "sha256": null},
                   {"role": "tokenizer", "name": "tokenizer.json", "size": 13,
                    "source": "https://huggingface.co/org/describer/resolve/%1$s/tokenizer.json", "sha256": null}]}
                ]}
                """.formatted(REV);
        Catalog catalog = Catalog.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
        URI mirror = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        return new CatalogModelStore(catalog, ModelStoreConfig.defaults().withCacheDirectory(cache)
                .withMirror(mirror).withRetries(1, Duration.ofMillis(10)));
    }

    private static byte[] bytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static void copyTree(Path from, Path to) throws Exception {
        try (var paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
