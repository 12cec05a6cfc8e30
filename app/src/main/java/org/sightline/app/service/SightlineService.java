package org.sightline.app.service;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
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
 * connection and removes the socket.
 */
public final class SightlineService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SightlineService.class);

    private final Path path;
    private final ServerSocketChannel server;
    private final ServiceWork work;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> daemon(r, "sightline-service-work"));
    private final Set<ServiceConnection> connections = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;
    private volatile boolean closed;

    private SightlineService(Path path, ServerSocketChannel server, ServiceWork work) {
        this.path = path;
        this.server = server;
        this.work = work;
        this.acceptor = daemon(this::accept, "sightline-service-accept");
    }

    /** Listens at {@code path} and answers with {@code work}; the service owns {@code work} from now on. */
    public static SightlineService start(Path path, ServiceWork work) {
        SightlineService service = new SightlineService(path, ServiceSocket.bind(path), work);
        service.acceptor.start();
        return service;
    }

    /** Where the service listens. */
    public Path path() {
        return path;
    }

    private void accept() {
        while (!closed) {
            SocketChannel channel;
            try {
                channel = server.accept();
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                LOG.warn("The service could not accept a connection: {}", e.toString());
                continue;
            }
            ServiceConnection connection = new ServiceConnection(channel, work, worker, connections::remove);
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
        try {
            server.close();
        } catch (IOException e) {
            LOG.debug("closing the service socket: {}", e.toString());
        }
        connections.forEach(ServiceConnection::close);
        worker.shutdownNow();
        try {
            worker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        work.close();
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            LOG.debug("removing the service socket: {}", e.toString());
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
