package org.sightline.models.runtime;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rewrites a model's graph into fewer, equivalent operations before ONNX Runtime loads it. Models exported
 * from Paddle (PP-OCR among them) spell every hard-swish activation as four element-wise operations and follow
 * every convolution with a learnable scale and shift, so a small model spends more time passing tensors through
 * memory than convolving them; ONNX Runtime's own optimiser does not fold these. Three rewrites, each exact:
 *
 * <ul>
 *   <li>{@code x * clip(x + 3, 0, 6) / 6} becomes {@code x * HardSigmoid(x)} (one pass fewer per activation
 *       and two fewer operations);</li>
 *   <li>a chain of scalar {@code Mul}/{@code Add}/{@code Sub}/{@code Div} right after a convolution is folded
 *       into that convolution's weights and bias;</li>
 *   <li>such a chain right before convolutions that do not pad is folded into their weights and bias (with
 *       zero padding the border would change, so padded ones keep the chain).</li>
 * </ul>
 *
 * Anything the rewriter does not understand is left as it is; a model it cannot read at all is returned
 * unchanged. Outputs agree with the original to float rounding (checked by the tests on the PP-OCR models).
 */
public final class GraphSimplifier {

    private static final Logger LOG = LoggerFactory.getLogger(GraphSimplifier.class);

    /** What was rewritten; {@code model} is the input itself when nothing was. */
    public record Result(byte[] model, int hardSwishes, int foldedAfterConv, int foldedBeforeConv) {

        public boolean changed() {
            return hardSwishes + foldedAfterConv + foldedBeforeConv > 0;
        }
    }

    /** A scalar affine map {@code scale * x + shift}. */
    private record Affine(double scale, double shift) {

        static final Affine IDENTITY = new Affine(1, 0);

        /** This map applied after {@code first}. */
        Affine after(Affine first) {
            return new Affine(scale * first.scale, scale * first.shift + shift);
        }
    }

    /** A run of scalar element-wise nodes ending in the value {@code end}, together one affine map. */
    private record Chain(List<OnnxGraph.Node> nodes, Affine map, String end) {
    }

    private final OnnxGraph graph;
    private final Map<String, OnnxGraph.Node> producers = new HashMap<>();
    private final Map<String, List<OnnxGraph.Node>> consumers = new HashMap<>();
    private final Set<OnnxGraph.Node> removed = new HashSet<>();

    private GraphSimplifier(OnnxGraph graph) {
        this.graph = graph;
        index();
    }

    /** Simplifies a serialised ONNX model; never throws for a model it cannot handle, returns it instead. */
    public static Result simplify(byte[] model) {
        try {
            OnnxGraph graph = OnnxGraph.parse(model);
            // Before IR 4 initializers had to be graph inputs too; models that old are left alone.
            if (graph.irVersion() < 4 || graph.nodes.stream().anyMatch(OnnxGraph.Node::hasSubgraph)) {
                return new Result(model, 0, 0, 0);
            }
            GraphSimplifier s = new GraphSimplifier(graph);
            int swishes = s.hardSwishes();
            int after = s.foldAfterConvolutions();
            int before = s.foldBeforeConvolutions();
            if (swishes + after + before == 0) {
                return new Result(model, 0, 0, 0);
            }
            return new Result(graph.toBytes(), swishes, after, before);
        } catch (RuntimeException e) {
            LOG.debug("model left as it is: {}", e.toString());
            return new Result(model, 0, 0, 0);
        }
    }

    private void index() {
        producers.clear();
        consumers.clear();
        for (OnnxGraph.Node n : graph.nodes) {
            for (String o : n.outputs) {
                producers.put(o, n);
            }
            for (String i : n.inputs) {
                consumers.computeIfAbsent(i, k -> new ArrayList<>()).add(n);
            }
        }
    }

    private void commit() {
        graph.nodes.removeAll(removed);
        removed.clear();
        index();
    }

    /** The only node reading {@code value}, when exactly one does and the value is not a graph output. */
    private OnnxGraph.Node soleConsumer(String value) {
        List<OnnxGraph.Node> c = consumers.getOrDefault(value, List.of());
        return c.size() == 1 && !graph.isGraphOutput(value) ? c.get(0) : null;
    }

    private OnnxGraph.Node producer(String value, String type) {
        OnnxGraph.Node n = producers.get(value);
        return n != null && n.is(type) && !removed.contains(n) ? n : null;
    }

    private boolean scalarIs(String value, double expected) {
        Float v = graph.scalar(value);
        return v != null && Math.abs(v - expected) < 1e-5;
    }

