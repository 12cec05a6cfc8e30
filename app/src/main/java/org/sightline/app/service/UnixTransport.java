package org.sightline.app.service;

import java.io.IOException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import jdk.net.ExtendedSocketOptions;
import jdk.net.UnixDomainPrincipal;

/** The private Unix socket: its folder and mode keep other users out, and the peer's user is checked too. */
final class UnixTransport implements ServiceTransport {

    private final Path path;
    private final ServerSocketChannel server;

    UnixTransport(Path path) {
        this.path = path;
        this.server = ServiceSocket.bind(path);
    }

    @Override
    public Path path() {
        return path;
    }

    @Override
    public SocketChannel accept() throws IOException {
        return server.accept();
    }

    /** Only the user who runs the service may use it; the socket's folder already keeps others out. */
    @Override
    public boolean peerAllowed(SocketChannel channel) {
        try {
            UnixDomainPrincipal peer = channel.getOption(ExtendedSocketOptions.SO_PEERCRED);
            return peer.user().getName().equals(System.getProperty("user.name"));
        } catch (IOException | UnsupportedOperationException e) {
            // Not every platform tells who is on the other end; the socket's permissions still apply.
            return true;
        }
    }

    @Override
    public boolean needsToken() {
        return false;
    }

    @Override
    public boolean tokenMatches(String token) {
        return true;
    }

    @Override
    public void close() {
        ServiceTransport.closeQuietly(server);
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // A socket left behind is replaced by the next service.
        }
    }
}
