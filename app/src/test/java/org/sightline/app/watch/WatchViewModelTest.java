package org.sightline.app.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.i18n.Messages;
import org.sightline.speech.Priority;
import org.sightline.speech.RecordingSpeechOutput;
import org.sightline.vision.live.TextWindow;
import org.sightline.vision.ocr.BundledOcrModels;
import org.sightline.vision.ocr.OcrEngine;
import org.sightline.vision.ocr.ppocr.PpOcrEngine;
import org.sightline.vision.testing.Displays;
import org.sightline.vision.testing.TestFonts;

/** The watch key's model with a recording speech output, a real window under Xvfb and the real OCR models. */
@Tag("slow")
class WatchViewModelTest {

    @TempDir
    static Path models;
    private static OcrEngine engine;
    private static Locale saved;

    @BeforeAll
    static void load() {
        saved = Messages.locale();
        Displays.assumeX11();
        Messages.setLocale(Locale.ENGLISH);
        engine = PpOcrEngine.load(BundledOcrModels.extractTo(models));
    }

    @AfterAll
    static void close() {
        if (engine != null) {
            engine.close();
        }
        Messages.setLocale(saved);
    }

    private static void await(BooleanSupplier condition, long millis) throws InterruptedException {
        long end = System.currentTimeMillis() + millis;
        while (!condition.getAsBoolean() && System.currentTimeMillis() < end) {
            Thread.sleep(50);
        }
    }

    @Test
    void theKeyStartsWatchingSpeaksNewSubtitlesLatestFirstAndStops() throws Exception {
        RecordingSpeechOutput speech = new RecordingSpeechOutput();
        try (TextWindow w = TextWindow.open("Film player", new Rectangle(80, 420, 700, 90),
                TestFonts.sans(Font.PLAIN, 26), Color.WHITE, Color.BLACK);
             WatchViewModel model = new WatchViewModel(speech, () -> engine)) {
            model.toggle(w.activate());
            await(() -> speech.spoken().contains("Watching Film player."), 5000);
            assertThat(model.isWatching()).isTrue();
            w.show(List.of("Where is the harbour?"));
            await(() -> speech.spoken().contains("Where is the harbour?"), 4000);
            w.show(List.of("Past the old lighthouse."));
            await(() -> speech.spoken().contains("Past the old lighthouse."), 4000);
            model.toggle(null);
            await(() -> speech.spoken().contains("Stopped watching."), 4000);

            assertThat(speech.spoken()).containsExactly("Watching Film player.", "Where is the harbour?",
                    "Past the old lighthouse.", "Stopped watching.");
            assertThat(speech.events()).filteredOn(e -> "Past the old lighthouse.".equals(e.text()))
                    .extracting(RecordingSpeechOutput.Event::priority).containsExactly(Priority.NOW);
            assertThat(model.isWatching()).isFalse();
        }
    }
}
