package org.sightline.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.sightline.vision.ocr.OcrResult;
import org.sightline.vision.ocr.TextBlock;
import org.sightline.vision.ocr.TextLine;

/**
 * The JSON form of a reading, for scripts: the image's name and size, the whole text, the page's regions, and
 * blocks of lines with boxes ({@code x, y, width, height} in image pixels), confidences between 0 and 1 and the
 * region each line belongs to.
 */
public final class ReadJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReadJson() {
    }

    static String write(String name, OcrResult result) {
        return write(tree(name, result));
    }

    /** A reading's JSON tree as the command prints it. */
    static String write(ObjectNode tree) {
        try {
            return MAPPER.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The reading as a JSON tree, for the service's answer. */
    public static ObjectNode tree(String name, OcrResult result) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("image", name);
        root.put("width", result.imageWidth());
        root.put("height", result.imageHeight());
        root.put("milliseconds", result.elapsed().toMillis());
        root.put("text", result.text());
        RegionsJson.list(root, result.regions());
        ArrayNode blocks = root.putArray("blocks");
        for (TextBlock block : result.blocks()) {
            ObjectNode b = blocks.addObject();
            RegionsJson.box(b, block.box());
            ArrayNode lines = b.putArray("lines");
            for (TextLine line : block.lines()) {
                ObjectNode l = lines.addObject();
                l.put("text", line.text());
                RegionsJson.box(l, line.box());
                l.put("confidence", Math.round(line.confidence() * 1000) / 1000.0);
                RegionsJson.tag(l, result.regionOf(line));
            }
        }
        return root;
    }
}
