package org.sightline.app.service;

import java.io.IOException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;

/**
 * How clients reach the service, the one part that differs between the private Unix socket and the loopback
 * port: where it listens, who may come in, and what to remove on the way out. Reading, checking and answering
 * requests is the same for both, so the service's fault handling is written once.
 */
interface ServiceTransport extends AutoCloseable {

    /** Where clients find the service: the socket, or the connection file that names the port and token. */
    Path path();

    /** The next client; blocks until one connects. */
    SocketChannel accept() throws IOException;

    /** Whether the peer may talk at all, decided before anything is read (the socket's user check). */
    boolean peerAllowed(SocketChannel channel);

    /**
     * Whether the first request must prove the client knows the token: true for the loopback port, which
     * every program of every user on the machine can connect to.
     */
    boolean needsToken();

    /** Whether {@code token} is the service's, compared in constant time; false for a missing one. */
    boolean tokenMatches(String token);

    /** Stops listening and removes what told clients where to go. */
    @Override
    void close();

    /** Closes a listening channel, ignoring the failure of a channel that is already gone. */
    static void closeQuietly(ServerSocketChannel server) {
        try {
            server.close();
        } catch (IOException ignored) {
            // Stopping anyway.
        }
    }
}
