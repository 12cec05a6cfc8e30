package org.sightline.app.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.Locale;
import org.sightline.error.Problem;

/**
 * The wire format shared by the service and its clients: one JSON object per line, UTF-8, in both directions.
 * A request carries {@code v} (the protocol version), {@code id} (the client's name for it) and {@code op}; the
 * service answers with events that repeat the {@code id} and name their {@code event}. Every request ends with
 * exactly one of {@code done}, {@code error} or {@code cancelled}.
 */
public final class ServiceProtocol {

    /** The one protocol version this service speaks. */
    public static final int VERSION = 1;

    /** A request longer than this is refused and the connection closed: nothing Sightline needs is that long. */
    public static final int MAX_MESSAGE_BYTES = 1 << 20;

    /** The operations the service answers, as listed in its greeting. */
    public static final List<String> OPS = List.of("hello", "read", "elements", "describe", "watch", "cancel");

    static final ObjectMapper JSON = new ObjectMapper();

    private ServiceProtocol() {
    }

    /** An event for request {@code id} (null for events about the connection itself). */
    static ObjectNode event(String id, String event) {
        ObjectNode node = JSON.createObjectNode();
        node.put("v", VERSION);
        if (id != null) {
            node.put("id", id);
        }
        node.put("event", event);
        return node;
    }

    /** The error event: a stable {@code code} for programs and a {@code message} to show or speak as it is. */
    static ObjectNode error(String id, String code, String message) {
        ObjectNode node = event(id, "error");
        node.put("code", code);
        node.put("message", message);
        return node;
    }

    /** The error code that stands for a problem the rest of Sightline reports. */
    static String code(Problem problem) {
        return problem.name().toLowerCase(Locale.ROOT);
    }

    /** The problem an error code stands for, so a client can fail as the local command would. */
    public static Problem problem(String code) {
        for (Problem p : Problem.values()) {
            if (code(p).equals(code)) {
                return p;
            }
        }
        return Problem.INTERNAL;
    }

    /**
     * Reads one line of at most {@link #MAX_MESSAGE_BYTES} bytes, without its end.
     *
     * @return the line, or null at the end of the stream
     * @throws MessageTooLargeException when the line is longer than the limit
     */
    static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(256);
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                return line.toString(java.nio.charset.StandardCharsets.UTF_8);
            }
            if (line.size() >= MAX_MESSAGE_BYTES) {
                throw new MessageTooLargeException();
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * A stream that reads the channel directly. The streams of {@link java.nio.channels.Channels} lock the
     * channel as a whole, so a thread waiting for the next request would stop another from writing an answer.
     */
    static InputStream input(SocketChannel channel) {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return len == 0 ? 0 : channel.read(ByteBuffer.wrap(b, off, len));
            }
        };
    }

    /** A stream that writes the channel directly, alongside a thread reading it (see {@link #input}). */
    static OutputStream output(SocketChannel channel) {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                ByteBuffer buffer = ByteBuffer.wrap(b, off, len);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
            }
        };
    }

    /** The text of a field, or null when it is missing or not text. */
    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    /** A message longer than the protocol allows. */
    static final class MessageTooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        MessageTooLargeException() {
            super("message longer than " + MAX_MESSAGE_BYTES + " bytes");
        }
    }
}
