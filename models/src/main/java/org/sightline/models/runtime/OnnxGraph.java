package org.sightline.models.runtime;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The main graph of an ONNX model, opened for rewriting: its nodes as editable objects, its constant tensors
 * (initializers and {@code Constant} nodes) readable by name, and everything else carried through untouched.
 * Field numbers are those of onnx.proto.
 */
final class OnnxGraph {

    private static final int MODEL_IR_VERSION = 1;
    private static final int MODEL_GRAPH = 7;
    private static final int GRAPH_NODE = 1;
    private static final int GRAPH_INITIALIZER = 5;
    private static final int GRAPH_INPUT = 11;
    private static final int GRAPH_OUTPUT = 12;
    private static final int GRAPH_VALUE_INFO = 13;
    private static final int VALUE_INFO_NAME = 1;
    private static final int NODE_INPUT = 1;
    private static final int NODE_OUTPUT = 2;
    private static final int NODE_NAME = 3;
    private static final int NODE_OP_TYPE = 4;
    private static final int NODE_ATTRIBUTE = 5;
    private static final int NODE_DOMAIN = 7;
    private static final int ATTRIBUTE_NAME = 1;
    private static final int ATTRIBUTE_FLOAT = 2;
    private static final int ATTRIBUTE_INTS = 8;
    private static final int ATTRIBUTE_STRING = 4;
    private static final int ATTRIBUTE_TENSOR = 5;
    private static final int ATTRIBUTE_GRAPH = 6;
    private static final int ATTRIBUTE_GRAPHS = 11;
    private static final int ATTRIBUTE_TYPE = 20;
    private static final int ATTRIBUTE_TYPE_FLOAT = 1;
    private static final int ATTRIBUTE_TYPE_INT = 2;
    private static final int ATTRIBUTE_TYPE_INTS = 7;
    private static final int ATTRIBUTE_INT = 3;
    private static final int MODEL_OPSET_IMPORT = 8;
    private static final int OPSET_DOMAIN = 1;
    private static final int OPSET_VERSION = 2;
    private static final int VALUE_INFO_TYPE = 2;
    private static final int TYPE_TENSOR = 1;
    private static final int TENSOR_TYPE_ELEMENT = 1;
    static final int INT64 = 7;
    private static final int TENSOR_DIMS = 1;
    private static final int TENSOR_DATA_TYPE = 2;
    private static final int TENSOR_FLOAT_DATA = 4;
    private static final int TENSOR_NAME = 8;
    private static final int TENSOR_RAW_DATA = 9;
    private static final int TENSOR_DATA_LOCATION = 14;
    static final int FLOAT = 1;

    /** One node; the lists and fields may be changed, the rest of its message is kept. */
    static final class Node {
        final List<String> inputs;
        final List<String> outputs;
        String opType;
        final String name;
        final String domain;
        final List<ProtoMessage> attributes;
        private final List<ProtoMessage.Field> rest;

        Node(List<String> inputs, List<String> outputs, String name, String opType, String domain,
             List<ProtoMessage> attributes, List<ProtoMessage.Field> rest) {
            this.inputs = inputs;
            this.outputs = outputs;
            this.name = name;
            this.opType = opType;
            this.domain = domain;
            this.attributes = attributes;
            this.rest = rest;
        }

        static Node of(String opType, String name, List<String> inputs, List<String> outputs) {
            return new Node(new ArrayList<>(inputs), new ArrayList<>(outputs), name, opType, "", new ArrayList<>(),
                    new ArrayList<>());
        }

        boolean is(String type) {
            return domain.isEmpty() && opType.equals(type);
        }

        ProtoMessage attribute(String attributeName) {
            for (ProtoMessage a : attributes) {
                if (a.string(ATTRIBUTE_NAME, "").equals(attributeName)) {
                    return a;
                }
            }
            return null;
        }

        /** An {@code INTS} attribute, or null when absent. */
        List<Long> ints(String attributeName) {
            ProtoMessage a = attribute(attributeName);
            return a == null ? null : a.numbers(ATTRIBUTE_INTS);
        }

        /** A {@code STRING} attribute, or {@code absent}. */
        String string(String attributeName, String absent) {
            ProtoMessage a = attribute(attributeName);
            return a == null ? absent : a.string(ATTRIBUTE_STRING, absent);
        }

        /** A {@code FLOAT} attribute, or null when absent. */
        Float floatValue(String attributeName) {
            ProtoMessage a = attribute(attributeName);
            ProtoMessage.Field f = a == null ? null : a.last(ATTRIBUTE_FLOAT);
            return f == null ? null : Float.intBitsToFloat((int) f.number());
        }