    // ---- x * clip(x + 3, 0, 6) / 6  ->  x * HardSigmoid(x)

    private int hardSwishes() {
        int count = 0;
        for (OnnxGraph.Node div : graph.nodes) {
            if (!div.is("Div") || div.inputs.size() != 2 || !scalarIs(div.inputs.get(1), 6)) {
                continue;
            }
            OnnxGraph.Node mul = producer(div.inputs.get(0), "Mul");
            if (mul == null || mul.inputs.size() != 2 || soleConsumer(mul.outputs.get(0)) != div) {
                continue;
            }
            for (int side = 0; side < 2; side++) {
                OnnxGraph.Node clip = producer(mul.inputs.get(side), "Clip");
                String x = mul.inputs.get(1 - side);
                if (clip == null || soleConsumer(clip.outputs.get(0)) != mul || !clipsToZeroSix(clip)) {
                    continue;
                }
                OnnxGraph.Node add = producer(clip.inputs.get(0), "Add");
                if (add == null || add.inputs.size() != 2 || soleConsumer(add.outputs.get(0)) != clip
                        || !(add.inputs.get(0).equals(x) && scalarIs(add.inputs.get(1), 3)
                        || add.inputs.get(1).equals(x) && scalarIs(add.inputs.get(0), 3))) {
                    continue;
                }
                // clip(x + 3, 0, 6) / 6 == clip(x / 6 + 0.5, 0, 1), which is HardSigmoid(alpha 1/6, beta 0.5).
                OnnxGraph.Node gate = OnnxGraph.Node.of("HardSigmoid", add.name, List.of(x), add.outputs);
                gate.setFloat("alpha", 1f / 6f);
                gate.setFloat("beta", 0.5f);
                graph.nodes.set(graph.nodes.indexOf(add), gate);
                mul.inputs.set(side, add.outputs.get(0));
                mul.outputs.set(0, div.outputs.get(0));
                removed.add(clip);
                removed.add(div);
                count++;
                break;
            }
        }
        commit();
        return count;
    }

    private boolean clipsToZeroSix(OnnxGraph.Node clip) {
        if (clip.inputs.size() == 3) {
            return scalarIs(clip.inputs.get(1), 0) && scalarIs(clip.inputs.get(2), 6);
        }
        // Before opset 11 the bounds were attributes.
        Float min = clip.floatValue("min");
        Float max = clip.floatValue("max");
        return clip.inputs.size() == 1 && min != null && max != null && min == 0f && max == 6f;
    }

    // ---- scalar affine chains next to convolutions

    /**
     * The scalar chain that starts with {@code first} reading {@code value} and goes on through each step's sole
     * reader; null when {@code first} is not a scalar step.
     */
    private Chain chainFrom(OnnxGraph.Node first, String value) {
        Affine map = first == null || removed.contains(first) ? null : scalarStep(first, value);
        if (map == null) {
            return null;
        }
        List<OnnxGraph.Node> nodes = new ArrayList<>(List.of(first));
        String end = first.outputs.get(0);
        while (true) {
            OnnxGraph.Node n = soleConsumer(end);
            Affine step = n == null || removed.contains(n) ? null : scalarStep(n, end);
            if (step == null) {
                return new Chain(nodes, map, end);
            }
            nodes.add(n);
            map = step.after(map);
            end = n.outputs.get(0);
        }
    }

    /** The affine map of {@code n} applied to its input {@code value}, when its other input is a scalar. */
    private Affine scalarStep(OnnxGraph.Node n, String value) {
        if (n.inputs.size() != 2 || n.outputs.size() != 1) {
            return null;
        }
        boolean first = n.inputs.get(0).equals(value);
        if (!first && !n.inputs.get(1).equals(value) || n.inputs.get(0).equals(n.inputs.get(1))) {
            return null;
        }
        Float c = graph.scalar(n.inputs.get(first ? 1 : 0));
        if (c == null) {
            return null;
        }
        if (n.is("Mul")) {
            return new Affine(c, 0);
        } else if (n.is("Add")) {
            return new Affine(1, c);
        } else if (n.is("Sub")) {
            return first ? new Affine(1, -c) : new Affine(-1, c);
        } else if (n.is("Div") && first && c != 0f) {
            return new Affine(1.0 / c, 0);
        }
        return null;
    }

