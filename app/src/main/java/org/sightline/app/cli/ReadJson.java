package org.sightline.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.Rectangle;
import org.sightline.vision.ocr.OcrResult;
import org.sightline.vision.ocr.TextBlock;
import org.sightline.vision.ocr.TextLine;

/**
 * The JSON form of a reading, for scripts: the image's name and size, the whole text, and blocks of lines with
 * boxes ({@code x, y, width, height} in image pixels) and confidences between 0 and 1.
 */
final class ReadJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReadJson() {
    }

    static String write(String name, OcrResult result) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("image", name);
        root.put("width", result.imageWidth());
        root.put("height", result.imageHeight());
        root.put("milliseconds", result.elapsed().toMillis());
        root.put("text", result.text());
        ArrayNode blocks = root.putArray("blocks");
        for (TextBlock block : result.blocks()) {
            ObjectNode b = blocks.addObject();
            box(b, block.box());
            ArrayNode lines = b.putArray("lines");
            for (TextLine line : block.lines()) {
                ObjectNode l = lines.addObject();
                l.put("text", line.text());
                box(l, line.box());
                l.put("confidence", Math.round(line.confidence() * 1000) / 1000.0);
            }
        }
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void box(ObjectNode node, Rectangle r) {
        ObjectNode box = node.putObject("box");
        box.put("x", r.x);
        box.put("y", r.y);
        box.put("width", r.width);
        box.put("height", r.height);
    }
}