        void setFloat(String attributeName, float value) {
            set(attributeName, ATTRIBUTE_TYPE_FLOAT,
                    List.of(ProtoMessage.Field.fixed32(ATTRIBUTE_FLOAT, Float.floatToIntBits(value))));
        }

        void setInt(String attributeName, long value) {
            set(attributeName, ATTRIBUTE_TYPE_INT, List.of(ProtoMessage.Field.varint(ATTRIBUTE_INT, value)));
        }

        void setInts(String attributeName, long... values) {
            List<ProtoMessage.Field> fields = new ArrayList<>();
            for (long v : values) {
                fields.add(ProtoMessage.Field.varint(ATTRIBUTE_INTS, v));
            }
            set(attributeName, ATTRIBUTE_TYPE_INTS, fields);
        }

        /** Replaces the attribute of this name (if any) with one of {@code type} holding {@code values}. */
        private void set(String attributeName, int type, List<ProtoMessage.Field> values) {
            attributes.removeIf(a -> a.string(ATTRIBUTE_NAME, "").equals(attributeName));
            List<ProtoMessage.Field> fields = new ArrayList<>();
            fields.add(ProtoMessage.Field.string(ATTRIBUTE_NAME, attributeName));
            fields.addAll(values);
            fields.add(ProtoMessage.Field.varint(ATTRIBUTE_TYPE, type));
            attributes.add(new ProtoMessage(fields));
        }

        boolean hasSubgraph() {
            return attributes.stream().anyMatch(a -> a.last(ATTRIBUTE_GRAPH) != null || a.last(ATTRIBUTE_GRAPHS) != null);
        }

        ProtoMessage toProto() {
            List<ProtoMessage.Field> fields = new ArrayList<>();
            inputs.forEach(i -> fields.add(ProtoMessage.Field.string(NODE_INPUT, i)));
            outputs.forEach(o -> fields.add(ProtoMessage.Field.string(NODE_OUTPUT, o)));
            if (!name.isEmpty()) {
                fields.add(ProtoMessage.Field.string(NODE_NAME, name));
            }
            fields.add(ProtoMessage.Field.string(NODE_OP_TYPE, opType));
            attributes.forEach(a -> fields.add(ProtoMessage.Field.bytes(NODE_ATTRIBUTE, a.toBytes())));
            if (!domain.isEmpty()) {
                fields.add(ProtoMessage.Field.string(NODE_DOMAIN, domain));
            }
            fields.addAll(rest);
            return new ProtoMessage(fields);
        }

        static Node parse(ProtoMessage m) {
            List<String> inputs = new ArrayList<>();
            List<String> outputs = new ArrayList<>();
            List<ProtoMessage> attributes = new ArrayList<>();
            List<ProtoMessage.Field> rest = new ArrayList<>();
            for (ProtoMessage.Field f : m.fields()) {
                switch (f.tag()) {
                    case NODE_INPUT -> inputs.add(f.string());
                    case NODE_OUTPUT -> outputs.add(f.string());
                    case NODE_ATTRIBUTE -> attributes.add(f.message());
                    case NODE_NAME, NODE_OP_TYPE, NODE_DOMAIN -> { }
                    default -> rest.add(f);
                }
            }
            return new Node(inputs, outputs, m.string(NODE_NAME, ""), m.string(NODE_OP_TYPE, ""),
                    m.string(NODE_DOMAIN, ""), attributes, rest);
        }
    }

    /** A float tensor's shape and values. */
    record FloatTensor(long[] dims, float[] values) {

        int size() {
            return values.length;
        }

        ProtoMessage toProto(String name) {
            List<ProtoMessage.Field> fields = new ArrayList<>();
            for (long d : dims) {
                fields.add(ProtoMessage.Field.varint(TENSOR_DIMS, d));
            }
            fields.add(ProtoMessage.Field.varint(TENSOR_DATA_TYPE, FLOAT));
            fields.add(ProtoMessage.Field.string(TENSOR_NAME, name));
            ByteBuffer raw = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
            raw.asFloatBuffer().put(values);
            fields.add(ProtoMessage.Field.bytes(TENSOR_RAW_DATA, raw.array()));
            return new ProtoMessage(fields);
        }
    }

    private final ProtoMessage model;
    private final ProtoMessage graph;
    final List<Node> nodes = new ArrayList<>();
    /** Constant tensors by name, as stored; decoded when asked for. */
    private final Map<String, ProtoMessage> constants = new HashMap<>();
    private final Map<String, FloatTensor> decoded = new HashMap<>();
    private final Map<String, ProtoMessage> added = new LinkedHashMap<>();
    private final Set<String> graphOutputs = new HashSet<>();
    private final List<String> outputOrder = new ArrayList<>();
    /** Replaces the graph's outputs when set: name and element type of each. */
    private List<ProtoMessage> newOutputs;

