package org.sightline.vision.ocr.ppocr;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sightline.i18n.Messages;
import org.sightline.models.InstalledModel;
import org.sightline.models.runtime.ClassScores;
import org.sightline.task.CancellationToken;
import org.sightline.task.Progress;
import org.sightline.task.TaskContext;
import org.sightline.vision.image.BlankImage;
import org.sightline.vision.ocr.LineImageCache;
import org.sightline.vision.ocr.OcrEngine;
import org.sightline.vision.ocr.OcrListener;
import org.sightline.vision.ocr.OcrModelFiles;
import org.sightline.vision.ocr.OcrResult;
import org.sightline.vision.ocr.TextBlock;
import org.sightline.vision.ocr.TextLine;
import org.sightline.vision.ocr.layout.PageLayout;
import org.sightline.vision.ocr.layout.ReadingOrder;
import org.sightline.vision.regions.PageRegions;
import org.sightline.vision.regions.RegionFinder;

/**
 * Reads text with PP-OCRv4: the page is detected at screen resolution in tiles, the regions are put in
 * reading order before anything is recognised, and then recognised a few lines at a time from the top, so
 * the first line reaches the listener while the rest of the page is still being read. A line read with little
 * confidence is found and read again at twice the size, and the surer reading kept.
 */
public final class PpOcrEngine implements OcrEngine {

    private static final Logger LOG = LoggerFactory.getLogger(PpOcrEngine.class);
    private static final Messages MESSAGES = new Messages("org.sightline.vision.ocr.messages");
    /** Lines recognised per step: one first for a quick start, then larger steps for better batching. */
    private static final int[] STEP_SIZES = {1, 3, 8, 16};
    /** Detection tiles: 1600 pixels keeps a full-HD screen in at most two runs. */
    private static final int TILE_SIDE = 1600;
    /** Context around each tile core; text up to about twice this tall is seen whole across tile edges. */
    private static final int TILE_MARGIN = 128;
    /** Images longer than this are shrunk for detection only; recognition still uses full resolution. */
    private static final int MAX_DETECTION_SIDE = 4096;
    /** Cores one page may use; reading must leave the speech engine and the screen reader room to run. */
    private static final int MAX_CORES = 4;
    private static final AtomicInteger WORKER_NUMBER = new AtomicInteger();
    /**
     * A line read with a mean confidence under this is read a second time (see {@link #readAgain}); the surer
     * reading is kept. Clear print reads at 0.95 and more.
     */
    private static final double READ_AGAIN_BELOW = 0.93;
    /** The line found again must be at least this share of the first box's width. */
    private static final double READ_AGAIN_WHOLE = 0.9;
    /** Lines whose doubled crop would exceed this many pixels are not read again. */
    private static final long READ_AGAIN_MAX_PIXELS = 16_000_000L;

    private final OnnxModel detectionModel;
    private final OnnxModel directionModel;
    private final OnnxModel recognitionModel;
    private final TextDetector detector;
    private final DirectionClassifier directions;
    private final TextRecognizer recognizer;
    private final SpaceRestorer spaces = new SpaceRestorer();
    /** Runs recognition batches side by side, one core each; null on a single core. */
    private final ExecutorService workers;

    private PpOcrEngine(OcrModelFiles files, int cores) {
        files.requireExisting();
        CharacterSet characters = CharacterSet.read(files.keys());
        OnnxModel det = null;
        OnnxModel cls = null;
        try {
            // Detection's large convolutions split well over cores; recognition's small ones do not, so its
            // batches run side by side instead, each on one core.
            det = OnnxModel.load(files.detection(), cores);
            cls = OnnxModel.load(files.direction(), 1);
            // The decoder needs each step's best class and the space's score, not all 6625 scores.
            this.recognitionModel = OnnxModel.load(files.recognition(), 1,
                    graph -> ClassScores.summarise(graph, CharacterSet.SPACE_FROM_END));
        } catch (RuntimeException e) {
            if (det != null) {
                det.close();
            }
            if (cls != null) {
                cls.close();
            }
            throw e;
        }
        this.detectionModel = det;
        this.directionModel = cls;
        this.detector = new TextDetector(det, new DbPostprocessor(DbPostprocessor.Settings.forScreens()),
                TILE_SIDE, TILE_MARGIN, MAX_DETECTION_SIDE);
        this.directions = new DirectionClassifier(cls);
        this.workers = cores > 1 ? Executors.newFixedThreadPool(cores, PpOcrEngine::workerThread) : null;
        this.recognizer = new TextRecognizer(recognitionModel, characters, workers);
    }

