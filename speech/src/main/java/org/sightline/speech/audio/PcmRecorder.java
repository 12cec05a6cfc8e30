package org.sightline.speech.audio;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/**
 * Keeps the audio an engine produces, to write it as a WAV file or measure it. If the format changes mid-way
 * the earlier audio is kept and later audio in another format is dropped (no engine does that today).
 */
public final class PcmRecorder implements PcmSink {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private AudioFormat format;

    @Override
    public synchronized void begin(AudioFormat newFormat) {
        if (format == null) {
            format = newFormat;
        }
    }

    @Override
    public synchronized boolean write(byte[] data, int offset, int length) {
        if (format != null) {
            bytes.write(data, offset, length);
        }
        return true;
    }

    public synchronized AudioFormat format() {
        return format;
    }

    public synchronized byte[] pcm() {
        return bytes.toByteArray();
    }

    /** Length of the recorded audio. */
    public synchronized double seconds() {
        if (format == null) {
            return 0;
        }
        return bytes.size() / (double) format.getFrameSize() / format.getFrameRate();
    }

    /** Writes the audio as a WAV file, through a temporary file so a half-written WAV is never left behind. */
    public synchronized void writeWav(Path out) throws IOException {
        if (format == null) {
            throw new IOException("no audio was produced");
        }
        byte[] pcm = bytes.toByteArray();
        Path dir = out.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, ".sightline-", ".wav.part");
        try {
            try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(pcm), format,
                    pcm.length / format.getFrameSize())) {
                AudioSystem.write(in, AudioFileFormat.Type.WAVE, tmp.toFile());
            }
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
