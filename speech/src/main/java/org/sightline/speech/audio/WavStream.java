package org.sightline.speech.audio;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import javax.sound.sampled.AudioFormat;

/**
 * Reads a PCM WAV stream as it is written (espeak-ng's --stdout, a PowerShell pipe) and passes the samples
 * to a sink in small pieces. Streams whose header claims an unknown length (0x7fffffff) are read to their
 * end. Small pieces keep first audio early and let a stop take effect within a few milliseconds.
 */
public final class WavStream {

    /** About 23 ms of 22 kHz mono 16-bit audio. */
    private static final int PIECE = 1024;

    private WavStream() {
    }

    /**
     * Copies the samples to {@code sink}. Returns true if the stream ended, false if the sink asked to stop.
     *
     * @throws IOException when the stream is not a PCM WAV or breaks off inside the header
     */
    public static boolean copy(InputStream raw, PcmSink sink) throws IOException {
        DataInputStream in = new DataInputStream(raw);
        String riff = fourCc(in);
        if (!"RIFF".equals(riff)) {
            throw new IOException("not a WAV stream (starts with " + riff + ")");
        }
        littleInt(in);
        if (!"WAVE".equals(fourCc(in))) {
            throw new IOException("not a WAVE stream");
        }
        AudioFormat format = null;
        while (true) {
            String id = fourCc(in);
            long size = littleInt(in) & 0xffffffffL;
            if ("fmt ".equals(id)) {
                int tag = littleShort(in);
                int channels = littleShort(in);
                int rate = littleInt(in);
                littleInt(in);
                littleShort(in);
                int bits = littleShort(in);
                in.skipNBytes(size - 16);
                if (tag != 1 && tag != 0xFFFE) {
                    throw new IOException("WAV stream is not PCM (format tag " + tag + ")");
                }
                format = new AudioFormat(rate, bits, channels, bits > 8, false);
            } else if ("data".equals(id)) {
                if (format == null) {
                    throw new IOException("WAV stream has data before its format");
                }
                sink.begin(format);
                return pump(in, sink, format.getFrameSize());
            } else {
                in.skipNBytes(size + (size & 1));
            }
        }
    }

    private static boolean pump(InputStream in, PcmSink sink, int frameSize) throws IOException {
        byte[] buf = new byte[PIECE];
        int held = 0;
        while (true) {
            int n = in.read(buf, held, buf.length - held);
            if (n < 0) {
                if (held >= frameSize) {
                    return sink.write(buf, 0, held - held % frameSize);
                }
                return true;
            }
            held += n;
            int whole = held - held % frameSize;
            if (whole > 0) {
                if (!sink.write(buf, 0, whole)) {
                    return false;
                }
                System.arraycopy(buf, whole, buf, 0, held - whole);
                held -= whole;
            }
        }
    }

    private static String fourCc(DataInputStream in) throws IOException {
        byte[] b = new byte[4];
        try {
            in.readFully(b);
        } catch (EOFException e) {
            throw new IOException("WAV stream ended inside its header", e);
        }
        return new String(b, java.nio.charset.StandardCharsets.US_ASCII);
    }

    private static int littleInt(DataInputStream in) throws IOException {
        return Integer.reverseBytes(in.readInt());
    }

    private static int littleShort(DataInputStream in) throws IOException {
        return Short.toUnsignedInt(Short.reverseBytes(in.readShort()));
    }
}
