package org.sightline.app.journeys;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.sightline.models.Catalog;
import org.sightline.models.CatalogModelStore;
import org.sightline.models.ModelStoreConfig;

/**
 * A download mirror on loopback for Sightline's own catalog, as a user behind a Hugging Face mirror has: every
 * catalog file is answered with a few bytes of its own (the catalog pins no hash for them, so the store takes
 * what it gets on first use), or, once {@link #breakDown} is called, with a server error, as a mirror that is down.
 * The setup journey then downloads the real catalog's models in a second and hears both endings.
 */
final class JourneyModelMirror implements AutoCloseable {

    private final HttpServer server;
    private volatile boolean down;

    JourneyModelMirror() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            if (down) {
                exchange.sendResponseHeaders(503, -1);
            } else {
                byte[] body = ("file " + exchange.getRequestURI().getPath()).getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
            exchange.close();
        });
        server.start();
    }

    /** From now on every request fails, as it does while the mirror is down. */
    void breakDown() {
        down = true;
    }

    /** A store of the built-in catalog with its models under {@code cache}, downloading through this mirror. */
    CatalogModelStore store(Path cache) {
        URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        return new CatalogModelStore(Catalog.builtIn(), ModelStoreConfig.defaults().withCacheDirectory(cache)
                .withMirror(base).withRetries(0, Duration.ofMillis(10)));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
