package org.sightline.app.assistant;

import java.util.function.Consumer;
import org.sightline.app.AppText;
import org.sightline.task.TaskContext;
import org.sightline.vision.capture.Capture;
import org.sightline.vision.ocr.OcrResult;
import org.sightline.vision.read.TextReader;

/**
 * Reading for the app: vision's {@link TextReader} (one warm engine, the last capture's text kept), with the
 * app's sentence when a capture has no text. Lines reach the chat as soon as they are recognised.
 */
public final class OcrReadService implements ReadService, AutoCloseable {

    private final TextReader reader;

    public OcrReadService(TextReader reader) {
        this.reader = reader;
    }

    /** The shared reader, for the other features that need a capture's text (describe, the element map). */
    public TextReader reader() {
        return reader;
    }

    /** Loads the engine ahead of the first read, on a background thread. */
    public void preload() {
        reader.preload();
    }

    /** Whether the models are loaded and reading can start at once. */
    public boolean isLoaded() {
        return reader.isLoaded();
    }

    /** Reads {@code capture}, handing each line's text to {@code line} as it comes. */
    public OcrResult recognise(Capture capture, TaskContext context, Consumer<String> line) {
        return reader.recognise(capture, context, line);
    }

    @Override
    public String read(Capture capture, TaskContext context, Consumer<String> line) {
        OcrResult result = recognise(capture, context, line);
        return result.isEmpty() ? AppText.get("read.noText") : result.text();
    }

    @Override
    public void close() {
        reader.close();
    }
}
