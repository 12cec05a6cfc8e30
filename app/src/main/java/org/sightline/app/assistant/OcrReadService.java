package org.sightline.app.assistant;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sightline.app.AppText;
import org.sightline.models.ModelStore;
import org.sightline.task.Progress;
import org.sightline.task.TaskContext;
import org.sightline.vision.capture.Capture;
import org.sightline.vision.ocr.OcrEngine;
import org.sightline.vision.ocr.OcrResult;
import org.sightline.vision.ocr.ppocr.PpOcrEngine;

/**
 * Reads text with PP-OCR. The models load on first use and stay ready for every later read; lines reach the
 * chat as soon as they are recognised, and progress counts them.
 */
public final class OcrReadService implements ReadService, AutoCloseable {

    private static final String MODEL = "ppocr-v4";
    private static final Logger LOG = LoggerFactory.getLogger(OcrReadService.class);

    private final ModelStore store;
    private volatile OcrEngine engine;
    private Capture lastCapture;
    private OcrResult lastResult;

    public OcrReadService(ModelStore store) {
        this.store = store;
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
                engine(TaskContext.none()).read(warmUpLine(), TaskContext.none());
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

    /** Whether the models are loaded and reading can start at once. */
    public boolean isLoaded() {
        return engine != null;
    }

    /** The engine, loading it once; shared with other features that need OCR (describe, the element map). */
    public synchronized OcrEngine engine(TaskContext context) {
        if (engine == null) {
            context.progress(Progress.indeterminate(AppText.get("progress.loadingOcr")));
            engine = PpOcrEngine.load(store.require(MODEL, context));
        }
        return engine;
    }

    /**
     * Reads {@code capture}, handing each line's text to {@code line} as it comes. The last capture's text is
     * kept: describing, reading and browsing the same capture recognise it once.
     */
    public OcrResult recognise(Capture capture, TaskContext context, Consumer<String> line) {
        synchronized (this) {
            if (capture == lastCapture) {
                lastResult.lines().forEach(l -> line.accept(l.text()));
                return lastResult;
            }
        }
        OcrEngine ocr = engine(context);
        OcrResult result;
        synchronized (ocr) {
            result = ocr.read(capture.image(), (textLine, position) -> {
                line.accept(textLine.text());
                if (position.expectedLines() > 0) {
                    context.progress(new Progress(position.index() + 1, position.expectedLines(),
                            AppText.get("progress.readingLine", position.index() + 1,
                                    position.expectedLines())));
                }
            }, context);
        }
        synchronized (this) {
            lastCapture = capture;
            lastResult = result;
        }
        return result;
    }

    @Override
    public String read(Capture capture, TaskContext context, Consumer<String> line) {
        OcrResult result = recognise(capture, context, line);
        return result.isEmpty() ? AppText.get("read.noText") : result.text();
    }

    @Override
    public synchronized void close() {
        if (engine != null) {
            engine.close();
            engine = null;
        }
    }
}
