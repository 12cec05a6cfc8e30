package org.sightline.models.runtime;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One Protocol Buffers message as its ordered list of fields, enough to read and rewrite ONNX files without
 * generated classes: values are kept as they were read, so a message written back unchanged is byte for byte
 * the message that was read. Length-delimited values are slices of the bytes they were read from, not copies:
 * an ONNX file is mostly weights, and copying them at every level of nesting cost more than the rewrite itself.
 */
final class ProtoMessage {

    static final int VARINT = 0;
    static final int FIXED64 = 1;
    static final int LENGTH_DELIMITED = 2;
    static final int FIXED32 = 5;

    /**
     * One field: for varints and fixed-width values {@code number} holds the value (fixed-width ones as their raw
     * bits), for length-delimited ones {@code data[offset, offset + length)} holds the payload.
     */
    record Field(int tag, int wireType, long number, byte[] data, int offset, int length) {

        static Field bytes(int tag, byte[] value) {
            return new Field(tag, LENGTH_DELIMITED, 0, value, 0, value.length);
        }

        static Field string(int tag, String value) {
            return bytes(tag, value.getBytes(StandardCharsets.UTF_8));
        }

        static Field varint(int tag, long value) {
            return new Field(tag, VARINT, value, null, 0, 0);
        }

        static Field fixed32(int tag, int bits) {
            return new Field(tag, FIXED32, bits & 0xffffffffL, null, 0, 0);
        }

        String string() {
            return new String(data, offset, length, StandardCharsets.UTF_8);
        }

        /** The payload as a read-only buffer over the original bytes. */
        ByteBuffer buffer() {
            return ByteBuffer.wrap(data, offset, length).slice().asReadOnlyBuffer();
        }

        /** The payload parsed as a message. */
        ProtoMessage message() {
            return ProtoMessage.parse(data, offset, length);
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
        return parse(data, 0, data.length);
    }

    static ProtoMessage parse(byte[] data, int offset, int length) {
        List<Field> fields = new ArrayList<>();
        int end = offset + length;
        int[] pos = {offset};
        while (pos[0] < end) {
            long key = readVarint(data, pos, end);
            int tag = (int) (key >>> 3);
            int wire = (int) (key & 7);
            switch (wire) {
                case VARINT -> fields.add(new Field(tag, wire, readVarint(data, pos, end), null, 0, 0));
                case FIXED64 -> {
                    fields.add(new Field(tag, wire, readLittleEndian(data, pos[0], 8, end), null, 0, 0));
                    pos[0] += 8;
                }
                case FIXED32 -> {
                    fields.add(new Field(tag, wire, readLittleEndian(data, pos[0], 4, end), null, 0, 0));
                    pos[0] += 4;
                }
                case LENGTH_DELIMITED -> {
                    long size = readVarint(data, pos, end);
                    if (size < 0 || size > end - pos[0]) {
                        throw new IllegalArgumentException("field " + tag + " runs past the end of its message");
                    }
                    fields.add(new Field(tag, wire, 0, data, pos[0], (int) size));
                    pos[0] += (int) size;
                }
                default -> throw new IllegalArgumentException("unsupported wire type " + wire + " in field " + tag);
            }
        }
        return new ProtoMessage(fields);
    }

    byte[] toBytes() {
        int size = 0;
        for (Field f : fields) {
            size += varintSize(((long) f.tag() << 3) | f.wireType());
            size += switch (f.wireType()) {
                case VARINT -> varintSize(f.number());
                case FIXED64 -> 8;
                case FIXED32 -> 4;
                default -> varintSize(f.length()) + f.length();
            };
        }
        byte[] out = new byte[size];
        int at = 0;
        for (Field f : fields) {
            at = writeVarint(out, at, ((long) f.tag() << 3) | f.wireType());
            switch (f.wireType()) {
                case VARINT -> at = writeVarint(out, at, f.number());
                case FIXED64 -> at = writeLittleEndian(out, at, f.number(), 8);
                case FIXED32 -> at = writeLittleEndian(out, at, f.number(), 4);
                default -> {
                    at = writeVarint(out, at, f.length());
                    System.arraycopy(f.data(), f.offset(), out, at, f.length());
                    at += f.length();
                }
            }
        }
        return out;
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
                int end = f.offset() + f.length();
                int[] pos = {f.offset()};
                while (pos[0] < end) {
                    out.add(readVarint(f.data(), pos, end));
                }
            } else {
                out.add(f.number());
            }
        }
        return out;
    }

    private static long readVarint(byte[] data, int[] pos, int end) {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (pos[0] >= end) {
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

    private static long readLittleEndian(byte[] data, int at, int width, int end) {
        if (at + width > end) {
            throw new IllegalArgumentException("fixed-width value truncated");
        }
        long value = 0;
        for (int i = width - 1; i >= 0; i--) {
            value = (value << 8) | (data[at + i] & 0xffL);
        }
        return value;
    }

    private static int varintSize(long value) {
        int n = 1;
        while ((value & ~0x7fL) != 0) {
            value >>>= 7;
            n++;
        }
        return n;
    }

    private static int writeVarint(byte[] out, int at, long value) {
        while ((value & ~0x7fL) != 0) {
            out[at++] = (byte) ((value & 0x7f) | 0x80);
            value >>>= 7;
        }
        out[at++] = (byte) value;
        return at;
    }

    private static int writeLittleEndian(byte[] out, int at, long value, int width) {
        for (int i = 0; i < width; i++) {
            out[at++] = (byte) (value >>> (8 * i));
        }
        return at;
    }
}
