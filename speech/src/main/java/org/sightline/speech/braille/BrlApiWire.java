package org.sightline.speech.braille;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * BrlAPI spoken directly over its socket (protocol version 8, BRLTTY 6.x; {@code brlapi_protocol.h}): no
 * native library, nothing to install but BRLTTY. Each packet is a 32-bit big-endian payload size, a 32-bit
 * type (an ASCII letter) and the payload. The server opens with its version ('v'); the client answers with its
 * own; the server lists the authentication methods it accepts ('a': 'N' none, 'K' key file, 'C' socket
 * credentials); the client then asks for the display size ('s'), enters tty mode ('t': a terminal path and a
 * driver name for raw keys, here none) and writes ('w': flags, region, UTF-8 text, charset). Keys arrive as
 * 'k' packets carrying a 64-bit BrlAPI key code. One reader thread sorts what arrives into replies and keys.
 */
final class BrlApiWire implements BrailleDisplay {

    static final int PROTOCOL_VERSION = 8;
    static final int BASE_PORT = 4101;
    static final Path SOCKET_DIRECTORY = Path.of("/var/lib/BrlAPI");
    static final String DEFAULT_KEY_FILE = "/etc/brlapi.key";

    private static final int VERSION = 'v';
    private static final int AUTH = 'a';
    private static final int DISPLAY_SIZE = 's';
    private static final int ENTER_TTY = 't';
    private static final int LEAVE_TTY = 'L';
    private static final int WRITE = 'w';
    private static final int KEY = 'k';
    private static final int ACK = 'A';
    private static final int ERROR = 'e';
    private static final int EXCEPTION = 'E';
    private static final int AUTH_NONE = 'N';
    private static final int AUTH_KEY = 'K';
    private static final int AUTH_CRED = 'C';
    private static final int WF_REGION = 0x02;
    private static final int WF_TEXT = 0x04;
    private static final int WF_CHARSET = 0x40;
    private static final Duration REPLY_WAIT = Duration.ofSeconds(2);

    private record Packet(int type, byte[] payload) { }

    private final AutoCloseable socket;
    private final DataInputStream in;
    private final DataOutputStream out;
    private final BlockingQueue<Packet> replies = new LinkedBlockingQueue<>();
    private final BlockingQueue<Long> keys = new LinkedBlockingQueue<>();
    private volatile IOException lost;
    private volatile boolean closed;
    private volatile int width;

    private BrlApiWire(AutoCloseable socket, InputStream in, OutputStream out) {
        this.socket = socket;
        this.in = new DataInputStream(in);
        this.out = new DataOutputStream(out);
    }

    /**
     * Connects to {@code host} in BrlAPI's syntax ({@code host:N} is TCP port 4101+N; {@code :N} or empty the
     * local socket {@code /var/lib/BrlAPI/N}), authenticates with {@code auth} ({@code none}, {@code keyfile:PATH};
     * null for BrlAPI's default key file), and takes the display for terminal path {@code ttyPath}.
     */
    static BrlApiWire connect(String host, String auth, int[] ttyPath, Duration timeout) throws IOException {
        BrlApiWire wire = open(host == null || host.isBlank() ? ":0" : host.strip(), timeout);
        try {
            wire.handshake(auth);
            wire.startReading();
            wire.enterTtyMode(ttyPath);
            return wire;
        } catch (IOException | RuntimeException e) {
            wire.close();
            throw e;
        }
    }

