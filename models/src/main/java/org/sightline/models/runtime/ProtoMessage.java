package org.sightline.models.runtime;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One Protocol Buffers message as its ordered list of fields, enough to read and rewrite ONNX files without
 * generated classes: values are kept as they were read, so a message written back unchanged is byte for byte
 * the message that was read.
 */
final class ProtoMessage {

    static final int VARINT = 0;
    static final int FIXED64 = 1;
    static final int LENGTH_DELIMITED = 2;
    static final int FIXED32 = 5;

    /**
     * One field: for varints and fixed-width values {@code number} holds the value (fixed-width ones as their raw
     * bits), for length-delimited ones {@code bytes} holds the payload.
     */
    record Field(int tag, int wireType, long number, byte[] bytes) {

        static Field bytes(int tag, byte[] value) {
            return new Field(tag, LENGTH_DELIMITED, 0, value);
        }

        static Field string(int tag, String value) {
            return bytes(tag, value.getBytes(StandardCharsets.UTF_8));
        }

        static Field varint(int tag, long value) {
            return new Field(tag, VARINT, value, null);
        }

        static Field fixed32(int tag, int bits) {
            return new Field(tag, FIXED32, bits & 0xffffffffL, null);
        }

        String string() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private final List<Field> fields;

    ProtoMessage(List<Field> fields) {
        this.fields = fields;
    }

    List<Field> fields() {
        return fields;
    }

    static ProtoMessage parse(byte[] data) {
        List<Field> fields = new ArrayList<>();
        int[] pos = {0};
        while (pos[0] < data.length) {
            long key = readVarint(data, pos);
            int tag = (int) (key >>> 3);
            int wire = (int) (key & 7);
            switch (wire) {
                case VARINT -> fields.add(new Field(tag, wire, readVarint(data, pos), null));
                case FIXED64 -> {
                    fields.add(new Field(tag, wire, readLittleEndian(data, pos[0], 8), null));
                    pos[0] += 8;
                }
                case FIXED32 -> {
                    fields.add(new Field(tag, wire, readLittleEndian(data, pos[0], 4), null));
                    pos[0] += 4;
                }
                case LENGTH_DELIMITED -> {
                    long length = readVarint(data, pos);
                    if (length < 0 || length > data.length - pos[0]) {
                        throw new IllegalArgumentException("field " + tag + " runs past the end of its message");
                    }
                    byte[] payload = new byte[(int) length];
                    System.arraycopy(data, pos[0], payload, 0, payload.length);
                    pos[0] += payload.length;
                    fields.add(new Field(tag, wire, 0, payload));
                }
                default -> throw new IllegalArgumentException("unsupported wire type " + wire + " in field " + tag);
            }
            if (pos[0] > data.length) {
                throw new IllegalArgumentException("message truncated");
            }
        }
        return new ProtoMessage(fields);
    }

    byte[] toBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Field f : fields) {
            writeVarint(out, ((long) f.tag() << 3) | f.wireType());
            switch (f.wireType()) {
                case VARINT -> writeVarint(out, f.number());
                case FIXED64 -> writeLittleEndian(out, f.number(), 8);
                case FIXED32 -> writeLittleEndian(out, f.number(), 4);
                default -> {
                    writeVarint(out, f.bytes().length);
                    out.writeBytes(f.bytes());
                }
            }
        }
        return out.toByteArray();
    }

    /** The fields with this tag, in order. */
    List<Field> all(int tag) {
        return fields.stream().filter(f -> f.tag() == tag).toList();
    }

    /** The last field with this tag (protobuf's rule for a repeated singular field), or null. */
    Field last(int tag) {
        Field found = null;
        for (Field f : fields) {
            if (f.tag() == tag) {
                found = f;
            }
        }
        return found;
    }

    String string(int tag, String absent) {
        Field f = last(tag);
        return f == null ? absent : f.string();
    }

    long number(int tag, long absent) {
        Field f = last(tag);
        return f == null ? absent : f.number();
    }

    /** A repeated integer field, packed or not. */
    List<Long> numbers(int tag) {
        List<Long> out = new ArrayList<>();
        for (Field f : all(tag)) {
            if (f.wireType() == LENGTH_DELIMITED) {
                int[] pos = {0};
                while (pos[0] < f.bytes().length) {
                    out.add(readVarint(f.bytes(), pos));
                }
            } else {
                out.add(f.number());
            }
        }
        return out;
    }

    private static long readVarint(byte[] data, int[] pos) {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (pos[0] >= data.length) {
                throw new IllegalArgumentException("varint truncated");
            }
            byte b = data[pos[0]++];
            value |= (long) (b & 0x7f) << shift;
            if (b >= 0) {
                return value;
            }
        }
        throw new IllegalArgumentException("varint too long");
    }

    private static long readLittleEndian(byte[] data, int at, int width) {
        if (at + width > data.length) {
            throw new IllegalArgumentException("fixed-width value truncated");
        }
        long value = 0;
        for (int i = width - 1; i >= 0; i--) {
            value = (value << 8) | (data[at + i] & 0xffL);
        }
        return value;
    }

    private static void writeVarint(ByteArrayOutputStream out, long value) {
        while ((value & ~0x7fL) != 0) {
            out.write((int) ((value & 0x7f) | 0x80));
            value >>>= 7;
        }
        out.write((int) value);
    }

    private static void writeLittleEndian(ByteArrayOutputStream out, long value, int width) {
        for (int i = 0; i < width; i++) {
            out.write((int) (value >>> (8 * i)) & 0xff);
        }
    }
}
