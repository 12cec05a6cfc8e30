package org.sightline.vision.ocr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.sightline.task.TaskContext;
import org.sightline.vision.ocr.ppocr.PpOcrEngine;
import org.sightline.vision.regions.RegionFinder;

/**
 * OCR results of benchmark screenshots kept next to them (NAME.ocr.json, blocks and lines in reading order,
 * with the time the recognition took), so that work on what comes after OCR does not rerun it. Delete the files
 * after a change to OCR or to its reading order. The page's regions are not kept: they are found again from the
 * image and the lines at each load, so work on regions needs no new OCR. The engine (the bundled PP-OCRv4 files)
 * loads on first need.
 */
public final class OcrCache implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path modelDir;
    private OcrEngine engine;

    public OcrCache(Path modelDir) {
        this.modelDir = modelDir;
    }

    /** The OCR of {@code image}, read from {@code cache} when it exists, else recognised and written there. */
    public OcrResult read(BufferedImage image, Path cache) {
        try {
            if (Files.exists(cache)) {
                OcrResult cached = load(cache);
                if (cached.imageWidth() == image.getWidth() && cached.imageHeight() == image.getHeight()) {
                    return cached.withRegions(RegionFinder.find(image,
                            cached.lines().stream().map(TextLine::box).toList()));
                }
                // Another screenshot of the same name (another corpus): recognised again below.
            }
            if (engine == null) {
                engine = PpOcrEngine.load(BundledOcrModels.extractTo(modelDir));
            }
            OcrResult ocr = engine.read(image, TaskContext.none());
            save(ocr, cache);
            return ocr;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void save(OcrResult ocr, Path file) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("width", ocr.imageWidth());
        root.put("height", ocr.imageHeight());
        root.put("millis", ocr.elapsed().toMillis());
        ArrayNode blocks = root.putArray("blocks");
        for (TextBlock block : ocr.blocks()) {
            ArrayNode lines = blocks.addArray();
            for (TextLine line : block.lines()) {
                ObjectNode l = lines.addObject();
                l.put("text", line.text());
                l.put("confidence", line.confidence());
                Rectangle b = line.box();
                l.put("x", b.x).put("y", b.y).put("w", b.width).put("h", b.height);
            }
        }
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        JSON.writeValue(partial.toFile(), root);
        Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static OcrResult load(Path file) throws IOException {
        JsonNode root = JSON.readTree(file.toFile());
        List<TextBlock> blocks = new ArrayList<>();
        // Files written before blocks were kept hold one list of lines: one block.
        JsonNode blockList = root.has("blocks") ? root.get("blocks") : JSON.createArrayNode().add(root.get("lines"));
        for (JsonNode b : blockList) {
            List<TextLine> lines = new ArrayList<>();
            for (JsonNode l : b) {
                lines.add(new TextLine(l.get("text").asText(), new Rectangle(l.get("x").asInt(), l.get("y").asInt(),
                        l.get("w").asInt(), l.get("h").asInt()), l.get("confidence").asDouble(), List.of()));
            }
            blocks.add(TextBlock.of(lines));
        }
        return new OcrResult(blocks, root.get("width").asInt(), root.get("height").asInt(),
                Duration.ofMillis(root.path("millis").asLong()));
    }

    @Override
    public void close() {
        if (engine != null) {
            engine.close();
        }
    }
}
