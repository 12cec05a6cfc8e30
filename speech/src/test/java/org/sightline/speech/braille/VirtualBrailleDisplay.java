package org.sightline.speech.braille;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A real BRLTTY, started in the foreground as this test's child, driving its "vr" (Virtual) braille driver:
 * BRLTTY connects to a TCP server here and sends each line of the display as {@code Visual "text"}; keys are
 * sent back as BRLTTY command names ({@code FwinRt}). Its BrlAPI listens on a loopback port with no
 * authentication, and no screen or speech driver runs. See /usr/share/doc/brltty/Virtual.README.gz.
 */
final class VirtualBrailleDisplay implements AutoCloseable {

    /** BrlAPI's TCP ports are 4101 + the host's number, which BrlAPI keeps below 100. */
    private static final int BRLAPI_BASE_PORT = 4101;

    private final ServerSocket server;
    private final Process brltty;
    private final Path log;
    private final Socket socket;
    private final OutputStream toBrltty;
    private final List<String> shown = new ArrayList<>();
    private final String apiHost;

    /** True where the brltty program is installed (Debian package brltty). */
    static boolean installed() {
        return Files.isExecutable(Path.of("/usr/bin/brltty")) || Files.isExecutable(Path.of("/bin/brltty"));
    }

    VirtualBrailleDisplay(int cells, Path workDir) throws IOException, InterruptedException {
        this(cells, workDir, false);
    }

    /**
     * As {@link #VirtualBrailleDisplay(int, Path)}; with {@code localSocket}, BrlAPI listens on the local socket
     * {@code /var/lib/BrlAPI/N} (as an installed BRLTTY does) instead of a TCP port.
     */
    VirtualBrailleDisplay(int cells, Path workDir, boolean localSocket) throws IOException, InterruptedException {
        this(cells, workDir, localSocket, "none");
    }

    /** As above, BrlAPI asking for authentication {@code auth} ({@code none}, {@code keyfile:PATH}). */
    VirtualBrailleDisplay(int cells, Path workDir, boolean localSocket, String auth)
            throws IOException, InterruptedException {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        int apiNumber = freeApiNumber();
        apiHost = (localSocket ? "" : "127.0.0.1") + ":" + apiNumber;
        log = workDir.resolve("brltty.log");
        brltty = new ProcessBuilder("brltty", "-n", "-e", "-Z",
                "-f", "/dev/null", "-F", "/dev/null",
                "-b", "vr", "-d", "client:127.0.0.1:" + server.getLocalPort(),
                "-x", "no", "-s", "no",
                "-W", workDir.toString(), "-U", workDir.toString(), "-P", workDir.resolve("brltty.pid").toString(),
                "-A", "auth=" + auth + ",host=" + apiHost)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        server.setSoTimeout(10_000);
        try {
            socket = server.accept();
        } catch (IOException e) {
            close();
            throw new IOException("BRLTTY did not connect to the virtual display: " + Files.readString(log), e);
        }
        toBrltty = socket.getOutputStream();
        send("cells " + cells);
        Thread reader = new Thread(this::read, "virtual-braille-display");
        reader.setDaemon(true);
        reader.start();
        if (localSocket) {
            waitForSocket(Path.of("/var/lib/BrlAPI", Integer.toString(apiNumber)));
        } else {
            waitForApi(apiNumber);
        }
        // The braille driver is ready (and BrlAPI knows the width) once BRLTTY has shown something.
        await(line -> true, Duration.ofSeconds(10));
        clear();
    }

    /** The BrlAPI host (for {@link BrailleOutput#connect(String, String)}). */
    String apiHost() {
        return apiHost;
    }

    /** Presses a key on the display: a BRLTTY command name such as {@code FwinRt} or {@code LnDn}. */
    void press(String command) throws IOException {
        send(command);
    }

    /** Waits until the display shows a line {@code test} accepts, and returns it. */
    String await(Predicate<String> test, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        synchronized (shown) {
            while (true) {
                for (String line : shown) {
                    if (test.test(line)) {
                        return line;
                    }
                }
                long left = end - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("The display never showed what was expected; it showed " + shown
                            + "\nBRLTTY's log:\n" + brlttyLog());
                }
                shown.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
        }
    }

    /** Forgets what was shown so far. */
    void clear() {
        synchronized (shown) {
            shown.clear();
        }
    }

    String brlttyLog() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return e.toString();
        }
    }

    private void send(String line) throws IOException {
        toBrltty.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        toBrltty.flush();
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("Visual ")) {
                    String text = unquote(line.substring("Visual ".length()).strip());
                    synchronized (shown) {
                        shown.add(text.stripTrailing());
                        shown.notifyAll();
                    }
                }
            }
        } catch (IOException e) {
            // BRLTTY went away: the test is ending.
        }
    }

    /** The vr driver's string syntax: quotes around, {@code \\}, {@code \"} and {@code \Xhh} escapes. */
    static String unquote(String quoted) {
        String s = quoted.startsWith("\"") && quoted.endsWith("\"") && quoted.length() >= 2
                ? quoted.substring(1, quoted.length() - 1) : quoted;
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char next = s.charAt(++i);
                if ((next == 'X' || next == 'x') && i + 2 < s.length()) {
                    out.append((char) Integer.parseInt(s.substring(i + 1, i + 3), 16));
                    i += 2;
                } else {
                    out.append(next);
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static int freeApiNumber() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int number = 10 + ThreadLocalRandom.current().nextInt(90);
            try (ServerSocket probe = new ServerSocket(BRLAPI_BASE_PORT + number, 1,
                    InetAddress.getLoopbackAddress())) {
                return probe.getLocalPort() - BRLAPI_BASE_PORT;
            } catch (IOException busy) {
                // try another
            }
        }
        throw new IOException("no free BrlAPI port between 4111 and 4200");
    }

    private void waitForSocket(Path socket) throws IOException, InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!Files.exists(socket)) {
            if (System.nanoTime() > end) {
                throw new IOException("BRLTTY's BrlAPI never made " + socket + ": " + brlttyLog());
            }
            Thread.sleep(50);
        }
    }

    private void waitForApi(int number) throws IOException, InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < end) {
            try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), BRLAPI_BASE_PORT + number)) {
                probe.shutdownOutput();
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IOException("BRLTTY's BrlAPI never listened: " + brlttyLog());
    }

    @Override
    public void close() throws IOException {
        brltty.destroy();
        try {
            if (!brltty.waitFor(5, TimeUnit.SECONDS)) {
                brltty.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            brltty.destroyForcibly();
        }
        server.close();
        if (socket != null) {
            socket.close();
        }
    }
}
