package org.sightline.app.models;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import org.sightline.models.Catalog;
import org.sightline.models.CatalogModelStore;
import org.sightline.models.ModelStoreConfig;

/**
 * A loopback server with one small model ("demo", two files) served at a chosen pace, and a store whose catalog is
 * the built-in one plus that model, its downloads sent to the server through the mirror setting.
 */
final class DemoModelServer implements AutoCloseable {

    private static final String REV = "fedcba9876543210fedcba9876543210fedcba98";

    private final HttpServer server;
    private final Map<String, byte[]> files;
    private volatile long bytesPerSecond;

    DemoModelServer(int modelBytes, long bytesPerSecond) throws IOException {
        this.bytesPerSecond = bytesPerSecond;
        byte[] model = new byte[modelBytes];
        new Random(5).nextBytes(model);
        files = Map.of("/org/demo/resolve/" + REV + "/onnx/model.onnx", model,
                "/org/demo/resolve/" + REV + "/tokenizer.json", "{\"demo\": true}".getBytes(StandardCharsets.UTF_8));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            byte[] body = files.get(exchange.getRequestURI().getPath());
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                int chunk = 16 * 1024;
                for (int off = 0; off < body.length; off += chunk) {
                    int n = Math.min(chunk, body.length - off);
                    out.write(body, off, n);
                    out.flush();
                    if (this.bytesPerSecond > 0) {
                        Thread.sleep(Math.max(1, n * 1000L / this.bytesPerSecond));
                    }
                }
            } catch (InterruptedException | IOException e) {
                // The client went away (a cancelled download).
            }
            exchange.close();
        });
        server.start();
    }

    void throttle(long bps) {
        this.bytesPerSecond = bps;
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    CatalogModelStore store(Path cache) throws IOException {
        String demo = """
                {"id": "demo", "task": "vlm", "name": "Demo VLM", "description": "a test model", "default": false,
                 "revision": "%1$s", "files": [
                   {"role": "decoder", "name": "model.onnx", "approxSize": %2$d,
                    "source": "https://huggingface.co/org/demo/resolve/%1$s/onnx/model.onnx", "sha256": null},
                   {"role": "tokenizer", "name": "tokenizer.json", "approxSize": 20,
                    "source": "https://huggingface.co/org/demo/resolve/%1$s/tokenizer.json", "sha256": null}]}
                """.formatted(REV, files.get("/org/demo/resolve/" + REV + "/onnx/model.onnx").length);
        String json;
        try (var in = Catalog.class.getResourceAsStream(Catalog.RESOURCE)) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        json = json.replaceFirst("\"models\": \\[", "\"models\": [" + demo.replace("$", "\\$") + ",");
        Catalog catalog = Catalog.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
        return new CatalogModelStore(catalog, ModelStoreConfig.defaults().withCacheDirectory(cache)
                .withMirror(base()).withRetries(1, Duration.ofMillis(10)));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
