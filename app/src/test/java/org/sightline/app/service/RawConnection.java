package org.sightline.app.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A raw connection to the service, on either transport, to send what a well-behaved client never would. */
final class RawConnection implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Closeable connection;
    /** The raw stream, for bytes no well-formed line would carry. */
    final OutputStream out;
    private final BufferedReader in;

    private RawConnection(Closeable connection, InputStream in, OutputStream out) {
        this.connection = connection;
        this.out = out;
        this.in = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    /** Connected to the service's Unix domain socket at {@code socket}. */
    static RawConnection unix(Path socket) throws IOException {
        SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket));
        return new RawConnection(channel, Channels.newInputStream(channel), Channels.newOutputStream(channel));
    }

    /** Connected to the service's loopback {@code port}, waiting at most a minute for each line. */
    static RawConnection loopback(int port) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(60_000);
        return new RawConnection(socket, socket.getInputStream(), socket.getOutputStream());
    }

    void send(String line) throws IOException {
        out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** The next event, or null when the service closed the connection. */
    JsonNode next() throws IOException {
        String line = in.readLine();
        return line == null ? null : JSON.readTree(line);
    }

    /** Events until the one that ends request {@code id}. */
    List<JsonNode> until(String id) throws IOException {
        List<JsonNode> events = new ArrayList<>();
        JsonNode e;
        while ((e = next()) != null) {
            events.add(e);
            String kind = e.get("event").asText();
            if (id.equals(e.path("id").asText()) && List.of("done", "error", "cancelled").contains(kind)) {
                break;
            }
        }
        return events;
    }

    /**
     * Skips to the next event of kind {@code event} for request {@code id}; fails, with what came, when the
     * request ends first or the connection closes.
     */
    JsonNode nextOf(String id, String event) throws IOException {
        List<JsonNode> seen = new ArrayList<>();
        JsonNode e;
        while ((e = next()) != null) {
            seen.add(e);
            String kind = e.get("event").asText();
            if (id.equals(e.path("id").asText())) {
                if (kind.equals(event)) {
                    return e;
                }
                if (List.of("done", "error", "cancelled").contains(kind)) {
                    break;
                }
            }
        }
        throw new AssertionError("no " + event + " event for " + id + "; the service sent " + seen);
    }

    @Override
    public void close() throws IOException {
        connection.close();
    }
}