    private OnnxGraph(ProtoMessage model, ProtoMessage graph) {
        this.model = model;
        this.graph = graph;
        for (ProtoMessage.Field f : graph.fields()) {
            if (f.tag() == GRAPH_NODE) {
                Node n = Node.parse(f.message());
                nodes.add(n);
                if (n.is("Constant") && n.outputs.size() == 1) {
                    ProtoMessage value = n.attribute("value");
                    ProtoMessage.Field t = value == null ? null : value.last(ATTRIBUTE_TENSOR);
                    if (t != null) {
                        constants.put(n.outputs.get(0), t.message());
                    }
                }
            } else if (f.tag() == GRAPH_INITIALIZER) {
                ProtoMessage t = f.message();
                constants.put(t.string(TENSOR_NAME, ""), t);
            } else if (f.tag() == GRAPH_OUTPUT) {
                String name = f.message().string(VALUE_INFO_NAME, "");
                graphOutputs.add(name);
                outputOrder.add(name);
            }
        }
    }

    /** Opens a serialised ModelProto; fails with IllegalArgumentException when it is not one. */
    static OnnxGraph parse(byte[] modelBytes) {
        ProtoMessage model = ProtoMessage.parse(modelBytes);
        ProtoMessage.Field g = model.last(MODEL_GRAPH);
        if (g == null || g.wireType() != ProtoMessage.LENGTH_DELIMITED) {
            throw new IllegalArgumentException("no graph in the model");
        }
        return new OnnxGraph(model, g.message());
    }

    long irVersion() {
        return model.number(MODEL_IR_VERSION, 0);
    }

    boolean isGraphOutput(String value) {
        return graphOutputs.contains(value);
    }

    /** The graph's output names, in order. */
    List<String> outputs() {
        return List.copyOf(outputOrder);
    }

    /** The version of the default ONNX operator set the model imports. */
    long opsetVersion() {
        for (ProtoMessage.Field f : model.all(MODEL_OPSET_IMPORT)) {
            ProtoMessage opset = f.message();
            if (opset.string(OPSET_DOMAIN, "").isEmpty()) {
                return opset.number(OPSET_VERSION, 0);
            }
        }
        return 0;
    }

    /** Makes these values the graph's outputs, in this order, each with its element type and no fixed shape. */
    void setOutputs(List<String> names, List<Integer> elementTypes) {
        newOutputs = new ArrayList<>();
        graphOutputs.clear();
        outputOrder.clear();
        for (int i = 0; i < names.size(); i++) {
            byte[] tensorType = new ProtoMessage(List.of(ProtoMessage.Field.varint(TENSOR_TYPE_ELEMENT,
                    elementTypes.get(i)))).toBytes();
            byte[] type = new ProtoMessage(List.of(ProtoMessage.Field.bytes(TYPE_TENSOR, tensorType))).toBytes();
            newOutputs.add(new ProtoMessage(List.of(ProtoMessage.Field.string(VALUE_INFO_NAME, names.get(i)),
                    ProtoMessage.Field.bytes(VALUE_INFO_TYPE, type))));
            graphOutputs.add(names.get(i));
            outputOrder.add(names.get(i));
        }
    }

    /** Adds a new 64-bit integer initializer; returns its name, made unique in the graph. */
    String addInt64Initializer(String wanted, long[] dims, long[] values) {
        String name = uniqueName(wanted);
        List<ProtoMessage.Field> fields = new ArrayList<>();
        for (long d : dims) {
            fields.add(ProtoMessage.Field.varint(TENSOR_DIMS, d));
        }
        fields.add(ProtoMessage.Field.varint(TENSOR_DATA_TYPE, INT64));
        fields.add(ProtoMessage.Field.string(TENSOR_NAME, name));
        ByteBuffer raw = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        raw.asLongBuffer().put(values);
        fields.add(ProtoMessage.Field.bytes(TENSOR_RAW_DATA, raw.array()));
        register(name, new ProtoMessage(fields));
        return name;
    }

    /**
     * A constant float tensor by value name, or null when the value is computed, not float, or stored outside
     * the file.
     */
    FloatTensor floatConstant(String name) {
        if (decoded.containsKey(name)) {
            return decoded.get(name);
        }
        ProtoMessage t = constants.get(name);
        FloatTensor tensor = t == null ? null : decode(t);
        decoded.put(name, tensor);
        return tensor;
    }

