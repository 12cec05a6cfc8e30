package org.sightline.vision.vlm.smolvlm;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import org.sightline.task.CancellationToken;

/**
 * Connects a cancellation token to ONNX Runtime's terminate flag, so that Escape stops a long vision
 * encode or prefill in the middle of a run instead of after it. One instance per ask; the hook the token
 * keeps does nothing once the ask is over.
 */
final class RunCancellation implements AutoCloseable {

    private final OrtSession.RunOptions options;
    private boolean closed;

    RunCancellation(CancellationToken token) {
        try {
            options = new OrtSession.RunOptions();
        } catch (OrtException e) {
            throw new IllegalStateException(e);
        }
        token.onCancel(this::terminate);
    }

    OrtSession.RunOptions options() {
        return options;
    }

    private synchronized void terminate() {
        if (!closed) {
            try {
                options.setTerminate(true);
            } catch (OrtException ignored) {
                // The token is cancelled anyway; the loop sees it at its next check.
            }
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        options.close();
    }
}