    /**
     * Loads the three models once; the engine then reads any number of images, using up to four of this
     * machine's cores.
     */
    public static PpOcrEngine load(OcrModelFiles files) {
        return load(files, Math.min(MAX_CORES, Runtime.getRuntime().availableProcessors()));
    }

    /** Loads the engine to use at most {@code cores} cores (at least one). */
    public static PpOcrEngine load(OcrModelFiles files, int cores) {
        return new PpOcrEngine(files, Math.max(1, cores));
    }

    /** Loads the engine from the model store's {@code ppocr-v4} model. */
    public static PpOcrEngine load(InstalledModel model) {
        return load(OcrModelFiles.of(model));
    }

    @Override
    public OcrResult read(BufferedImage image, OcrListener listener, TaskContext context) {
        return read(image, listener, context, null);
    }

    @Override
    public OcrEngine withLineCache(LineImageCache cache) {
        PpOcrEngine models = this;
        return new OcrEngine() {
            @Override
            public OcrResult read(BufferedImage image, OcrListener listener, TaskContext context) {
                return models.read(image, listener, context, cache);
            }

            @Override
            public void close() {
                // The models belong to the engine this view was made from.
            }
        };
    }

    /** Reads {@code image}; {@code cache}, when not null, answers line images read before. */
    private synchronized OcrResult read(BufferedImage image, OcrListener listener, TaskContext context,
                                        LineImageCache cache) {
        long start = System.nanoTime();
        BlankImage.refuse(image);
        CancellationToken cancel = context.cancellation();
        cancel.throwIfCancelled();
        context.progress(Progress.indeterminate(MESSAGES.get("ocr.progress.detect")));
        BufferedImage page = toRgb(image);
        long mark = StageTimes.start();
        List<Quad> found = detector.detect(page, cancel);
        StageTimes.add("detect", mark);
        mark = StageTimes.start();
        List<Quad> regions = RegionMerger.merge(found, page.getWidth(), page.getHeight());
        List<Rectangle> boxes = new ArrayList<>(regions.size());
        for (Quad q : regions) {
            boxes.add(q.bounds(page.getWidth(), page.getHeight()));
        }
        PageRegions pageRegions = RegionFinder.find(page, boxes);
        List<Quad> cut = RegionCuts.cut(regions, pageRegions, page);
        if (cut.size() != regions.size()) {
            regions = cut;
            boxes.clear();
            for (Quad q : regions) {
                boxes.add(q.bounds(page.getWidth(), page.getHeight()));
            }
        }
        PageLayout layout = ReadingOrder.of(boxes, pageRegions);
        StageTimes.add("layout", mark);
        LOG.debug("found {} text regions in {} ms", regions.size(), (System.nanoTime() - start) / 1_000_000);
        int totalRows = layout.rowCount();

        List<int[]> rowRefs = new ArrayList<>();
        for (int b = 0; b < layout.blocks().size(); b++) {
            for (int r = 0; r < layout.blocks().get(b).size(); r++) {
                rowRefs.add(new int[] {b, r});
            }
        }
        List<List<TextLine>> blockLines = new ArrayList<>();
        for (int b = 0; b < layout.blocks().size(); b++) {
            blockLines.add(new ArrayList<>());
        }
        int next = 0;
        int step = 0;
        int emitted = 0;
        int blocksStarted = 0;
        while (next < rowRefs.size()) {
            cancel.throwIfCancelled();
            int size = STEP_SIZES[Math.min(step++, STEP_SIZES.length - 1)];
            List<int[]> window = rowRefs.subList(next, Math.min(rowRefs.size(), next + size));
            List<Integer> regionIds = new ArrayList<>();
            for (int[] ref : window) {
                regionIds.addAll(layout.blocks().get(ref[0]).get(ref[1]));
            }
            List<String> texts = new ArrayList<>();
            List<List<Float>> confidences = new ArrayList<>();
            recognise(page, regions, regionIds, texts, confidences, cache, cancel);
            int k = 0;
            for (int[] ref : window) {
                List<Integer> row = layout.blocks().get(ref[0]).get(ref[1]);
                StringBuilder text = new StringBuilder();
                List<Float> conf = new ArrayList<>();
                List<TextLine> pieces = new ArrayList<>();
                Rectangle box = null;
                for (int id : row) {
                    String t = texts.get(k);
                    List<Float> c = confidences.get(k);
                    k++;
                    box = box == null ? boxes.get(id) : box.union(boxes.get(id));
                    if (t.isBlank()) {
                        continue;
                    }
                    pieces.add(new TextLine(t, boxes.get(id), mean(c), c));
                    if (text.length() > 0) {
                        text.append(' ');
                        conf.add(mean(c));
                    }
                    text.append(t);
                    conf.addAll(c);
                }
                if (text.length() == 0) {
                    continue;
                }
                String read = ListBullets.repair(text.toString());
                if (!read.contentEquals(text) && pieces.size() > 1) {
                    // The bullet's own box (often one of its own) reads as the line does.
                    TextLine bullet = pieces.get(0);
                    pieces.set(0, new TextLine(ListBullets.repairFirstPiece(bullet.text()), bullet.box(),
                            bullet.confidence(), bullet.characterConfidences()));
                }
                TextLine line = new TextLine(read, box, mean(conf), conf, pieces.size() > 1 ? pieces : List.of());
                List<TextLine> inBlock = blockLines.get(ref[0]);
                boolean startsBlock = inBlock.isEmpty();
                if (startsBlock) {
                    blocksStarted++;
                }
                inBlock.add(line);
                listener.onLine(line, new OcrListener.LinePosition(emitted++, blocksStarted - 1, startsBlock,
                        totalRows));
            }
            next += window.size();
            context.progress(new Progress(next, rowRefs.size(),
                    MESSAGES.get("ocr.progress.line", next, rowRefs.size())));
        }
        StageTimes.report(image.getWidth() + "x" + image.getHeight() + ", " + regions.size() + " regions");
        List<TextBlock> blocks = blockLines.stream().filter(l -> !l.isEmpty()).map(TextBlock::of).toList();
        return new OcrResult(blocks, pageRegions, image.getWidth(), image.getHeight(),
                Duration.ofNanos(System.nanoTime() - start));
    }

