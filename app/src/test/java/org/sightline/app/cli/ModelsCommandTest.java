package org.sightline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.models.Catalog;
import org.sightline.models.CatalogModelStore;
import org.sightline.models.ModelStoreConfig;
import org.sightline.models.ModelStores;

/** {@code sightline models ...} run through the real command line against a store on a temporary cache. */
class ModelsCommandTest {

    private static final String REV = "89abcdef0123456789abcdef0123456789abcdef";

    @TempDir
    Path cache;

    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private final Map<String, byte[]> files = Map.of(
            "/org/demo/resolve/" + REV + "/onnx/model.onnx", random(400_000, 1),
            "/org/demo/resolve/" + REV + "/tokenizer.json", random(5_000, 2));

    private static byte[] random(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] body = files.get(exchange.getRequestURI().getPath());
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        ModelStores.configure(ModelStoreConfig.fromEnvironment());
    }

    private void useStore(boolean offline) throws IOException {
        String demo = """
                {"id": "demo", "task": "vlm", "name": "Demo VLM", "description": "a test model", "default": false,
                 "revision": "%s", "files": [
                   {"role": "decoder", "name": "model.onnx", "approxSize": 400000,
                    "source": "https://huggingface.co/org/demo/resolve/%s/onnx/model.onnx", "sha256": null},
                   {"role": "tokenizer", "name": "tokenizer.json", "approxSize": 5000,
                    "source": "https://huggingface.co/org/demo/resolve/%s/tokenizer.json", "sha256": null}]}
                """.formatted(REV, REV, REV);
        String json;
        try (var in = Catalog.class.getResourceAsStream(Catalog.RESOURCE)) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        // The built-in catalog plus one small model that the local server can serve.
        json = json.replaceFirst("\"models\": \\[", "\"models\": [" + demo.replace("$", "\\$") + ",");
        Catalog catalog = Catalog.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
        ModelStoreConfig config = ModelStoreConfig.defaults().withCacheDirectory(cache).withOffline(offline)
                .withMirror(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
                .withRetries(1, Duration.ofMillis(10));
        ModelStores.use(new CatalogModelStore(catalog, config));
    }

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void listShowsEveryModelWithPpOcrInstalledFromTheBundledJar() throws IOException {
        useStore(true);
        CliRun r = run("models", "list");
        assertThat(r.exit()).isZero();
        assertThat(r.out().lines()).anyMatch(l -> l.matches("ppocr-v4\\s+ocr\\s+16 MB\\s+yes\\s+yes\\s+PP-OCRv4.*"));
        assertThat(r.out().lines()).anyMatch(l -> l.matches("smolvlm-256m\\s+vlm\\s+~\\d+ MB\\s+no\\s+yes\\s+.*"));
        assertThat(r.out()).contains("smolvlm-500m", "clip-vit-b32", "bge-small-en", "demo")
                .contains("Cache: " + cache.toAbsolutePath());
        assertThat(cache.resolve("ppocr-v4/ch_PP-OCRv4_rec_infer.onnx")).exists();
        assertThat(requests.get()).isZero();
    }

    @Test
    void pullShowsProgressOnStderrAndThenVerifyPathAndRmWork() throws IOException {
        useStore(false);
        CliRun pull = run("models", "pull", "demo");
        assertThat(pull.exit()).as(pull.err()).isZero();
        assertThat(pull.out()).contains("demo is installed in " + cache.toAbsolutePath().resolve("demo"));
        // Not a terminal: one line per 10 percent, ending at 100.
        assertThat(pull.err().lines()).last().asString().startsWith("demo 100%");
        assertThat(pull.err().lines().count()).isBetween(2L, 12L);

        CliRun again = run("models", "pull", "demo");
        assertThat(again.out()).contains("already installed");

        CliRun verify = run("models", "verify", "demo");
        assertThat(verify.exit()).isZero();
        assertThat(verify.out()).contains("demo: all 2 files verified.");

        CliRun path = run("models", "path", "demo", "--files");
        assertThat(path.out()).contains("decoder\t" + cache.toAbsolutePath().resolve("demo/model.onnx"));

        Files.write(cache.resolve("demo/tokenizer.json"), random(5_000, 3));
        CliRun bad = run("models", "verify");
        assertThat(bad.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(bad.out()).contains("tokenizer.json: damaged, removed");
        assertThat(bad.err()).contains("sightline models pull demo");

        CliRun rm = run("models", "rm", "demo");
        assertThat(rm.exit()).isZero();
        assertThat(rm.out()).contains("Removed demo");
        assertThat(cache.resolve("demo")).doesNotExist();
    }

    @Test
    void verifyReportsAndRepairsADamagedBundledFile() throws IOException {
        useStore(true);
        run("models", "list");
        Path keys = cache.resolve("ppocr-v4/ppocr_keys_v1.txt");
        byte[] bytes = Files.readAllBytes(keys);
        bytes[10] ^= 0x01;
        Files.write(keys, bytes);
        CliRun r = run("models", "verify");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("ppocr-v4: damaged files were replaced with the copy inside Sightline.")
                .contains("ppocr-v4: all 4 files verified.");
        assertThat(Files.readAllBytes(keys)[10]).isEqualTo((byte) (bytes[10] ^ 0x01));
    }

    @Test
    void unknownIdIsBadInputListingValidIds() throws IOException {
        useStore(true);
        for (String[] args : new String[][] {{"models", "pull", "nope"}, {"models", "verify", "nope"},
                {"models", "rm", "nope"}, {"models", "path", "nope"}}) {
            CliRun r = run(args);
            assertThat(r.exit()).as(String.join(" ", args)).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(r.err().strip()).isEqualTo("There is no model called \"nope\". Valid ids are: demo, ppocr-v4,"
                    + " smolvlm-256m, smolvlm-500m, clip-vit-b32, bge-small-en.");
        }
    }

    @Test
    void offlinePullSaysHowToGetTheModelAndConnectsNowhere() throws IOException {
        useStore(true);
        CliRun r = run("models", "pull", "demo");
        assertThat(r.exit()).isEqualTo(ExitCode.MODEL_MISSING);
        assertThat(r.err()).contains("offline").contains("sightline models import demo");
        CliRun path = run("models", "path", "demo");
        assertThat(path.exit()).isEqualTo(ExitCode.MODEL_MISSING);
        assertThat(path.err()).contains("sightline models pull demo");
        assertThat(requests.get()).isZero();
    }

    @Test
    void importThenRemoveAll() throws IOException {
        useStore(true);
        Path dir = Files.createDirectories(cache.resolveSibling(cache.getFileName() + "-files").resolve("onnx"));
        files.forEach((path, bytes) -> {
            try {
                Path target = path.endsWith(".onnx") ? dir.resolve("model.onnx") : dir.getParent().resolve("tokenizer.json");
                Files.write(target, bytes);
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
        CliRun imp = run("models", "import", "demo", dir.getParent().toString());
        assertThat(imp.exit()).as(imp.err()).isZero();
        assertThat(run("models", "list").out().lines()).anyMatch(l -> l.matches("demo\\s+vlm\\s+~\\d+ kB\\s+yes.*"));

        CliRun all = run("models", "rm", "--all");
        assertThat(all.exit()).isZero();
        assertThat(cache.resolve("demo")).doesNotExist();
        assertThat(cache.resolve("ppocr-v4")).doesNotExist();
        CliRun none = run("models", "rm");
        assertThat(none.exit()).isEqualTo(ExitCode.BAD_INPUT);
    }
}
