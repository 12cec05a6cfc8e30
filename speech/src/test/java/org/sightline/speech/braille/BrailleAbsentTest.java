package org.sightline.speech.braille;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.sightline.speech.Priority;
import org.sightline.speech.RecordingSpeechOutput;
import org.sightline.speech.SpeechOutput;
import org.sightline.speech.SpeechOutputs;

/** Where no BRLTTY answers, the braille sink is simply not there, at once, and the voice speaks as before. */
class BrailleAbsentTest {

    @Test
    void withNoBrlttyTheSinkIsAbsentWithinAFewHundredMilliseconds() throws IOException {
        String host = "127.0.0.1:" + unusedApiNumber();
        long start = System.nanoTime();
        var braille = BrailleOutput.connect(host, "none");
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(braille).isEmpty();
        assertThat(took).isLessThan(Duration.ofMillis(BrlApi.CONNECT_TIMEOUT.toMillis()));
        System.out.printf("No BRLTTY: the braille sink was found absent in %d ms%n", took.toMillis());
    }

    @Test
    void withNoBrlttySpeakingStillWorksThroughTheVoiceAlone() throws IOException {
        RecordingSpeechOutput voice = new RecordingSpeechOutput();
        SpeechOutput speech = SpeechOutputs.withBraille(voice,
                BrailleOutput.connect("127.0.0.1:" + unusedApiNumber(), "none"));
        assertThat(speech).isSameAs(voice);
        speech.speak("Two people at a desk.", Priority.NOW);
        assertThat(voice.spoken()).containsExactly("Two people at a desk.");
    }

    @Test
    void withNoLocalBrlttySocketTheSinkIsAbsent() {
        assertThat(java.nio.file.Files.exists(BrlApiWire.SOCKET_DIRECTORY.resolve("97"))).isFalse();
        assertThat(BrailleOutput.connect(":97", "none")).isEmpty();
    }

    @Test
    void panningKeyCodesAreBrlapiCommands() {
        long cmd = BrlApi.KEY_TYPE_CMD;
        assertThat(BrlApi.Command.of(cmd | BrlApi.CMD_FWINRT)).contains(BrlApi.Command.FORWARD);
        assertThat(BrlApi.Command.of(cmd | BrlApi.CMD_LNDN)).contains(BrlApi.Command.FORWARD);
        assertThat(BrlApi.Command.of(cmd | BrlApi.CMD_FWINLT)).contains(BrlApi.Command.BACK);
        assertThat(BrlApi.Command.of(cmd | BrlApi.CMD_LNUP)).contains(BrlApi.Command.BACK);
        // A routing key (block 0x10000) and a typed character (type SYM) are left alone.
        assertThat(BrlApi.Command.of(cmd | 0x1_0000L | 3)).isEmpty();
        assertThat(BrlApi.Command.of(0x61L)).isEmpty();
    }

    @Test
    void theTerminalComesFromWindowpathThenControlvtElseTheRoot() {
        assertThat(BrlApi.ttyPath("7", "3")).containsExactly(7);
        assertThat(BrlApi.ttyPath("1:7", null)).containsExactly(1, 7);
        assertThat(BrlApi.ttyPath(null, "3")).containsExactly(3);
        assertThat(BrlApi.ttyPath("", "x")).isEmpty();
        assertThat(BrlApi.ttyPath(null, null)).isEmpty();
    }

    /** A BrlAPI host number (port 4101 + n) that nothing listens on. */
    private static int unusedApiNumber() throws IOException {
        for (int n = 99; n > 10; n--) {
            try (ServerSocket probe = new ServerSocket(4101 + n, 1, InetAddress.getLoopbackAddress())) {
                return probe.getLocalPort() - 4101;
            } catch (IOException busy) {
                // try another
            }
        }
        throw new IOException("every BrlAPI port is in use");
    }
}
