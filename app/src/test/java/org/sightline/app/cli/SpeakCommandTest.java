package org.sightline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sightline.speech.audio.AudioDevices;
import org.sightline.speech.engine.EspeakNgEngine;
import org.sightline.speech.engine.SpeechDispatcherEngine;

/** {@code sightline speak} as a user runs it: real engines, real WAV files, exit codes and one-line messages. */
class SpeakCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"freetts", "espeak-ng"})
    void writesAudibleSpeechToAWavFile(String engine) throws Exception {
        assumeTrue(!engine.equals("espeak-ng") || new EspeakNgEngine().isAvailable(), "espeak-ng is not installed; skipping");
        Path wav = dir.resolve("x.wav");
        assertThat(run("speak", "Hello from Sightline", "--engine", engine, "--out", wav.toString()))
                .as(stderr()).isZero();
        assertThat(stdout()).contains("x.wav").contains(engine);
        try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
            byte[] pcm = in.readAllBytes();
            double seconds = pcm.length / (double) in.getFormat().getFrameSize() / in.getFormat().getFrameRate();
            assertThat(seconds).isBetween(0.6, 3.0);
            assertThat(rms16(pcm, in.getFormat().isBigEndian())).isGreaterThan(0.03);
        }
    }

    @Test
    void listsEnginesAndVoices() {
        assertThat(run("speak", "--list")).isZero();
        assertThat(stdout()).contains("* freetts").contains("* silent").contains("kevin16").contains("speech-dispatcher");
    }

    @Test
    void badInputGetsOneClearLineAndTheRightExitCode() {
        Path wav = dir.resolve("x.wav");
        assertThat(run("speak", "", "--out", wav.toString())).isEqualTo(3);
        assertThat(stderr()).contains("nothing to say");
        assertThat(run("speak", "hi", "--engine", "nope", "--out", wav.toString())).isEqualTo(3);
        assertThat(stderr()).contains("no speech engine called \"nope\"");
        assertThat(run("speak", "hi", "--rate", "9", "--out", wav.toString())).isEqualTo(3);
        assertThat(run("speak", "hi", "--engine", "freetts", "--voice", "bob", "--out", wav.toString())).isEqualTo(3);
        assertThat(run("speak", "hi", "--out", dir.resolve("missing/x.wav").toString())).isEqualTo(3);
        assertThat(run("speak", "你好", "--engine", "freetts", "--out", wav.toString())).isEqualTo(3);
        assertThat(stderr()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(Files.exists(wav)).isFalse();
    }

    @Test
    void speakingAloudWithNoSoundAndNoSpeechDispatcherExitsWithFive() {
        assumeFalse(AudioDevices.hasOutput(), "this machine has a sound device");
        assumeFalse(new SpeechDispatcherEngine().isAvailable(), "a speech-dispatcher server is running here");
        assertThat(run("speak", "Hello")).isEqualTo(5);
        assertThat(stderr()).contains("no audio output device").contains("--out");
    }

    private static double rms16(byte[] pcm, boolean bigEndian) {
        double sum = 0;
        for (int i = 0; i + 1 < pcm.length; i += 2) {
            int hi = bigEndian ? pcm[i] : pcm[i + 1];
            int lo = (bigEndian ? pcm[i + 1] : pcm[i]) & 0xff;
            double s = ((hi << 8) | lo) / 32768.0;
            sum += s * s;
        }
        return Math.sqrt(sum / Math.max(1, pcm.length / 2));
    }
}
