package org.sightline.speech.braille;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.speech.Priority;
import org.sightline.speech.RecordingSpeechOutput;
import org.sightline.speech.SpeechOutput;
import org.sightline.speech.SpeechOutputs;
import org.sightline.speech.TeeSpeechOutput;
import org.sightline.speech.SpeechStream;

/** Sightline's speech on a braille display served by a real BRLTTY, read back through its virtual driver. */
class BrailleOutputTest {

    private static final int CELLS = 20;
    private static final Duration WAIT = Duration.ofSeconds(5);

    @TempDir
    static Path work;

    private static VirtualBrailleDisplay display;
    private static BrailleOutput braille;

    @BeforeAll
    static void startBrltty() throws Exception {
        assumeTrue(VirtualBrailleDisplay.installed(),
                "brltty is not installed (Debian package brltty; .ci/install installs it)");
        display = new VirtualBrailleDisplay(CELLS, work);
        long start = System.nanoTime();
        braille = BrailleOutput.connect(display.apiHost(), "none", Duration.ofSeconds(10))
                .orElseThrow(() -> new AssertionError("no BrlAPI connection; BRLTTY's log:\n" + display.brlttyLog()));
        System.out.printf("BRLTTY running: connected to a %d-cell display in %d ms%n", braille.cells(),
                (System.nanoTime() - start) / 1_000_000);
    }

    @AfterAll
    static void stopBrltty() throws Exception {
        if (braille != null) {
            braille.close();
        }
        if (display != null) {
            display.close();
        }
    }

    @BeforeEach
    void forget() {
        display.clear();
    }

    @Test
    void theDisplayReportsItsWidth() {
        assertEquals(CELLS, braille.cells());
    }

    @Test
    void anAnswerAppearsOnTheDisplay() throws Exception {
        long start = System.nanoTime();
        braille.speak("Two people at a desk.", Priority.NOW);
        display.await(line -> line.equals("Two people at a"), WAIT);
        System.out.printf("Shown on the display %d ms after speak()%n", (System.nanoTime() - start) / 1_000_000);
    }

    @Test
    void panningKeysMoveThroughTheMessageByTheDisplaysWidth() throws Exception {
        braille.speak("The invoice total is 42 euros, due on Friday.", Priority.NOW);
        display.await(line -> line.equals("The invoice total is"), WAIT);

        display.press("FwinRt");
        display.await(line -> line.equals("42 euros, due on"), WAIT);
        display.press("LnDn");
        display.await(line -> line.equals("Friday."), WAIT);
        display.clear();
        display.press("FwinLt");
        display.await(line -> line.equals("42 euros, due on"), WAIT);
        assertEquals("42 euros, due on", braille.shown());
    }

    @Test
    void theLatestMessageReplacesTheEarlierOne() throws Exception {
        braille.speak("Reading the screen.", Priority.NOW);
        display.await(line -> line.equals("Reading the screen."), WAIT);
        braille.speak("Done.", Priority.NORMAL);
        display.await(line -> line.equals("Done."), WAIT);
    }

    @Test
    void aStreamedAnswerGrowsSentenceBySentence() throws Exception {
        try (SpeechStream stream = braille.openStream(Priority.NOW)) {
            stream.append("A red car. It is par");
            display.await(line -> line.equals("A red car."), WAIT);
            stream.append("ked.");
        }
        display.await(line -> line.equals("A red car. It is"), WAIT);
        display.press("FwinRt");
        display.await(line -> line.equals("parked."), WAIT);
    }

    @Test
    void theVoiceAndTheDisplayBothGetEachMessage() throws Exception {
        RecordingSpeechOutput voice = new RecordingSpeechOutput();
        SpeechOutput speech = SpeechOutputs.withBraille(voice, java.util.Optional.of(braille));
        assertTrue(speech instanceof TeeSpeechOutput);
        speech.speak("Page 2 of 5.", Priority.NOW);
        display.await(line -> line.equals("Page 2 of 5."), WAIT);
        try (SpeechStream stream = speech.openStream(Priority.NOW)) {
            stream.append("The chart rises. Then it falls.");
        }
        display.await(line -> line.equals("The chart rises."), WAIT);
        speech.stop();
        assertEquals(List.of("Page 2 of 5.", "The chart rises.", "Then it falls."), voice.spoken());
        assertEquals("The chart rises.", braille.shown(), "a stop silences the voice; the text stays to be read");
    }

    @Test
    void aWordWiderThanTheDisplayIsCut() {
        assertEquals(List.of("Donaudampfschiffahrt", "sgesellschaft"),
                BrailleWindows.of("Donaudampfschiffahrtsgesellschaft", CELLS).windows());
    }

    @Test
    void theWindowsBreakBetweenWords() {
        assertEquals(List.of("The invoice total is", "42 euros, due on", "Friday."),
                BrailleWindows.of("The invoice total is 42 euros,\ndue on Friday.", CELLS).windows());
    }
}
