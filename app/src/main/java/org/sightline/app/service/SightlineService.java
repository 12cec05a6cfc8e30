package org.sightline.app.service;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running service: accepts connections on its socket, reads each client's requests on a thread of its
 * own, and runs the work on one worker thread, so the warm models are never used by two requests at once and a
 * slow client never holds up the others' reading. Closing stops accepting, cancels the work, closes every
 * connection and removes the socket or connection file. How clients reach it is the {@link ServiceTransport}'s
 * business; everything after the connection is the same for both.
 */
public final class SightlineService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SightlineService.class);

    private final ServiceTransport transport;
    private final ServiceWork work;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> daemon(r, "sightline-service-work"));
    private final Set<ServiceConnection> connections = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;
    private volatile boolean closed;

    private SightlineService(ServiceTransport transport, ServiceWork work) {
        this.transport = transport;
        this.work = work;
        this.acceptor = daemon(this::accept, "sightline-service-accept");
    }

    /**
     * Listens on the Unix socket at {@code path} and answers with {@code work}; the service owns {@code work}
     * from now on.
     */
    public static SightlineService start(Path path, ServiceWork work) {
        return start(new UnixTransport(path), work);
    }

    /**
     * Listens on a free port of 127.0.0.1 and writes its port and a fresh token to the connection file at
     * {@code connectionFile}, readable by its user only.
     */
    public static SightlineService startLoopback(Path connectionFile, ServiceWork work) {
        return start(new LoopbackTransport(connectionFile), work);
    }

    /** Listens at {@code address}, on the transport it names. */
    public static SightlineService start(ServiceAddress address, ServiceWork work) {
        return address.loopback() ? startLoopback(address.path(), work) : start(address.path(), work);
    }

    private static SightlineService start(ServiceTransport transport, ServiceWork work) {
        SightlineService service = new SightlineService(transport, work);
        service.acceptor.start();
        return service;
    }

    /** Where clients find the service: its socket, or its connection file. */
    public Path path() {
        return transport.path();
    }

    private void accept() {
        while (!closed) {
            SocketChannel channel;
            try {
                channel = transport.accept();
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                LOG.warn("The service could not accept a connection: {}", e.toString());
                continue;
            }
            ServiceConnection connection = new ServiceConnection(channel, transport, work, worker, connections::remove);
            connections.add(connection);
            daemon(connection::serve, "sightline-service-client").start();
        }
    }

    /** How many clients are connected now. */
    int connectionCount() {
        return connections.size();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        transport.close();
        connections.forEach(ServiceConnection::close);
        worker.shutdownNow();
        try {
            worker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        work.close();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
