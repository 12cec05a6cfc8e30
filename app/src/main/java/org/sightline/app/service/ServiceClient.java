package org.sightline.app.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.sightline.error.Problem;
import org.sightline.error.SightlineException;
import org.sightline.i18n.Messages;

/**
 * A client of a running service, for the command line: one request at a time, its events handed over as they
 * arrive, its failure thrown as the same {@link SightlineException} the work would throw without the service.
 */
public final class ServiceClient implements AutoCloseable {

    private static final Messages MESSAGES = new Messages("org.sightline.app.service.service");

    private final SocketChannel channel;
    private final InputStream in;
    private final OutputStream out;
    private final AtomicLong ids = new AtomicLong();

    private ServiceClient(SocketChannel channel) {
        this.channel = channel;
        this.in = new BufferedInputStream(ServiceProtocol.input(channel));
        this.out = ServiceProtocol.output(channel);
    }

    /** A client of the service at {@code socket}, or empty when none is running there. */
    public static Optional<ServiceClient> connect(Path socket) {
        return ServiceSocket.connect(socket).map(ServiceClient::new);
    }

    /**
     * A client of the service on the loopback port that the connection file at {@code file} names, introduced
     * with the file's token; empty when there is no such file, nothing listens there, or the token is refused
     * (a file left by a service that died, whose port someone else now holds).
     */
    public static Optional<ServiceClient> connectLoopback(Path file) {
        Optional<LoopbackTransport.Endpoint> endpoint = Files.exists(file) ? LoopbackTransport.read(file)
                : Optional.empty();
        Optional<ServiceClient> client = endpoint.flatMap(LoopbackTransport::connect).map(ServiceClient::new);
        if (client.isEmpty()) {
            return client;
        }
        try {
            client.get().send(LoopbackTransport.hello("cli-hello", endpoint.get().token()), e -> { });
            return client;
        } catch (SightlineException e) {
            client.get().close();
            return Optional.empty();
        }
    }

    /**
     * The running service wherever it is: the Unix socket first where this system has one, else the connection
     * file of a loopback service (the only kind on Windows).
     */
    public static Optional<ServiceClient> find(Path socket, Path connectionFile) {
        Optional<ServiceClient> client = LoopbackTransport.isWindows() ? Optional.empty() : connect(socket);
        return client.isPresent() ? client : connectLoopback(connectionFile);
    }

    /** Where the loopback service writes its connection file unless told otherwise. */
    public static Path defaultConnectionFile() {
        return LoopbackTransport.defaultPath();
    }

    /** A client of the service at {@code socket}, which must be running. */
    public static ServiceClient require(Path socket) {
        return connect(socket).orElseThrow(() -> new SightlineException(Problem.DEVICE_UNAVAILABLE,
                MESSAGES.get("client.notRunning", socket)));
    }

    /** A request for {@code op} with the protocol version and an id of its own filled in. */
    public ObjectNode request(String op) {
        ObjectNode request = ServiceProtocol.JSON.createObjectNode();
        request.put("v", ServiceProtocol.VERSION);
        request.put("id", "cli-" + ids.incrementAndGet());
        request.put("op", op);
        return request;
    }

    /**
     * Sends {@code request} and hands every event before the last to {@code events}.
     *
     * @return the {@code done} event
     * @throws SightlineException with the service's message when it answers with an error, or when it stops
     */
    public JsonNode send(ObjectNode request, Consumer<JsonNode> events) {
        String id = request.get("id").asText();
        try {
            out.write((ServiceProtocol.JSON.writeValueAsString(request) + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            String line;
            while ((line = ServiceProtocol.readLine(in)) != null) {
                JsonNode event = ServiceProtocol.JSON.readTree(line);
                if (!id.equals(ServiceProtocol.text(event, "id"))) {
                    continue;
                }
                switch (String.valueOf(ServiceProtocol.text(event, "event"))) {
                    case "done", "hello" -> {
                        return event;
                    }
                    case "error" -> throw new SightlineException(
                            ServiceProtocol.problem(ServiceProtocol.text(event, "code")),
                            ServiceProtocol.text(event, "message"));
                    case "cancelled" -> throw new org.sightline.task.CancelledException();
                    default -> events.accept(event);
                }
            }
        } catch (IOException e) {
            throw new SightlineException(Problem.DEVICE_UNAVAILABLE, MESSAGES.get("client.stopped"), e);
        }
        throw new SightlineException(Problem.DEVICE_UNAVAILABLE, MESSAGES.get("client.stopped"));
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // Nothing is left to say to a service that is gone.
        }
    }
}
