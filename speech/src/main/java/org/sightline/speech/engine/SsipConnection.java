package org.sightline.speech.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One client connection to speech-dispatcher, speaking SSIP over its Unix socket. Commands are sent one at
 * a time and wait for their reply; event notifications (7xx: a message began, ended, was cancelled) arrive
 * at any moment and are routed to whoever waits on that message. A reader thread owns the socket's input.
 */
final class SsipConnection implements AutoCloseable {

    /** A server reply: its code and its lines without the code. */
    record Reply(int code, List<String> lines) {
        boolean ok() {
            return code >= 200 && code < 300;
        }

        String last() {
            return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        }
    }

    /** An event notification about one message. */
    record Event(int code, String messageId) {
        static final int BEGIN = 701;
        static final int END = 702;
        static final int CANCEL = 703;

        boolean finishes() {
            return code == END || code == CANCEL;
        }
    }

    private static final long REPLY_TIMEOUT_MS = 2_000;
    private static final Reply LOST = new Reply(-1, List.of("connection lost"));

    private final SocketChannel channel;
    private final BlockingQueue<Reply> replies = new LinkedBlockingQueue<>();
    private final Map<String, Consumer<Event>> listeners = new ConcurrentHashMap<>();
    private final Thread reader;
    private volatile boolean closed;

    private SsipConnection(SocketChannel channel) {
        this.channel = channel;
        this.reader = new Thread(this::readLoop, "sightline-ssip-reader");
        reader.setDaemon(true);
    }

    static SsipConnection open(Path socket, String clientName) throws IOException {
        SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(socket));
        SsipConnection c = new SsipConnection(ch);
        c.reader.start();
        c.require("SET self CLIENT_NAME " + clientName);
        c.require("SET self NOTIFICATION ALL on");
        return c;
    }

    boolean isOpen() {
        return !closed && channel.isOpen();
    }

    /** Sends a command and returns its reply, whatever its code. */
    synchronized Reply command(String line) throws IOException {
        send(line + "\r\n");
        return awaitReply();
    }

    /**
     * Sends a command without waiting for its reply, which the reader then drops: for CANCEL on a stop,
     * which must not wait while the server winds its synthesiser down.
     */
    synchronized void sendAndForget(String line) throws IOException {
        repliesToDrop.incrementAndGet();
        send(line + "\r\n");
    }

    private final java.util.concurrent.atomic.AtomicInteger repliesToDrop = new java.util.concurrent.atomic.AtomicInteger();

    /** Sends a command and fails unless the reply is a success. */
    Reply require(String line) throws IOException {
        Reply r = command(line);
        if (!r.ok()) {
            throw new IOException("speech-dispatcher refused '" + line + "': " + r.code() + " " + r.last());
        }
        return r;
    }

    /**
     * Sends text for speaking and returns its message id. {@code onEvent} is registered before the message is
     * queued, so no event for it can be missed.
     */
    synchronized String speak(String text, Consumer<Event> onEvent) throws IOException {
        Reply start = command("SPEAK");
        if (start.code() != 230) {
            throw new IOException("speech-dispatcher would not take text: " + start.code() + " " + start.last());
        }
        pendingListener = onEvent;
        try {
            send(escape(text));
            Reply queued = awaitReply();
            if (queued.code() != 225 || queued.lines().isEmpty()) {
                throw new IOException("speech-dispatcher did not queue the text: " + queued.code() + " " + queued.last());
            }
            String id = queued.lines().get(0);
            listeners.putIfAbsent(id, onEvent);
            if (closed) {
                onEvent.accept(new Event(-1, id)); // the connection died while the text was being queued
            }
            return id;
        } finally {
            pendingListener = null;
        }
    }

    /** Events that arrive between a SPEAK's data and its reply go to the message being queued. */
    private volatile Consumer<Event> pendingListener;

    void removeListener(String messageId) {
        listeners.remove(messageId);
    }

    /** SSIP data: CRLF line ends, a line starting with a dot doubled, a lone dot to end. */
    static String escape(String text) {
        StringBuilder b = new StringBuilder(text.length() + 8);
        for (String line : text.split("\r\n|\r|\n", -1)) {
            if (line.startsWith(".")) {
                b.append('.');
            }
            b.append(line).append("\r\n");
        }
        return b.append(".\r\n").toString();
    }

    private void send(String s) throws IOException {
        if (closed) {
            throw new IOException("connection to speech-dispatcher is closed");
        }
        ByteBuffer buf = ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8));
        while (buf.hasRemaining()) {
            channel.write(buf);
        }
    }

    private Reply awaitReply() throws IOException {
        try {
            Reply r = replies.poll(REPLY_TIMEOUT_MS, TimeUnit.MILLISECONDS);
            if (r == null) {
                throw new IOException("speech-dispatcher did not answer within " + REPLY_TIMEOUT_MS + " ms");
            }
            if (r == LOST) {
                replies.offer(LOST); // keep telling later callers
                throw new IOException("connection to speech-dispatcher was lost");
            }
            return r;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for speech-dispatcher", e);
        }
    }

    private void readLoop() {
        List<String> lines = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(channel),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.length() < 4) {
                    continue;
                }
                lines.add(line.substring(4));
                if (line.charAt(3) != ' ') {
                    continue; // "NNN-" continues, "NNN " ends a reply
                }
                int code = Integer.parseInt(line.substring(0, 3));
                List<String> body = List.copyOf(lines);
                lines.clear();
                if (code >= 700 && code < 800) {
                    dispatch(new Event(code, body.isEmpty() ? "" : body.get(0)));
                } else if (repliesToDrop.get() > 0) {
                    repliesToDrop.decrementAndGet(); // the reply to a command sent and forgotten
                } else {
                    replies.offer(new Reply(code, body));
                }
            }
        } catch (IOException | RuntimeException e) {
            // The socket closed or the server sent nonsense: both end this connection.
        } finally {
            closed = true;
            replies.offer(LOST);
            for (Map.Entry<String, Consumer<Event>> l : listeners.entrySet()) {
                l.getValue().accept(new Event(-1, l.getKey()));
            }
            Consumer<Event> pending = pendingListener;
            if (pending != null) {
                pending.accept(new Event(-1, ""));
            }
        }
    }

    private void dispatch(Event e) {
        Consumer<Event> l = listeners.get(e.messageId());
        if (l == null) {
            Consumer<Event> pending = pendingListener;
            if (pending != null) {
                listeners.put(e.messageId(), pending);
                l = pending;
            }
        }
        if (l != null) {
            l.accept(e);
        }
    }

    /** Registers the listener for a message whose events have not arrived yet. */
    void listen(String messageId, Consumer<Event> onEvent) {
        listeners.putIfAbsent(messageId, onEvent);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        try {
            synchronized (this) {
                send("QUIT\r\n");
            }
        } catch (IOException ignored) {
            // closing anyway
        }
        closed = true;
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing left to do
        }
    }
}