    /** The weights and bias of a convolution with constant ones, or null. */
    private OnnxGraph.FloatTensor[] convolution(OnnxGraph.Node conv) {
        if (!conv.is("Conv") || conv.inputs.size() < 2 || conv.outputs.size() != 1) {
            return null;
        }
        OnnxGraph.FloatTensor w = graph.floatConstant(conv.inputs.get(1));
        if (w == null || w.dims().length < 3) {
            return null;
        }
        int outChannels = (int) w.dims()[0];
        OnnxGraph.FloatTensor b;
        if (conv.inputs.size() >= 3 && !conv.inputs.get(2).isEmpty()) {
            b = graph.floatConstant(conv.inputs.get(2));
            if (b == null || b.size() != outChannels) {
                return null;
            }
        } else {
            b = new OnnxGraph.FloatTensor(new long[] {outChannels}, new float[outChannels]);
        }
        return new OnnxGraph.FloatTensor[] {w, b};
    }

    private void setConvolution(OnnxGraph.Node conv, float[] weights, long[] dims, float[] bias) {
        String base = conv.name.isEmpty() ? conv.outputs.get(0) : conv.name;
        String w = graph.addInitializer(base + "/folded_weight", new OnnxGraph.FloatTensor(dims, weights));
        String b = graph.addInitializer(base + "/folded_bias", new OnnxGraph.FloatTensor(new long[] {bias.length}, bias));
        conv.inputs.set(1, w);
        if (conv.inputs.size() >= 3) {
            conv.inputs.set(2, b);
        } else {
            conv.inputs.add(b);
        }
    }

    /** {@code a * conv(x, W, B) + c} is {@code conv(x, aW, aB + c)}. */
    private int foldAfterConvolutions() {
        int count = 0;
        for (OnnxGraph.Node conv : graph.nodes) {
            OnnxGraph.FloatTensor[] wb = convolution(conv);
            if (wb == null) {
                continue;
            }
            Chain chain = chainFrom(soleConsumer(conv.outputs.get(0)), conv.outputs.get(0));
            if (chain == null) {
                continue;
            }
            float[] w = wb[0].values().clone();
            float[] b = wb[1].values().clone();
            for (int i = 0; i < w.length; i++) {
                w[i] = (float) (w[i] * chain.map().scale());
            }
            for (int i = 0; i < b.length; i++) {
                b[i] = (float) (b[i] * chain.map().scale() + chain.map().shift());
            }
            setConvolution(conv, w, wb[0].dims(), b);
            conv.outputs.set(0, chain.end());
            removed.addAll(chain.nodes());
            count++;
        }
        commit();
        return count;
    }

    /**
     * {@code conv(a * x + c, W, B)} is {@code conv(x, aW, B + c * sum(W))} when the convolution does not pad: a
     * padded border would see {@code c} where the original saw zero.
     */
    private int foldBeforeConvolutions() {
        int count = 0;
        // Graph order is topological, so the longest chain is met from its first node.
        for (OnnxGraph.Node first : List.copyOf(graph.nodes)) {
            if (first.inputs.size() != 2) {
                continue;
            }
            String value = first.inputs.get(graph.scalar(first.inputs.get(0)) == null ? 0 : 1);
            Chain chain = chainFrom(first, value);
            if (chain == null || graph.isGraphOutput(chain.end())) {
                continue;
            }
            List<OnnxGraph.Node> readers = consumers.getOrDefault(chain.end(), List.of());
            boolean foldable = !readers.isEmpty();
            for (OnnxGraph.Node conv : readers) {
                foldable &= convolution(conv) != null && conv.inputs.indexOf(chain.end()) == 0
                        && conv.inputs.lastIndexOf(chain.end()) == 0 && withoutPadding(conv);
            }
            if (!foldable) {
                continue;
            }
            for (OnnxGraph.Node conv : readers) {
                OnnxGraph.FloatTensor[] wb = convolution(conv);
                float[] w = wb[0].values().clone();
                float[] b = wb[1].values().clone();
                int perChannel = w.length / b.length;
                for (int oc = 0; oc < b.length; oc++) {
                    double sum = 0;
                    for (int k = oc * perChannel; k < (oc + 1) * perChannel; k++) {
                        sum += w[k];
                        w[k] = (float) (w[k] * chain.map().scale());
                    }
                    b[oc] = (float) (b[oc] + chain.map().shift() * sum);
                }
                setConvolution(conv, w, wb[0].dims(), b);
                conv.inputs.set(0, value);
            }
            removed.addAll(chain.nodes());
            count++;
        }
        commit();
        return count;
    }

    private static boolean withoutPadding(OnnxGraph.Node conv) {
        String autoPad = conv.string("auto_pad", "NOTSET");
        if (!autoPad.equals("NOTSET") && !autoPad.equals("VALID")) {
            return false;
        }
        List<Long> pads = conv.ints("pads");
        return pads == null || pads.stream().allMatch(p -> p == 0);
    }
}