    /** The single value of a one-element float constant, or null. */
    Float scalar(String name) {
        FloatTensor t = floatConstant(name);
        return t == null || t.size() != 1 ? null : t.values()[0];
    }

    /** Adds a new initializer; returns its name, made unique in the graph. */
    String addInitializer(String wanted, FloatTensor tensor) {
        String name = uniqueName(wanted);
        register(name, tensor.toProto(name));
        decoded.put(name, tensor);
        return name;
    }

    /** {@code wanted}, or it with a number added when the graph already has a value of that name. */
    private String uniqueName(String wanted) {
        String name = wanted;
        for (int k = 2; constants.containsKey(name) || added.containsKey(name); k++) {
            name = wanted + "_" + k;
        }
        return name;
    }

    private void register(String name, ProtoMessage tensor) {
        added.put(name, tensor);
        constants.put(name, tensor);
    }

    private static FloatTensor decode(ProtoMessage t) {
        if (t.number(TENSOR_DATA_TYPE, 0) != FLOAT || t.number(TENSOR_DATA_LOCATION, 0) != 0) {
            return null;
        }
        long[] dims = t.numbers(TENSOR_DIMS).stream().mapToLong(Long::longValue).toArray();
        long count = 1;
        for (long d : dims) {
            count *= d;
        }
        float[] values;
        ProtoMessage.Field raw = t.last(TENSOR_RAW_DATA);
        if (raw != null) {
            values = new float[raw.length() / 4];
            raw.buffer().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
        } else {
            List<Float> list = new ArrayList<>();
            for (ProtoMessage.Field f : t.all(TENSOR_FLOAT_DATA)) {
                if (f.wireType() == ProtoMessage.LENGTH_DELIMITED) {
                    ByteBuffer b = f.buffer().order(ByteOrder.LITTLE_ENDIAN);
                    while (b.remaining() >= 4) {
                        list.add(b.getFloat());
                    }
                } else {
                    list.add(Float.intBitsToFloat((int) f.number()));
                }
            }
            values = new float[list.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = list.get(i);
            }
        }
        return values.length == count ? new FloatTensor(dims, values) : null;
    }

    /**
     * The model written back: the current nodes in their order, unused {@code Constant} nodes and initializers
     * and shape notes of values that no longer exist left out, new initializers added.
     */
    byte[] toBytes() {
        Set<String> used = new HashSet<>(graphOutputs);
        for (Node n : nodes) {
            used.addAll(n.inputs);
        }
        Set<String> produced = new HashSet<>();
        List<ProtoMessage.Field> graphFields = new ArrayList<>();
        for (Node n : nodes) {
            if (n.is("Constant") && n.outputs.size() == 1 && !used.contains(n.outputs.get(0))) {
                continue;
            }
            produced.addAll(n.outputs);
            graphFields.add(ProtoMessage.Field.bytes(GRAPH_NODE, n.toProto().toBytes()));
        }
        Set<String> inputs = new HashSet<>();
        for (ProtoMessage.Field f : graph.fields()) {
            if (f.tag() == GRAPH_INPUT) {
                inputs.add(f.message().string(VALUE_INFO_NAME, ""));
            }
        }
        for (ProtoMessage.Field f : graph.fields()) {
            switch (f.tag()) {
                case GRAPH_NODE -> { }
                case GRAPH_INITIALIZER -> {
                    String name = f.message().string(TENSOR_NAME, "");
                    if (used.contains(name) || inputs.contains(name)) {
                        graphFields.add(f);
                    }
                }
                case GRAPH_OUTPUT -> {
                    if (newOutputs == null) {
                        graphFields.add(f);
                    }
                }
                case GRAPH_VALUE_INFO -> {
                    String name = f.message().string(VALUE_INFO_NAME, "");
                    if (produced.contains(name) || inputs.contains(name)) {
                        graphFields.add(f);
                    }
                }
                default -> graphFields.add(f);
            }
        }
        added.forEach((name, proto) -> {
            if (used.contains(name)) {
                graphFields.add(ProtoMessage.Field.bytes(GRAPH_INITIALIZER, proto.toBytes()));
            }
        });
        if (newOutputs != null) {
            newOutputs.forEach(o -> graphFields.add(ProtoMessage.Field.bytes(GRAPH_OUTPUT, o.toBytes())));
        }
        byte[] graphBytes = new ProtoMessage(graphFields).toBytes();
        List<ProtoMessage.Field> modelFields = new ArrayList<>();
        for (ProtoMessage.Field f : model.fields()) {
            modelFields.add(f.tag() == MODEL_GRAPH ? ProtoMessage.Field.bytes(MODEL_GRAPH, graphBytes) : f);
        }
        return new ProtoMessage(modelFields).toBytes();
    }
}