    /**
     * Recognises the given regions, appending one text and its confidences per region, in order; regions whose
     * image {@code cache} (when not null) knows are not recognised again.
     */
    private void recognise(BufferedImage page, List<Quad> regions, List<Integer> ids, List<String> texts,
                           List<List<Float>> confidences, LineImageCache cache, CancellationToken cancel) {
        long mark = StageTimes.start();
        List<BufferedImage> crops = new ArrayList<>();
        List<Integer> present = new ArrayList<>();
        List<LineImageCache.Key> keys = new ArrayList<>();
        LineImageCache.Reading[] known = new LineImageCache.Reading[ids.size()];
        for (int k = 0; k < ids.size(); k++) {
            BufferedImage crop = LineCropper.crop(page, regions.get(ids.get(k)));
            if (crop != null && cache != null) {
                LineImageCache.Key key = LineImageCache.keyOf(crop);
                known[k] = cache.find(key).orElse(null);
                if (known[k] != null) {
                    continue;
                }
                keys.add(key);
            }
            if (crop != null) {
                // Scaled once here for both the direction classifier and the recogniser.
                crops.add(LineCropper.toHeight(crop, TextRecognizer.HEIGHT, TextRecognizer.MAX_WIDTH));
                present.add(k);
            }
        }
        StageTimes.add("crop", mark);
        mark = StageTimes.start();
        boolean[] flip = directions.upsideDown(crops);
        StageTimes.add("classify", mark);
        // A crop the classifier would turn is read both ways and the surer reading kept: short upright words
        // can look upside down to it ("99M" turned reads "W66"), and turned crops are rare on screens.
        List<BufferedImage> inputs = new ArrayList<>(crops);
        List<Integer> turned = new ArrayList<>();
        for (int i = 0; i < crops.size(); i++) {
            if (flip[i]) {
                turned.add(i);
                inputs.add(LineCropper.rotate180(crops.get(i)));
            }
        }
        mark = StageTimes.start();
        List<TextRecognizer.Reading> all = recognizer.recognize(inputs);
        List<TextRecognizer.Reading> readings = new ArrayList<>(all.subList(0, crops.size()));
        for (int k = 0; k < turned.size(); k++) {
            TextRecognizer.Reading asTurned = all.get(crops.size() + k);
            if (asTurned.meanConfidence() > readings.get(turned.get(k)).meanConfidence()) {
                readings.set(turned.get(k), asTurned);
            }
        }
        StageTimes.add("recognize", mark);
        mark = StageTimes.start();
        for (int i = 0; i < present.size(); i++) {
            if (readings.get(i).meanConfidence() >= READ_AGAIN_BELOW) {
                continue;
            }
            TextRecognizer.Reading again = readAgain(page, regions.get(ids.get(present.get(i))), cancel);
            if (again != null && again.meanConfidence() > readings.get(i).meanConfidence()) {
                readings.set(i, again);
            }
        }
        StageTimes.add("readAgain", mark);
        mark = StageTimes.start();
        String[] outText = new String[ids.size()];
        List<List<Float>> outConf = new ArrayList<>();
        for (int k = 0; k < ids.size(); k++) {
            outText[k] = known[k] == null ? "" : known[k].text();
            outConf.add(known[k] == null ? List.of() : known[k].confidences());
        }
        for (int i = 0; i < present.size(); i++) {
            SpaceRestorer.Text t = spaces.restore(readings.get(i));
            outText[present.get(i)] = t.text();
            outConf.set(present.get(i), t.confidences());
            if (cache != null) {
                cache.remember(keys.get(i), new LineImageCache.Reading(t.text(), t.confidences()));
            }
        }
        StageTimes.add("spaces", mark);
        for (int k = 0; k < ids.size(); k++) {
            texts.add(outText[k]);
            confidences.add(outConf.get(k));
        }
    }

