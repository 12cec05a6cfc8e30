package org.sightline.vision.vlm.smolvlm;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import java.nio.FloatBuffer;
import java.util.HashMap;
import java.util.Map;

/**
 * The decoder's key/value cache: one key and one value tensor per layer, {@code [1, kvHeads, length,
 * headDim]}, keyed by the decoder input name they feed ({@code past_key_values.i.key}). The tensors are
 * the previous step's outputs, handed back without copying.
 */
final class KvCache implements AutoCloseable {

    private final Map<String, OnnxTensor> tensors;
    private final int length;

    KvCache(Map<String, OnnxTensor> tensors, int length) {
        this.tensors = Map.copyOf(tensors);
        this.length = length;
    }

    /** The cache before the first step: every tensor has length 0. */
    static KvCache empty(OrtEnvironment env, int layers, int kvHeads, int headDim) {
        Map<String, OnnxTensor> map = new HashMap<>();
        try {
            for (int i = 0; i < layers; i++) {
                for (String kind : new String[] {"key", "value"}) {
                    map.put(inputName(i, kind),
                            OnnxTensor.createTensor(env, FloatBuffer.allocate(0), new long[] {1, kvHeads, 0, headDim}));
                }
            }
        } catch (OrtException e) {
            map.values().forEach(OnnxTensor::close);
            throw new IllegalStateException(e);
        }
        return new KvCache(map, 0);
    }

    static String inputName(int layer, String kind) {
        return "past_key_values." + layer + "." + kind;
    }

    static String outputName(int layer, String kind) {
        return "present." + layer + "." + kind;
    }

    Map<String, OnnxTensor> tensors() {
        return tensors;
    }

    /** Tokens whose keys and values are cached. */
    int length() {
        return length;
    }

    long[] shape(int layer, String kind) {
        return tensors.get(inputName(layer, kind)).getInfo().getShape();
    }

    @Override
    public void close() {
        tensors.values().forEach(OnnxTensor::close);
    }
}
