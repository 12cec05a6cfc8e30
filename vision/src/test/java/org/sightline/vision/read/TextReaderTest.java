package org.sightline.vision.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.error.Problem;
import org.sightline.error.SightlineException;
import org.sightline.i18n.Messages;
import org.sightline.models.Catalog;
import org.sightline.models.CatalogModelStore;
import org.sightline.models.ModelStoreConfig;
import org.sightline.task.CancellationToken;
import org.sightline.task.Progress;
import org.sightline.task.TaskContext;
import org.sightline.vision.capture.Capture;
import org.sightline.vision.capture.CaptureSource;
import org.sightline.vision.ocr.OcrResult;
import org.sightline.vision.testing.TestFonts;

/** The shared text reader over the real PP-OCR model, installed from the jar into an empty cache. */
class TextReaderTest {

    @TempDir
    Path cache;
    private Locale saved;
    private TextReader reader;

    @BeforeEach
    void setUp() {
        saved = Messages.locale();
        Messages.setLocale(Locale.ENGLISH);
        reader = new TextReader(new CatalogModelStore(Catalog.builtIn(),
                ModelStoreConfig.defaults().withCacheDirectory(cache).withOffline(true)));
    }

    @AfterEach
    void tearDown() {
        reader.close();
        Messages.setLocale(saved);
    }

    private static BufferedImage line(String text) {
        BufferedImage page = new BufferedImage(500, 80, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = page.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 500, 80);
        g.setColor(Color.BLACK);
        g.setFont(TestFonts.sans(Font.PLAIN, 20));
        g.drawString(text, 20, 48);
        g.dispose();
        return page;
    }

    @Test
    void modelsLoadInTheBackgroundBeforeTheFirstReadAndThatReadUsesThem() throws Exception {
        assertThat(reader.isLoaded()).isFalse();
        reader.preload();
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (!reader.isLoaded() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(reader.isLoaded()).as("loaded in the background").isTrue();

        List<String> lines = new ArrayList<>();
        OcrResult result = reader.recognise(Capture.ofImage(line("Loaded before the first key"), CaptureSource.FILE,
                "test"), TaskContext.none(), lines::add);
        assertThat(result.text().strip()).isEqualTo("Loaded before the first key");
        assertThat(lines).containsExactly("Loaded before the first key");
    }

    @Test
    void theSameCaptureIsRecognisedOnceAndItsLinesAreHandedOnAgain() {
        Capture capture = Capture.ofImage(line("Read me once"), CaptureSource.FILE, "once");
        List<Progress> progress = new ArrayList<>();
        TaskContext watched = TaskContext.of(new CancellationToken(), progress::add);
        OcrResult first = reader.recognise(capture, watched, line -> { });
        assertThat(progress).extracting(Progress::message).contains("Loading the text recognition models",
                "Reading line 1 of 1");

        List<String> again = new ArrayList<>();
        assertThat(reader.recognise(capture, TaskContext.none(), again::add)).isSameAs(first);
        assertThat(again).containsExactly("Read me once");

        Capture other = Capture.ofImage(line("Read me once"), CaptureSource.FILE, "twice");
        assertThat(reader.recognise(other, TaskContext.none(), l -> { })).isNotSameAs(first);
    }

    @Test
    void aBlankCaptureIsRefusedWithTheBlankSentence() {
        BufferedImage black = new BufferedImage(320, 200, BufferedImage.TYPE_INT_RGB);
        assertThatThrownBy(() -> reader.recognise(Capture.ofImage(black, CaptureSource.FILE, "black"),
                TaskContext.none(), l -> { }))
                .isInstanceOfSatisfying(SightlineException.class, e -> {
                    assertThat(e.problem()).isEqualTo(Problem.BAD_INPUT);
                    assertThat(e.getMessage()).isEqualTo("The capture is blank; is a screen curtain on?");
                });
    }
}