    private static BrlApiWire open(String host, Duration timeout) throws IOException {
        int colon = host.lastIndexOf(':');
        String name = colon < 0 ? host : host.substring(0, colon);
        int number = colon < 0 ? 0 : Integer.parseInt(host.substring(colon + 1));
        if (number < 0 || number > 99) {
            throw new IOException("BrlAPI host number out of range: " + host);
        }
        if (name.isEmpty()) {
            Path path = SOCKET_DIRECTORY.resolve(Integer.toString(number));
            if (!Files.exists(path)) {
                throw new IOException("BRLTTY is not running (no " + path + ")");
            }
            SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(path));
            return new BrlApiWire(channel, input(channel), output(channel));
        }
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(name, BASE_PORT + number), (int) timeout.toMillis());
            socket.setTcpNoDelay(true);
            socket.setSoTimeout((int) timeout.toMillis());
            return new BrlApiWire(socket, socket.getInputStream(), socket.getOutputStream());
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /**
     * The channel read directly, not through {@code Channels.newInputStream}: those streams hold the channel's
     * blocking lock while a read waits, so the reader thread waiting for keys would block every write.
     */
    private static InputStream input(SocketChannel channel) {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return channel.read(ByteBuffer.wrap(b, off, len));
            }
        };
    }

    private static OutputStream output(SocketChannel channel) {
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

    private void handshake(String auth) throws IOException {
        Packet version = expect(read(), VERSION);
        int serverVersion = ByteBuffer.wrap(version.payload()).getInt();
        if (serverVersion != PROTOCOL_VERSION) {
            throw new IOException("BrlAPI protocol " + serverVersion + " is not supported (only 8)");
        }
        send(VERSION, ByteBuffer.allocate(4).putInt(PROTOCOL_VERSION).array());
        ByteBuffer offered = ByteBuffer.wrap(expect(read(), AUTH).payload());
        while (offered.remaining() >= 4) {
            int method = offered.getInt();
            if (method == AUTH_NONE) {
                return;
            }
            byte[] request;
            if (method == AUTH_KEY && !"none".equals(auth)) {
                byte[] key = Files.readAllBytes(Path.of(keyFile(auth)));
                request = ByteBuffer.allocate(4 + key.length).putInt(AUTH_KEY).put(key).array();
            } else if (method == AUTH_CRED) {
                request = ByteBuffer.allocate(4).putInt(AUTH_CRED).array();
            } else {
                continue;
            }
            send(AUTH, request);
            if (read().type() == ACK) {
                return;
            }
        }
        throw new IOException("BRLTTY refused the connection (authentication)");
    }

    private static String keyFile(String auth) {
        if (auth == null || auth.isBlank() || auth.equals("keyfile")) {
            return DEFAULT_KEY_FILE;
        }
        return auth.startsWith("keyfile:") ? auth.substring("keyfile:".length()) : auth;
    }

    private void startReading() {
        Thread reader = new Thread(this::readLoop, "brlapi-reader");
        reader.setDaemon(true);
        reader.start();
        if (socket instanceof Socket tcp) {
            try {
                tcp.setSoTimeout(0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private void readLoop() {
        try {
            while (!closed) {
                Packet p = read();
                if (p.type() == KEY && p.payload().length >= 8) {
                    keys.add(ByteBuffer.wrap(p.payload()).getLong());
                } else {
                    replies.add(p);
                }
            }
        } catch (IOException e) {
            lost = e;
            replies.add(new Packet(EXCEPTION, new byte[0]));
        }
    }

    private void enterTtyMode(int[] path) throws IOException {
        ByteBuffer request = ByteBuffer.allocate(4 + 4 * path.length + 1).putInt(path.length);
        for (int tty : path) {
            request.putInt(tty);
        }
        request.put((byte) 0);
        expect(request(ENTER_TTY, request.array()), ACK);
    }

    @Override
    public int cells() {
        try {
            ByteBuffer size = ByteBuffer.wrap(expect(request(DISPLAY_SIZE, new byte[0]), DISPLAY_SIZE).payload());
            width = size.getInt();
            return width;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void show(String text) {
        int length = text.codePointCount(0, text.length());
        String line = length < width ? text + " ".repeat(width - length) : text;
        int cells = Math.max(length, width);
        byte[] utf8 = line.getBytes(StandardCharsets.UTF_8);
        byte[] charset = "UTF-8".getBytes(StandardCharsets.US_ASCII);
        ByteBuffer request = ByteBuffer.allocate(4 + 8 + 4 + utf8.length + 1 + charset.length)
                .putInt(WF_REGION | WF_TEXT | WF_CHARSET)
                // From cell 1, the whole line (blank-padded), as BRLTTY's own library writes it.
                .putInt(1).putInt(-cells)
                .putInt(utf8.length).put(utf8)
                .put((byte) charset.length).put(charset);
        try {
            send(WRITE, request.array());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Optional<BrlApi.Command> readCommand(int timeoutMillis) {
        if (lost != null) {
            throw new UncheckedIOException("BRLTTY went away", lost);
        }
        try {
            Long code = keys.poll(timeoutMillis, TimeUnit.MILLISECONDS);
            return code == null ? Optional.empty() : BrlApi.Command.of(code);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private synchronized Packet request(int type, byte[] payload) throws IOException {
        replies.clear();
        send(type, payload);
        try {
            Packet reply = replies.poll(REPLY_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (reply == null) {
                throw new IOException("BRLTTY did not answer");
            }
            if (reply.type() == EXCEPTION && lost != null) {
                throw new IOException("BRLTTY went away", lost);
            }
            return reply;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private Packet read() throws IOException {
        int size = in.readInt();
        int type = in.readInt();
        if (size < 0 || size > 1 << 16) {
            throw new IOException("BrlAPI packet of " + size + " bytes");
        }
        byte[] payload = new byte[size];
        in.readFully(payload);
        return new Packet(type, payload);
    }

    private void send(int type, byte[] payload) throws IOException {
        synchronized (out) {
            out.writeInt(payload.length);
            out.writeInt(type);
            out.write(payload);
            out.flush();
        }
    }

    private static Packet expect(Packet p, int type) throws IOException {
        if (p.type() == type) {
            return p;
        }
        if (p.type() == ERROR || p.type() == EXCEPTION) {
            int code = p.payload().length >= 4 ? ByteBuffer.wrap(p.payload()).getInt() : -1;
            throw new IOException("BRLTTY answered with error " + code);
        }
        throw new IOException("BrlAPI: expected packet '" + (char) type + "', got '" + (char) p.type() + "'");
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (lost == null) {
                send(LEAVE_TTY, new byte[0]);
            }
        } catch (IOException e) {
            // going anyway
        }
        try {
            socket.close();
        } catch (Exception e) {
            // nothing to keep
        }
    }

}
