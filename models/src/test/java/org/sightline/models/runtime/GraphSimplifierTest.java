package org.sightline.models.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class GraphSimplifierTest {

    private static final OrtEnvironment ENV = OnnxModels.environment();

    @Test
    void aModelReadAndWrittenBackUnchangedIsTheSameBytes() throws Exception {
        byte[] cls = resource("/models/ch_ppocr_mobile_v2.0_cls_infer.onnx");
        assertThat(ProtoMessage.parse(cls).toBytes()).isEqualTo(cls);
    }

    @Test
    void ppOcrRecognitionGraphLosesItsElementWiseOperationsButNotItsAnswers() throws Exception {
        byte[] rec = resource("/models/ch_PP-OCRv4_rec_infer.onnx");
        GraphSimplifier.Result result = GraphSimplifier.simplify(rec);

        assertThat(result.hardSwishes()).isEqualTo(28);
        assertThat(result.foldedAfterConv()).isGreaterThanOrEqualTo(28);
        assertThat(result.foldedBeforeConv()).isGreaterThan(0);
        Map<String, Integer> before = opCounts(rec);
        Map<String, Integer> after = opCounts(result.model());
        assertThat(after.get("Clip")).isNull();
        assertThat(after.get("Mul") + after.get("Add")).isLessThan((before.get("Mul") + before.get("Add")) / 2);
        assertThat(after.get("Conv")).isEqualTo(before.get("Conv"));
        assertSameOutputs(rec, result.model(), new long[] {2, 3, 48, 160});
    }

    @Test
    void ppOcrDetectionGraphGivesTheSameProbabilityMap() throws Exception {
        byte[] det = resource("/models/ch_PP-OCRv4_det_infer.onnx");
        GraphSimplifier.Result result = GraphSimplifier.simplify(det);

        assertThat(result.changed()).isTrue();
        assertThat(opCounts(result.model()).values().stream().mapToInt(Integer::intValue).sum())
                .isLessThan(opCounts(det).values().stream().mapToInt(Integer::intValue).sum() - 100);
        assertSameOutputs(det, result.model(), new long[] {1, 3, 96, 128});
    }

    @Test
    void aShiftBeforeAPaddedConvolutionStaysWhileOneBeforeAnUnpaddedOneIsFolded() throws Exception {
        // x -> *2 -> +1 -> conv 3x3 pad 1 -> *0.5 -> -3 -> y1 ; x -> /4 -> +2 -> conv 1x1 -> y2
        TinyModel m = new TinyModel(new long[] {1, 2, 5, 5});
        m.node("Mul", List.of("x", m.scalar(2f)), "a");
        m.node("Add", List.of("a", m.scalar(1f)), "b");
        m.conv("b", 2, 3, 1, "c");
        m.node("Mul", List.of("c", m.scalar(0.5f)), "d");
        m.node("Sub", List.of("d", m.scalar(3f)), "y1");
        m.node("Div", List.of("x", m.scalar(4f)), "e");
        m.node("Add", List.of(m.scalar(2f), "e"), "f");
        m.conv("f", 3, 1, 0, "y2");
        byte[] model = m.build(List.of("y1", "y2"), new long[][] {{1, 2, 5, 5}, {1, 3, 5, 5}});

        GraphSimplifier.Result result = GraphSimplifier.simplify(model);

        assertThat(result.foldedAfterConv()).isEqualTo(1);
        assertThat(result.foldedBeforeConv()).isEqualTo(1);
        Map<String, Integer> ops = opCounts(result.model());
        assertThat(ops).containsEntry("Conv", 2).containsEntry("Mul", 1).containsEntry("Add", 1);
        assertThat(ops).doesNotContainKeys("Sub", "Div");
        assertSameOutputs(model, result.model(), new long[] {1, 2, 5, 5});
    }

    @Test
    void hardSwishSpelledOutBecomesOneGateAndOneProduct() throws Exception {
        TinyModel m = new TinyModel(new long[] {1, 1, 4, 4});
        m.node("Add", List.of("x", m.scalar(3f)), "a");
        m.node("Clip", List.of("a", m.scalar(0f), m.scalar(6f)), "b");
        m.node("Mul", List.of("x", "b"), "c");
        m.node("Div", List.of("c", m.scalar(6f)), "y");
        byte[] model = m.build(List.of("y"), new long[][] {{1, 1, 4, 4}});

        GraphSimplifier.Result result = GraphSimplifier.simplify(model);

        assertThat(result.hardSwishes()).isEqualTo(1);
        assertThat(opCounts(result.model())).containsOnlyKeys("HardSigmoid", "Mul");
        assertSameOutputs(model, result.model(), new long[] {1, 1, 4, 4});
    }

    @Test
    void somethingThatIsNotAModelIsReturnedAsItWas() {
        byte[] junk = {1, 2, 3, 4, 5};
        GraphSimplifier.Result result = GraphSimplifier.simplify(junk);
        assertThat(result.changed()).isFalse();
        assertThat(result.model()).isSameAs(junk);
    }

    private static Map<String, Integer> opCounts(byte[] model) {
        Map<String, Integer> counts = new TreeMap<>();
        for (OnnxGraph.Node n : OnnxGraph.parse(model).nodes) {
            if (!n.is("Constant")) {
                counts.merge(n.opType, 1, Integer::sum);
            }
        }
        return counts;
    }

    /** Runs both models on the same random input; outputs agree to 1e-4 of their size (at least of 1). */
    private static void assertSameOutputs(byte[] original, byte[] simplified, long[] shape) throws Exception {
        int size = 1;
        for (long d : shape) {
            size *= (int) d;
        }
        float[] input = new float[size];
        Random random = new Random(7);
        for (int i = 0; i < size; i++) {
            input[i] = random.nextFloat() * 2 - 1;
        }
        List<float[]> a = run(original, input, shape);
        List<float[]> b = run(simplified, input, shape);
        assertThat(b).hasSameSizeAs(a);
        for (int k = 0; k < a.size(); k++) {
            float scale = 1f;
            for (float v : a.get(k)) {
                scale = Math.max(scale, Math.abs(v));
            }
            for (int i = 0; i < a.get(k).length; i++) {
                assertThat(Math.abs(a.get(k)[i] - b.get(k)[i])).as("output %d element %d", k, i)
                        .isLessThanOrEqualTo(1e-4f * scale);
            }
        }
    }

    private static List<float[]> run(byte[] model, float[] input, long[] shape) throws Exception {
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            try (OrtSession session = ENV.createSession(model, options);
                 OnnxTensor x = OnnxTensor.createTensor(ENV, FloatBuffer.wrap(input), shape);
                 OrtSession.Result result = session.run(Map.of(session.getInputNames().iterator().next(), x))) {
                List<float[]> out = new ArrayList<>();
                for (var entry : result) {
                    FloatBuffer fb = ((OnnxTensor) entry.getValue()).getFloatBuffer();
                    float[] values = new float[fb.remaining()];
                    fb.get(values);
                    out.add(values);
                }
                return out;
            }
        }
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = GraphSimplifierTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }

    /** Writes a small ONNX model field by field: float input "x", constants as initializers, opset 13. */
    private static final class TinyModel {
        private final List<ProtoMessage.Field> graph = new ArrayList<>();
        private final Random random = new Random(3);
        private final long[] inputShape;
        private int constants;

        TinyModel(long[] inputShape) {
            this.inputShape = inputShape;
        }

        void node(String op, List<String> inputs, String output) {
            graph.add(ProtoMessage.Field.bytes(1, OnnxGraph.Node.of(op, output + "_node", inputs, List.of(output))
                    .toProto().toBytes()));
        }

        String scalar(float value) {
            return tensor(new long[] {}, new float[] {value});
        }

        void conv(String input, int outChannels, int kernel, int pad, String output) {
            int inChannels = 2;
            float[] w = new float[outChannels * inChannels * kernel * kernel];
            for (int i = 0; i < w.length; i++) {
                w[i] = random.nextFloat() - 0.5f;
            }
            float[] b = new float[outChannels];
            for (int i = 0; i < b.length; i++) {
                b[i] = random.nextFloat();
            }
            String wName = tensor(new long[] {outChannels, inChannels, kernel, kernel}, w);
            String bName = tensor(new long[] {outChannels}, b);
            OnnxGraph.Node n = OnnxGraph.Node.of("Conv", output + "_node", List.of(input, wName, bName),
                    List.of(output));
            n.attributes.add(new ProtoMessage(new ArrayList<>(List.of(ProtoMessage.Field.string(1, "pads"),
                    ProtoMessage.Field.varint(8, pad), ProtoMessage.Field.varint(8, pad),
                    ProtoMessage.Field.varint(8, pad), ProtoMessage.Field.varint(8, pad),
                    ProtoMessage.Field.varint(20, 7)))));
            graph.add(ProtoMessage.Field.bytes(1, n.toProto().toBytes()));
        }

        private String tensor(long[] dims, float[] values) {
            String name = "const" + constants++;
            graph.add(ProtoMessage.Field.bytes(5, new OnnxGraph.FloatTensor(dims, values).toProto(name).toBytes()));
            return name;
        }

        byte[] build(List<String> outputs, long[][] outputShapes) {
            List<ProtoMessage.Field> g = new ArrayList<>(graph);
            g.add(ProtoMessage.Field.string(2, "tiny"));
            g.add(ProtoMessage.Field.bytes(11, valueInfo("x", inputShape)));
            for (int i = 0; i < outputs.size(); i++) {
                g.add(ProtoMessage.Field.bytes(12, valueInfo(outputs.get(i), outputShapes[i])));
            }
            byte[] opset = new ProtoMessage(List.of(ProtoMessage.Field.string(1, ""),
                    ProtoMessage.Field.varint(2, 13))).toBytes();
            return new ProtoMessage(List.of(ProtoMessage.Field.varint(1, 8),
                    ProtoMessage.Field.bytes(8, opset),
                    ProtoMessage.Field.bytes(7, new ProtoMessage(g).toBytes()))).toBytes();
        }

        private static byte[] valueInfo(String name, long[] shape) {
            List<ProtoMessage.Field> dims = new ArrayList<>();
            for (long d : shape) {
                dims.add(ProtoMessage.Field.bytes(1, new ProtoMessage(List.of(ProtoMessage.Field.varint(1, d)))
                        .toBytes()));
            }
            byte[] tensorType = new ProtoMessage(List.of(ProtoMessage.Field.varint(1, 1),
                    ProtoMessage.Field.bytes(2, new ProtoMessage(dims).toBytes()))).toBytes();
            byte[] type = new ProtoMessage(List.of(ProtoMessage.Field.bytes(1, tensorType))).toBytes();
            return new ProtoMessage(List.of(ProtoMessage.Field.string(1, name), ProtoMessage.Field.bytes(2, type)))
                    .toBytes();
        }
    }
}
