package org.sightline.vision.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.sightline.i18n.Messages;
import org.sightline.vision.ocr.BundledOcrModels;
import org.sightline.vision.ocr.ppocr.PpOcrEngine;

/**
 * The real PP-OCRv4 engine, from the models bundled with Sightline, loaded once for a test class and closed after
 * it, with Sightline's messages in English meanwhile (tests compare what a user would read). Register it as a
 * static field: {@code @RegisterExtension static final RealOcr OCR = new RealOcr();}.
 */
public final class RealOcr implements BeforeAllCallback, AfterAllCallback {

    private Path models;
    private PpOcrEngine engine;
    private Locale saved;

    /** The engine; only between the class's start and end. */
    public PpOcrEngine engine() {
        if (engine == null) {
            throw new IllegalStateException("the OCR engine is loaded for a test class: register RealOcr statically");
        }
        return engine;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        saved = Messages.locale();
        Messages.setLocale(Locale.ENGLISH);
        models = Files.createTempDirectory("sightline-ocr-models");
        engine = PpOcrEngine.load(BundledOcrModels.extractTo(models));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        try {
            if (engine != null) {
                engine.close();
                engine = null;
            }
        } finally {
            Messages.setLocale(saved);
            delete(models);
        }
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
