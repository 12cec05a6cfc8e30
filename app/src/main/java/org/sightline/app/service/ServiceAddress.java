package org.sightline.app.service;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a service listens, as its clients find it: the private Unix socket, or the connection file that names
 * the loopback port and its token. {@code sightline serve} and the desktop app serving beside its window start
 * from the same address, so a client never needs to know which of them answers.
 *
 * @param loopback whether the service listens on a port of 127.0.0.1 (true) or on a Unix socket (false)
 * @param path     the socket, or the connection file
 */
public record ServiceAddress(boolean loopback, Path path) {

    public ServiceAddress {
        Objects.requireNonNull(path, "path");
    }

    /** The Unix socket at {@code socket}. */
    public static ServiceAddress unix(Path socket) {
        return new ServiceAddress(false, socket);
    }

    /** A port of 127.0.0.1, named with its token in the connection file {@code connectionFile}. */
    public static ServiceAddress loopback(Path connectionFile) {
        return new ServiceAddress(true, connectionFile);
    }

    /**
     * Where a service listens when nothing else is said: the loopback port on Windows, where NVDA's Python has
     * no Unix sockets, the private socket elsewhere.
     */
    public static ServiceAddress standard() {
        return LoopbackTransport.isWindows() ? loopback(LoopbackTransport.defaultPath())
                : unix(ServiceSocket.defaultPath());
    }

    /** A client of the service at this address, or empty when none answers there. */
    public Optional<ServiceClient> connect() {
        return loopback ? ServiceClient.connectLoopback(path) : ServiceClient.connect(path);
    }

    /** Whether a service answers at this address now. */
    public boolean answering() {
        Optional<ServiceClient> client = connect();
        client.ifPresent(ServiceClient::close);
        return client.isPresent();
    }
}
