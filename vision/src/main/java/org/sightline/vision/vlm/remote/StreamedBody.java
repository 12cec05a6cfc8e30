package org.sightline.vision.vlm.remote;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.sightline.task.CancellationToken;
import org.sightline.task.CancelledException;

/**
 * A response body as an input stream that never blocks for ever: reads wait in short slices, checking
 * the cancellation token, and fail with {@link IdleTimeoutException} when the server has sent nothing for
 * the idle timeout. The HTTP client pushes the body in; closing cancels the subscription.
 */
final class StreamedBody extends InputStream implements Flow.Subscriber<List<ByteBuffer>> {

    /** The server stopped sending in the middle of an answer. */
    static final class IdleTimeoutException extends IOException {
        private static final long serialVersionUID = 1L;

        IdleTimeoutException() {
            super("no data within the idle timeout");
        }
    }

    private static final Object END = new Object();

    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final CancellationToken token;
    private final long idleNanos;
    private volatile Flow.Subscription subscription;
    private ByteBuffer current;
    private boolean ended;

    StreamedBody(CancellationToken token, long idleNanos) {
        this.token = token;
        this.idleNanos = idleNanos;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        queue.addAll(buffers);
    }

    @Override
    public void onError(Throwable t) {
        queue.add(t);
    }

    @Override
    public void onComplete() {
        queue.add(END);
    }

    private boolean fill() throws IOException {
        long deadline = System.nanoTime() + idleNanos;
        while (current == null || !current.hasRemaining()) {
            if (ended) {
                return false;
            }
            Object next;
            try {
                next = queue.poll(50, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancelledException();
            }
            if (token.isCancelled()) {
                close();
                throw new CancelledException();
            }
            if (next == null) {
                if (System.nanoTime() > deadline) {
                    close();
                    throw new IdleTimeoutException();
                }
            } else if (next == END) {
                ended = true;
            } else if (next instanceof Throwable t) {
                ended = true;
                throw t instanceof IOException io ? io : new IOException(t);
            } else {
                current = (ByteBuffer) next;
            }
        }
        return true;
    }

    @Override
    public int read() throws IOException {
        return fill() ? current.get() & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(len, current.remaining());
        current.get(b, off, n);
        return n;
    }

    @Override
    public void close() {
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
    }
}
