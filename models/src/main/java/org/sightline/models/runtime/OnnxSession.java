package org.sightline.models.runtime;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.file.Path;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * One model file's ONNX Runtime session, opened by {@link OnnxModels#open} with {@link OnnxSessionPolicy}'s
 * settings. Runs go through {@link #use}, from as many threads at once as the caller likes. When the model is
 * removed from the store the session is released (closed once the runs in progress have ended, freeing its
 * memory and its hold on the file); the next {@link #use} opens it again from the file, so a model removed and
 * installed again keeps working. {@link #close} ends it for good.
 */
public final class OnnxSession implements AutoCloseable {

    /** Work done with the session, which stays open until it returns. */
    @FunctionalInterface
    public interface Use<T, E extends Exception> {
        T apply(OrtSession session) throws E;
    }

    private final Path file;
    private final OnnxModels.GraphSource graph;
    private final int threads;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private OrtSession session;
    private OnnxSessionPolicy policy;
    private boolean closed;

    OnnxSession(Path file, OnnxModels.GraphSource graph, int threads, OrtSession session, OnnxSessionPolicy policy) {
        this.file = file;
        this.graph = graph;
        this.threads = threads;
        this.session = session;
        this.policy = policy;
    }

    /** The model file the session was opened from. */
    public Path file() {
        return file;
    }

    /** The settings the session was opened with. */
    public OnnxSessionPolicy policy() {
        lock.readLock().lock();
        try {
            return policy;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Whether ONNX Runtime holds the graph now (false after a release, until the next use, and after close). */
    public boolean isOpen() {
        lock.readLock().lock();
        try {
            return session != null;
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Runs {@code work} with the session, opening it again first if its model was removed since. The session
     * is not closed while {@code work} runs.
     *
     * @throws IllegalStateException after {@link #close}
     * @throws org.sightline.error.SightlineException when the file is gone or can no longer be loaded
     */
    public <T, E extends Exception> T use(Use<T, E> work) throws E {
        lock.readLock().lock();
        try {
            if (session != null) {
                return work.apply(session);
            }
        } finally {
            lock.readLock().unlock();
        }
        lock.writeLock().lock();
        try {
            if (closed) {
                throw new IllegalStateException(file.getFileName() + " is closed");
            }
            if (session == null) {
                OnnxModels.Opened reopened = OnnxModels.create(file, graph, threads);
                session = reopened.session();
                policy = reopened.policy();
            }
            // Downgrading keeps a release from slipping in between.
            lock.readLock().lock();
        } finally {
            lock.writeLock().unlock();
        }
        try {
            return work.apply(session);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Closes the ONNX Runtime session once the runs in progress end; the next {@link #use} opens it again. */
    void release() {
        lock.writeLock().lock();
        try {
            closeSession();
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public void close() {
        lock.writeLock().lock();
        try {
            closed = true;
            closeSession();
        } finally {
            lock.writeLock().unlock();
        }
        OnnxModels.forget(this);
    }

    private void closeSession() {
        if (session != null) {
            try {
                session.close();
            } catch (OrtException | RuntimeException e) {
                // Closing frees native memory; a failure leaves nothing the caller could do.
            }
            session = null;
        }
    }
}
