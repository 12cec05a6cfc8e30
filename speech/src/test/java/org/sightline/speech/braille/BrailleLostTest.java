package org.sightline.speech.braille;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.speech.Priority;
import org.sightline.speech.RecordingSpeechOutput;
import org.sightline.speech.SpeechOutput;
import org.sightline.speech.TeeSpeechOutput;

/**
 * BRLTTY on its local socket, with a key file, and going away while Sightline runs (the sink ends; the voice
 * goes on).
 */
class BrailleLostTest {

    @TempDir
    Path work;

    @Test
    void theLocalSocketAsAnInstalledBrlttyOffersIt() throws Exception {
        assumeTrue(VirtualBrailleDisplay.installed(),
                "brltty is not installed (Debian package brltty; .ci/install installs it)");
        assumeTrue(java.nio.file.Files.isWritable(BrlApiWire.SOCKET_DIRECTORY),
                "BRLTTY can make its local socket only in " + BrlApiWire.SOCKET_DIRECTORY
                        + ", which this user cannot write (the TCP tests cover the protocol)");
        try (VirtualBrailleDisplay display = new VirtualBrailleDisplay(20, work, true)) {
            BrailleOutput braille = BrailleOutput.connect(display.apiHost(), "none", Duration.ofSeconds(10))
                    .orElseThrow();
            braille.speak("Over the local socket.", Priority.NOW);
            display.await(line -> line.equals("Over the local"), Duration.ofSeconds(5));
            display.press("FwinRt");
            display.await(line -> line.equals("socket."), Duration.ofSeconds(5));
            braille.close();
        }
    }

    @Test
    void aKeyFileAuthenticatesAndAWrongKeyIsRefused() throws Exception {
        assumeTrue(VirtualBrailleDisplay.installed(),
                "brltty is not installed (Debian package brltty; .ci/install installs it)");
        Path key = work.resolve("brlapi.key");
        java.nio.file.Files.writeString(key, "a secret shared with BRLTTY");
        Path wrong = work.resolve("wrong.key");
        java.nio.file.Files.writeString(wrong, "not the secret");
        try (VirtualBrailleDisplay display = new VirtualBrailleDisplay(20, work, false, "keyfile:" + key)) {
            assertThat(BrailleOutput.connect(display.apiHost(), "keyfile:" + wrong, Duration.ofSeconds(10))).isEmpty();
            BrailleOutput braille = BrailleOutput.connect(display.apiHost(), "keyfile:" + key,
                    Duration.ofSeconds(10)).orElseThrow();
            braille.speak("Key accepted.", Priority.NOW);
            display.await(line -> line.equals("Key accepted."), Duration.ofSeconds(5));
            braille.close();
        }
    }

    @Test
    void whenBrlttyStopsTheSinkEndsAndTheVoiceGoesOn() throws Exception {
        assumeTrue(VirtualBrailleDisplay.installed(),
                "brltty is not installed (Debian package brltty; .ci/install installs it)");
        RecordingSpeechOutput voice = new RecordingSpeechOutput();
        VirtualBrailleDisplay display = new VirtualBrailleDisplay(20, work);
        BrailleOutput braille;
        try {
            braille = BrailleOutput.connect(display.apiHost(), "none", Duration.ofSeconds(10)).orElseThrow();
            SpeechOutput speech = new TeeSpeechOutput(voice, List.of(braille));
            speech.speak("First.", Priority.NOW);
            display.await(line -> line.equals("First."), Duration.ofSeconds(5));
        } finally {
            display.close();
        }
        SpeechOutput speech = new TeeSpeechOutput(voice, List.of(braille));
        long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (braille.isOpen() && System.nanoTime() < end) {
            speech.speak("Still speaking.", Priority.NOW);
            Thread.sleep(100);
        }
        assertThat(braille.isOpen()).isFalse();
        speech.speak("After the display.", Priority.NOW);
        assertThat(voice.lastSpoken()).isEqualTo("After the display.");
        speech.close();
    }
}
