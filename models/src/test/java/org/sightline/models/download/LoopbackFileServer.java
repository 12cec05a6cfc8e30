package org.sightline.models.download;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small HTTP/1.1 file server on loopback, written on plain sockets so that tests see every TCP connection and can
 * make the server misbehave the ways real ones do: cut a transfer off, ignore a range, fail, or go silent.
 */
public final class LoopbackFileServer implements AutoCloseable {

    /** What the server does with the next requests for a path. */
    public enum Fault {
        /** Serve normally. */
        NONE,
        /** Send the headers for the whole body, then close after {@link #cutAfter} bytes. */
        CUT,
        /** Answer 200 with the whole file even when a range was asked for. */
        IGNORE_RANGE,
        /** Answer 500. */
        ERROR_500,
        /** Send the headers and a few bytes, then send nothing more while keeping the connection open. */
        STALL
    }

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-");

    private final ServerSocket socket;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "loopback-file-server");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile Fault fault = Fault.NONE;
    private volatile int faultTimes;
    private volatile long cutAfter;
    private volatile long bytesPerSecond = -1;

    public LoopbackFileServer() throws IOException {
        socket = new ServerSocket();
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        pool.execute(this::acceptLoop);
    }

    public void put(String path, byte[] content) {
        files.put(path, content);
    }

    /** Misbehave in this way for the next {@code times} requests, then serve normally. */
    public void fault(Fault f, int times, long cutAfterBytes) {
        this.cutAfter = cutAfterBytes;
        this.faultTimes = times;
        this.fault = f;
    }

    /** Pace the body to about this many bytes per second (-1: as fast as possible). */
    public void throttle(long bps) {
        this.bytesPerSecond = bps;
    }

    public URI base() {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort());
    }

    public int connections() {
        return connections.get();
    }

    /** The request lines with their Range header, in order: "GET /a bytes=100-". */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket s = socket.accept();
                connections.incrementAndGet();
                open.add(s);
                pool.execute(() -> serve(s));
            } catch (IOException e) {
                return;
            }
        }
    }

    private synchronized Fault takeFault() {
        if (faultTimes <= 0) {
            return Fault.NONE;
        }
        faultTimes--;
        return fault;
    }

    private void serve(Socket s) {
        try (s) {
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
            OutputStream out = s.getOutputStream();
            while (true) {
                String requestLine = in.readLine();
                if (requestLine == null || requestLine.isEmpty()) {
                    return;
                }
                long from = -1;
                String line;
                while ((line = in.readLine()) != null && !line.isEmpty()) {
                    if (line.toLowerCase().startsWith("range:")) {
                        Matcher m = RANGE.matcher(line);
                        if (m.find()) {
                            from = Long.parseLong(m.group(1));
                        }
                    }
                }
                String path = requestLine.split(" ")[1];
                requests.add("GET " + path + (from >= 0 ? " bytes=" + from + "-" : ""));
                if (!respond(out, path, from, takeFault())) {
                    return;
                }
            }
        } catch (IOException | InterruptedException e) {
            // The client went away; nothing to clean up.
        } finally {
            open.remove(s);
        }
    }

    /** Writes one response; false when the connection must be closed afterwards. */
    private boolean respond(OutputStream out, String path, long from, Fault f) throws IOException, InterruptedException {
        byte[] body = files.get(path);
        if (body == null) {
            head(out, "404 Not Found", 0, null);
            return true;
        }
        if (f == Fault.ERROR_500) {
            head(out, "500 Internal Server Error", 0, null);
            return true;
        }
        int start = 0;
        if (from >= 0 && f != Fault.IGNORE_RANGE) {
            if (from >= body.length) {
                head(out, "416 Range Not Satisfiable", 0, "Content-Range: bytes */" + body.length);
                return true;
            }
            start = (int) from;
            head(out, "206 Partial Content", body.length - start,
                    "Content-Range: bytes " + start + "-" + (body.length - 1) + "/" + body.length);
        } else {
            head(out, "200 OK", body.length, null);
        }
        long limit = body.length - start;
        if (f == Fault.CUT) {
            limit = Math.min(limit, cutAfter);
        }
        if (f == Fault.STALL) {
            out.write(body, start, Math.min(16, body.length - start));
            out.flush();
            Thread.sleep(60_000);
            return false;
        }
        int chunk = 8192;
        for (long sent = 0; sent < limit; ) {
            int n = (int) Math.min(chunk, limit - sent);
            out.write(body, (int) (start + sent), n);
            sent += n;
            if (bytesPerSecond > 0) {
                out.flush();
                Thread.sleep(Math.max(1, n * 1000L / bytesPerSecond));
            }
        }
        out.flush();
        return f != Fault.CUT;
    }

    private static void head(OutputStream out, String status, long length, String extra) throws IOException {
        StringBuilder sb = new StringBuilder("HTTP/1.1 ").append(status).append("\r\n")
                .append("Content-Length: ").append(length).append("\r\n")
                .append("Accept-Ranges: bytes\r\n")
                .append("Content-Type: application/octet-stream\r\n");
        if (extra != null) {
            sb.append(extra).append("\r\n");
        }
        sb.append("\r\n");
        out.write(sb.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
        for (Socket s : open) {
            try {
                s.close();
            } catch (IOException ignored) {
                // Closing to end the test; errors do not matter.
            }
        }
        pool.shutdownNow();
    }
}
