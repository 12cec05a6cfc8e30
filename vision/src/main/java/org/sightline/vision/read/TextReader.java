package org.sightline.vision.read;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sightline.i18n.Messages;
import org.sightline.models.CatalogModelStore;
import org.sightline.task.Progress;
import org.sightline.task.TaskContext;
import org.sightline.vision.capture.Capture;
import org.sightline.vision.ocr.OcrEngine;
import org.sightline.vision.ocr.OcrListener;
import org.sightline.vision.ocr.OcrProviders;
import org.sightline.vision.ocr.OcrResult;

/**
 * Reads the text of captures and images with the best available OCR engine. The engine loads on first use (or
 * ahead of it, {@link #preload}) and stays warm for every later read; the last capture's text is kept, so
 * describing, reading and browsing the same capture recognise it once.
 */
public final class TextReader implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TextReader.class);
    private static final Messages MESSAGES = new Messages("org.sightline.vision.ocr.messages");

    private final CatalogModelStore store;
    private final OcrProviders providers;
    private volatile OcrEngine engine;
    private Capture lastCapture;
    private OcrResult lastResult;

    public TextReader(CatalogModelStore store) {
        this(store, OcrProviders.discover());
    }

    public TextReader(CatalogModelStore store, OcrProviders providers) {
        this.store = store;
        this.providers = providers;
    }

    /**
     * Starts loading the engine on a background thread of low priority, and reads one short line with it, so
     * the first read or description after the app starts neither waits seconds for the models nor runs cold. A
     * failure is left for that first use to report, with its own message and progress.
     */
    public void preload() {
        Thread loader = new Thread(() -> {
            try {
                // One short line read once: the first real page then runs compiled code on ready buffers
                // (the first description after start came 0.8 s sooner).
                read(warmUpLine(), OcrListener.NONE, TaskContext.none());
            } catch (RuntimeException e) {
                LOG.debug("OCR models not loaded ahead of use: {}", e.toString());
            }
        }, "sightline-ocr-preload");
        loader.setDaemon(true);
        loader.setPriority(Thread.MIN_PRIORITY);
        loader.start();
    }

    private static BufferedImage warmUpLine() {
        BufferedImage img = new BufferedImage(640, 64, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 18));
        g.drawString("Sightline reads text: 0123456789 (ready)", 16, 40);
        g.dispose();
        return img;
    }

    /** Whether the engine is loaded and reading can start at once. */
    public boolean isLoaded() {
        return engine != null;
    }

    /** The engine, loading it once. */
    public synchronized OcrEngine engine(TaskContext context) {
        if (engine == null) {
            context.progress(Progress.indeterminate(MESSAGES.get("ocr.progress.loading")));
            engine = providers.load(store, context);
        }
        return engine;
    }

    /**
     * Reads {@code capture}, handing each line's text to {@code line} as it comes, with progress counting the
     * lines. The same capture asked again is answered from the kept result.
     *
     * @throws org.sightline.error.SightlineException BAD_INPUT when the capture is blank
     */
    public OcrResult recognise(Capture capture, TaskContext context, Consumer<String> line) {
        synchronized (this) {
            if (capture == lastCapture) {
                lastResult.lines().forEach(l -> line.accept(l.text()));
                return lastResult;
            }
        }
        OcrResult result = read(capture.image(), (textLine, position) -> {
            line.accept(textLine.text());
            if (position.expectedLines() > 0) {
                context.progress(new Progress(position.index() + 1, position.expectedLines(),
                        MESSAGES.get("ocr.progress.line", position.index() + 1, position.expectedLines())));
            }
        }, context);
        synchronized (this) {
            lastCapture = capture;
            lastResult = result;
        }
        return result;
    }

    /**
     * Reads an image that is not a capture (a file on the command line), handing each line to {@code listener}
     * with its place in the page. Nothing is kept.
     */
    public OcrResult read(BufferedImage image, OcrListener listener, TaskContext context) {
        OcrEngine ocr = engine(context);
        synchronized (ocr) {
            if (ocr != engine) {
                // Closed between loading and reading: its native sessions are gone.
                throw new IllegalStateException("the text reader was closed");
            }
            return ocr.read(image, listener, context);
        }
    }

    /** Closes the engine once no read is running on it; a later read loads it again. */
    @Override
    public void close() {
        OcrEngine closing;
        synchronized (this) {
            closing = engine;
            engine = null;
            lastCapture = null;
            lastResult = null;
        }
        if (closing != null) {
            synchronized (closing) {
                closing.close();
            }
        }
    }
}
