package org.sightline.models;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.sightline.task.CancellationToken;
import org.sightline.task.CancelledException;

/**
 * The lock on one model's files: a lock file that another thread or another Sightline process (the app and
 * the command line at once) takes too, so that two never write one model. Waiting for it can be cancelled.
 */
final class ModelLock {

    /** Work on a model's files that must not overlap with another thread's or process's. */
    @FunctionalInterface
    interface Work<T> {
        T run() throws IOException;
    }

    private ModelLock() {
    }

    @SuppressWarnings("try") // the lock is held for the try block's duration, not used in it
    static <T> T holding(Path lockFile, CancellationToken token, Work<T> work) throws IOException {
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = acquire(channel, token)) {
            return work.run();
        }
    }

    private static FileLock acquire(FileChannel channel, CancellationToken token) throws IOException {
        while (true) {
            token.throwIfCancelled();
            try {
                FileLock lock = channel.tryLock();
                if (lock != null) {
                    return lock;
                }
            } catch (OverlappingFileLockException e) {
                // Another store object in this process holds it; wait like another process would.
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancelledException();
            }
        }
    }
}
