package org.sightline.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.sightline.vision.ocr.OcrResult;
import org.sightline.vision.ocr.TextBlock;
import org.sightline.vision.ocr.TextLine;

/**
 * The JSON form of a reading, for scripts: the image's name and size, the whole text, the page's regions, and
 * blocks of lines with boxes ({@code x, y, width, height} in image pixels), confidences between 0 and 1 and the
 * region each line belongs to; a line that holds a heading of the page's element map says so ({@code heading}),
 * with the heading's {@code headingLevel} where it is known.
 */
public final class ReadJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReadJson() {
    }

    /** A reading's JSON tree as the command prints it. */
    static String write(ObjectNode tree) {
        try {
            return MAPPER.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The reading as a JSON tree, as the command prints it and the service answers.
     *
     * @param headings the heading level of each line that holds a heading (0 for an unknown level)
     */
    public static ObjectNode tree(String name, OcrResult result, Map<TextLine, Integer> headings) {
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
                Integer level = headings.get(line);
                if (level != null) {
                    l.put("heading", true);
                    ElementsJson.level(l, level);
                }
                RegionsJson.tag(l, result.regionOf(line));
            }
        }
        return root;
    }
}