    /**
     * A second reading of an uncertain line: its box with a quarter of its height around it, drawn twice as large,
     * the line found again there and read. Small print (footnotes, a 150-dpi scan) often gets a box that cuts its
     * letters or holds too much of a raised mark; found again at twice the size the box fits the line. Null when
     * the line found again is not the whole line (a surer reading of a piece of it would drop words).
     */
    private TextRecognizer.Reading readAgain(BufferedImage page, Quad q, CancellationToken cancel) {
        Rectangle r = q.bounds(page.getWidth(), page.getHeight());
        int pad = Math.max(2, r.height / 4);
        Rectangle grown = new Rectangle(r.x - pad, r.y - pad, r.width + 2 * pad, r.height + 2 * pad)
                .intersection(new Rectangle(0, 0, page.getWidth(), page.getHeight()));
        if (grown.isEmpty() || 4L * grown.width * grown.height > READ_AGAIN_MAX_PIXELS) {
            return null;
        }
        BufferedImage big = new BufferedImage(2 * grown.width, 2 * grown.height, BufferedImage.TYPE_INT_RGB);
        var g = big.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION,
                java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(page.getSubimage(grown.x, grown.y, grown.width, grown.height), 0, 0, big.getWidth(),
                big.getHeight(), null);
        g.dispose();
        Quad line = null;
        int widest = 0;
        double middle = big.getHeight() / 2.0;
        for (Quad found : detector.detect(big, cancel)) {
            Rectangle b = found.bounds(big.getWidth(), big.getHeight());
            if (b.y <= middle && middle <= b.y + b.height && b.width > widest) {
                line = found;
                widest = b.width;
            }
        }
        if (line == null || widest < READ_AGAIN_WHOLE * 2 * r.width) {
            return null;
        }
        BufferedImage crop = LineCropper.crop(big, line);
        return crop == null ? null : recognizer.recognize(List.of(LineCropper.toHeight(crop, TextRecognizer.HEIGHT,
                TextRecognizer.MAX_WIDTH))).get(0);
    }

    private static BufferedImage toRgb(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_INT_RGB || image.getType() == BufferedImage.TYPE_INT_ARGB) {
            return image;
        }
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        var g = rgb.createGraphics();
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return rgb;
    }

    private static float mean(List<Float> values) {
        if (values.isEmpty()) {
            return 0f;
        }
        double s = 0;
        for (float v : values) {
            s += v;
        }
        return (float) (s / values.size());
    }

    private static Thread workerThread(Runnable r) {
        Thread t = new Thread(r, "sightline-ocr-" + WORKER_NUMBER.incrementAndGet());
        t.setDaemon(true);
        return t;
    }

    @Override
    public void close() {
        if (workers != null) {
            workers.shutdownNow();
        }
        detectionModel.close();
        directionModel.close();
        recognitionModel.close();
    }
}
