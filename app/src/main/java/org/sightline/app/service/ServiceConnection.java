package org.sightline.app.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.sightline.i18n.Messages;
import org.sightline.task.CancellationToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client: its requests are read here, checked, and handed to the worker; its events are written back in
 * the order they happen. When the client goes away, what it asked for is cancelled and nobody else's work is
 * touched.
 */
final class ServiceConnection {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceConnection.class);
    private static final Messages MESSAGES = new Messages("org.sightline.app.service.service");

    private final SocketChannel channel;
    private final ServiceTransport transport;
    private final ServiceWork work;
    private final ExecutorService worker;
    private final Consumer<ServiceConnection> onClose;
    private final OutputStream out;
    private final Map<String, CancellationToken> running = new ConcurrentHashMap<>();
    private final ServiceWork.Session session = new ServiceWork.Session();
    private volatile boolean closed;

    ServiceConnection(SocketChannel channel, ServiceTransport transport, ServiceWork work, ExecutorService worker,
            Consumer<ServiceConnection> onClose) {
        this.channel = channel;
        this.transport = transport;
        this.work = work;
        this.worker = worker;
        this.onClose = onClose;
        this.out = ServiceProtocol.output(channel);
    }

    void serve() {
        try (InputStream in = new BufferedInputStream(ServiceProtocol.input(channel))) {
            if (!transport.peerAllowed(channel)) {
                send(ServiceProtocol.error(null, "forbidden", MESSAGES.get("request.otherUser")));
                return;
            }
            String line;
            if (transport.needsToken()) {
                line = ServiceProtocol.readLine(in);
                if (line == null) {
                    return;
                }
                if (!admitted(line)) {
                    send(ServiceProtocol.error(null, "forbidden", MESSAGES.get("request.token")));
                    return;
                }
                handle(line);
            }
            while (!closed && (line = ServiceProtocol.readLine(in)) != null) {
                if (!line.isBlank()) {
                    handle(line);
                }
            }
        } catch (ServiceProtocol.MessageTooLargeException e) {
            send(ServiceProtocol.error(null, "too_large",
                    MESSAGES.get("request.tooLarge", ServiceProtocol.MAX_MESSAGE_BYTES >> 20)));
        } catch (IOException e) {
            LOG.debug("client connection ended: {}", e.toString());
        } finally {
            close();
        }
    }

    /**
     * Whether the first request shows the service's token. Anything else, malformed JSON included, is refused
     * before it is looked at further: on a loopback port the client has not yet shown it is the user's own.
     */
    private boolean admitted(String line) {
        try {
            JsonNode first = ServiceProtocol.JSON.readTree(line);
            return first != null && first.isObject() && transport.tokenMatches(ServiceProtocol.text(first, "token"));
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    private void handle(String line) {
        JsonNode request;
        try {
            request = ServiceProtocol.JSON.readTree(line);
        } catch (JsonProcessingException e) {
            send(ServiceProtocol.error(null, "bad_request", MESSAGES.get("request.notJson")));
            return;
        }
        if (request == null || !request.isObject()) {
            send(ServiceProtocol.error(null, "bad_request", MESSAGES.get("request.notJson")));
            return;
        }
        String id = ServiceProtocol.text(request, "id");
        JsonNode version = request.get("v");
        if (version == null || !version.canConvertToInt() || version.asInt() != ServiceProtocol.VERSION) {
            send(ServiceProtocol.error(id, "unsupported_version", MESSAGES.get("request.version",
                    ServiceProtocol.VERSION, version == null ? "none" : version.toString())));
            return;
        }
        String op = ServiceProtocol.text(request, "op");
        if (op == null || !ServiceProtocol.OPS.contains(op)) {
            send(ServiceProtocol.error(id, "unknown_op", MESSAGES.get("request.unknownOp",
                    op == null ? "none" : op, String.join(", ", ServiceProtocol.OPS))));
            return;
        }
        switch (op) {
            case "hello" -> send(hello(id));
            case "cancel" -> {
                CancellationToken token = id == null ? null : running.get(id);
                if (token != null) {
                    token.cancel();
                }
            }
            default -> submit(id, request);
        }
    }

    private void submit(String id, JsonNode request) {
        if (id == null || id.isEmpty()) {
            send(ServiceProtocol.error(null, "bad_request", MESSAGES.get("request.noId")));
            return;
        }
        CancellationToken token = new CancellationToken();
        if (running.putIfAbsent(id, token) != null) {
            send(ServiceProtocol.error(id, "bad_request", MESSAGES.get("request.idInUse", id)));
            return;
        }
        boolean watch = "watch".equals(ServiceProtocol.text(request, "op"));
        try {
            worker.execute(() -> {
                // A watch goes on after the worker has started it; it leaves the running ones when it ends.
                boolean goesOn = false;
                try {
                    if (token.isCancelled()) {
                        send(ServiceProtocol.event(id, "cancelled"));
                    } else if (watch) {
                        goesOn = work.watch(id, request, this::send, token, () -> running.remove(id));
                    } else {
                        work.run(id, request, session, this::send, token);
                    }
                } finally {
                    if (!goesOn) {
                        running.remove(id);
                    }
                }
            });
        } catch (RejectedExecutionException e) {
            running.remove(id);
            send(ServiceProtocol.error(id, "unavailable", MESSAGES.get("request.stopping")));
        }
    }

    private static ObjectNode hello(String id) {
        ObjectNode hello = ServiceProtocol.event(id, "hello");
        hello.put("version", ServiceProtocol.VERSION);
        hello.putPOJO("ops", ServiceProtocol.OPS);
        String v = ServiceConnection.class.getPackage().getImplementationVersion();
        hello.put("sightline", v == null ? "development build" : v);
        return hello;
    }

    /**
     * Writes one event; false when the client has gone, in which case its work is cancelled.
     */
    boolean send(ObjectNode event) {
        if (closed) {
            return false;
        }
        try {
            byte[] bytes = (ServiceProtocol.JSON.writeValueAsString(event) + "\n").getBytes(StandardCharsets.UTF_8);
            synchronized (out) {
                out.write(bytes);
                out.flush();
            }
            return true;
        } catch (IOException e) {
            LOG.debug("client went away while being answered: {}", e.toString());
            close();
            return false;
        }
    }

    void close() {
        if (closed) {
            return;
        }
        closed = true;
        running.values().forEach(CancellationToken::cancel);
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("closing a client connection: {}", e.toString());
        }
        onClose.accept(this);
    }
}
