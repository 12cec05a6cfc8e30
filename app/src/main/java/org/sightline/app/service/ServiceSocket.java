package org.sightline.app.service;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.sightline.error.Problem;
import org.sightline.error.SightlineException;
import org.sightline.i18n.Messages;

/**
 * Where the service listens and how it gets there safely: a socket in a folder only its user can enter
 * ({@code $XDG_RUNTIME_DIR/sightline}, else a private folder in the temporary directory), the socket itself
 * readable and writable by its user only, and a stale socket left by a service that died replaced, while a
 * running service is never taken over.
 */
public final class ServiceSocket {

    private static final Messages MESSAGES = new Messages("org.sightline.app.service.service");

    private ServiceSocket() {
    }

    /** The socket the service uses unless told otherwise. */
    public static Path defaultPath() {
        String runtime = System.getenv("XDG_RUNTIME_DIR");
        Path folder = runtime != null && !runtime.isBlank() && Files.isDirectory(Path.of(runtime))
                ? Path.of(runtime, "sightline")
                : Path.of(System.getProperty("java.io.tmpdir"), "sightline-" + System.getProperty("user.name"));
        return folder.resolve("service.sock");
    }

    /**
     * Binds a listening socket at {@code path}.
     *
     * @throws SightlineException DEVICE_UNAVAILABLE when a service already answers there or the folder cannot
     *     be made private
     */
    static ServerSocketChannel bind(Path path) {
        Path folder = path.toAbsolutePath().getParent();
        try {
            if (!Files.isDirectory(folder)) {
                Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
            }
            if (Files.exists(path)) {
                if (connect(path).map(ServiceSocket::closeQuietly).orElse(false)) {
                    throw new SightlineException(Problem.DEVICE_UNAVAILABLE, MESSAGES.get("serve.running", path));
                }
                Files.delete(path);
            }
            ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(path));
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
            return server;
        } catch (IOException | UnsupportedOperationException e) {
            throw new SightlineException(Problem.DEVICE_UNAVAILABLE, MESSAGES.get("serve.cannotListen", path,
                    e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        }
    }

    /** A connection to the service at {@code path}, or empty when none answers there. */
    static Optional<SocketChannel> connect(Path path) {
        if (!Files.exists(path)) {
            return Optional.empty();
        }
        // open(address) closes the channel itself when the connection fails.
        try {
            return Optional.of(SocketChannel.open(UnixDomainSocketAddress.of(path)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static boolean closeQuietly(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // Only asked whether someone answered.
        }
        return true;
    }
}
