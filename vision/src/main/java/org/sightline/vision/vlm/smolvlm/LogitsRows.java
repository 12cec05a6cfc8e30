package org.sightline.vision.vlm.smolvlm;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The memory the decoder writes its logits into. ONNX Runtime fills it in place (a pinned output), so a run
 * over S positions costs one {@code S x vocab} float buffer outside the Java heap, reused from run to run,
 * instead of a native tensor plus a copy of all of it on the heap; only the last row is read. With prefill in
 * chunks, S is at most the chunk length, which bounds the buffer whatever the prompt's length.
 *
 * <p>One per conversation: it is not thread-safe, and a conversation runs one step at a time.
 */
final class LogitsRows {

    private ByteBuffer buffer = ByteBuffer.allocateDirect(0);
    private int rows;
    private int vocab;

    /** A tensor of shape {@code [1, rows, vocab]} over this memory, for the decoder to fill. */
    OnnxTensor pin(OrtEnvironment env, int rows, int vocab) throws OrtException {
        long bytes = (long) rows * vocab * Float.BYTES;
        if (bytes > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("logits of " + rows + " rows of " + vocab + " do not fit one buffer");
        }
        if (buffer.capacity() < bytes) {
            buffer = ByteBuffer.allocateDirect((int) bytes);
        }
        this.rows = rows;
        this.vocab = vocab;
        ByteBuffer view = buffer.duplicate().clear().limit((int) bytes).slice().order(ByteOrder.nativeOrder());
        return OnnxTensor.createTensor(env, view.asFloatBuffer(), new long[] {1, rows, vocab});
    }

    /** The last row the decoder wrote: the scores of the next token. */
    float[] lastRow() {
        float[] out = new float[vocab];
        ByteBuffer view = buffer.duplicate().order(ByteOrder.nativeOrder());
        view.position((rows - 1) * vocab * Float.BYTES);
        view.asFloatBuffer().get(out);
        return out;
    }

    /** Bytes held: the longest run's logits. */
    int capacityBytes() {
        return buffer.capacity();
    }
}
