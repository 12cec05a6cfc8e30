package org.sightline.app.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.sightline.error.Problem;
import org.sightline.error.SightlineException;
import org.sightline.i18n.Messages;

/**
 * A port on 127.0.0.1, for Windows (where NVDA's Python has no Unix sockets) and wherever it is asked for. Any
 * program on the machine can connect to a loopback port, so the port alone proves nothing: the service writes
 * a random token into a connection file only its user can read, and a connection whose first request does not
 * carry that token is refused. The connection file also tells clients which port was chosen.
 */
final class LoopbackTransport implements ServiceTransport {

    private static final Messages MESSAGES = new Messages("org.sightline.app.service.service");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What a connection file says: the port to connect to and the token to show. */
    record Endpoint(int port, String token) {
    }

    private final Path path;
    private final ServerSocketChannel server;
    private final byte[] token;

    LoopbackTransport(Path path) {
        this.path = path;
        refuseIfRunning(path);
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String text = HexFormat.of().formatHex(secret);
        this.token = text.getBytes(StandardCharsets.US_ASCII);
        ServerSocketChannel channel = null;
        try {
            channel = ServerSocketChannel.open();
            channel.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        } catch (IOException e) {
            if (channel != null) {
                ServiceTransport.closeQuietly(channel);
            }
            throw new SightlineException(Problem.DEVICE_UNAVAILABLE, MESSAGES.get("serve.cannotListenPort", path,
                    e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        }
        this.server = channel;
        try {
            write(path, ((InetSocketAddress) server.socket().getLocalSocketAddress()).getPort(), text);
        } catch (IOException | RuntimeException e) {
            ServiceTransport.closeQuietly(server);
            throw new SightlineException(Problem.DEVICE_UNAVAILABLE, MESSAGES.get("serve.cannotListenPort", path,
                    e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        }
    }

    /** The connection file used unless told otherwise: %LOCALAPPDATA%\Sightline on Windows, else beside the socket. */
    static Path defaultPath() {
        if (isWindows()) {
            String local = System.getenv("LOCALAPPDATA");
            Path base = local != null && !local.isBlank() ? Path.of(local)
                    : Path.of(System.getProperty("user.home"), "AppData", "Local");
            return base.resolve("Sightline").resolve("service.json");
        }
        return ServiceSocket.defaultPath().resolveSibling("service.json");
    }

    static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    }

    /** What the connection file at {@code path} says, or empty when there is none or it cannot be read. */
    static Optional<Endpoint> read(Path path) {
        try {
            JsonNode node = ServiceProtocol.JSON.readTree(Files.readString(path));
            if (node == null || !node.path("port").canConvertToInt() || !node.path("token").isTextual()) {
                return Optional.empty();
            }
            return Optional.of(new Endpoint(node.get("port").asInt(), node.get("token").asText()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** A connection to the port the file names, not yet introduced; empty when nothing listens there. */
    static Optional<SocketChannel> connect(Endpoint endpoint) {
        // open(address) closes the channel itself when the connection fails.
        try {
            return Optional.of(SocketChannel.open(
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), endpoint.port())));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The first request on a loopback connection: a greeting that shows the token. */
    static ObjectNode hello(String id, String token) {
        ObjectNode hello = ServiceProtocol.JSON.createObjectNode();
        hello.put("v", ServiceProtocol.VERSION);
        hello.put("id", id);
        hello.put("op", "hello");
        hello.put("token", token);
        return hello;
    }

    /**
     * Refuses to start when the service the file names still answers its own token; a file left by a service
     * that died (nothing listens, or someone else's program took the port) is replaced.
     */
    private static void refuseIfRunning(Path path) {
        Optional<Endpoint> endpoint = Files.exists(path) ? read(path) : Optional.empty();
        if (endpoint.isEmpty()) {
            return;
        }
        try (Socket probe = new Socket()) {
            probe.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), endpoint.get().port()), 1000);
            probe.setSoTimeout(2000);
            probe.getOutputStream().write((ServiceProtocol.JSON.writeValueAsString(hello("probe",
                    endpoint.get().token())) + "\n").getBytes(StandardCharsets.UTF_8));
            probe.getOutputStream().flush();
            String line = new BufferedReader(new InputStreamReader(probe.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
            if (line != null && "hello".equals(ServiceProtocol.text(ServiceProtocol.JSON.readTree(line), "event"))) {
                throw new SightlineException(Problem.DEVICE_UNAVAILABLE, MESSAGES.get("serve.running", path));
            }
        } catch (IOException e) {
            // Nobody answers as the service: the file is stale.
        }
    }

    /**
     * Writes the connection file where only its user can read it: a private folder, the file made owner-only
     * before the token goes in, then moved into place so a client never reads half a file.
     */
    private static void write(Path path, int port, String token) throws IOException {
        Path folder = path.toAbsolutePath().getParent();
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        if (!Files.isDirectory(folder)) {
            if (posix) {
                Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(folder);
                ownerOnly(folder);
            }
        }
        Path temporary = posix
                ? Files.createTempFile(folder, "service", ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : Files.createTempFile(folder, "service", ".tmp");
        try {
            if (!posix) {
                ownerOnly(temporary);
            }
            ObjectNode file = ServiceProtocol.JSON.createObjectNode();
            file.put("version", ServiceProtocol.VERSION);
            file.put("port", port);
            file.put("token", token);
            file.put("pid", ProcessHandle.current().pid());
            Files.writeString(temporary, ServiceProtocol.JSON.writeValueAsString(file) + "\n");
            try {
                Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * On a file system without POSIX modes (Windows' NTFS), an access list with one entry: full control for the
     * owner, nothing inherited and nobody else. Without an ACL view at all there is nothing more to do.
     */
    private static void ownerOnly(Path file) throws IOException {
        AclFileAttributeView acl = Files.getFileAttributeView(file, AclFileAttributeView.class,
                LinkOption.NOFOLLOW_LINKS);
        if (acl == null) {
            return;
        }
        UserPrincipal owner = acl.getOwner();
        AclEntry entry = AclEntry.newBuilder()
                .setType(AclEntryType.ALLOW)
                .setPrincipal(owner)
                .setPermissions(EnumSet.allOf(AclEntryPermission.class))
                .build();
        acl.setAcl(List.of(entry));
    }

    @Override
    public Path path() {
        return path;
    }

    /** The port the service listens on. */
    int port() {
        return ((InetSocketAddress) server.socket().getLocalSocketAddress()).getPort();
    }

    @Override
    public SocketChannel accept() throws IOException {
        return server.accept();
    }

    @Override
    public boolean peerAllowed(SocketChannel channel) {
        return true;
    }

    @Override
    public boolean needsToken() {
        return true;
    }

    @Override
    public boolean tokenMatches(String offered) {
        byte[] given = offered == null ? new byte[0] : offered.getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(token, given);
    }

    @Override
    public void close() {
        ServiceTransport.closeQuietly(server);
        try {
            Optional<Endpoint> written = read(path);
            if (written.isPresent() && tokenMatches(written.get().token())) {
                Files.deleteIfExists(path);
            }
        } catch (IOException ignored) {
            // A file left behind is replaced by the next service.
        }
    }
}
