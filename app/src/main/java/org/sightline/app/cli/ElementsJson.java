package org.sightline.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.Rectangle;
import org.sightline.vision.elements.Element;
import org.sightline.vision.elements.ElementMap;

/**
 * The JSON form of an element map: the image's name and size and an {@code elements} list in reading order,
 * each with {@code type}, {@code label}, {@code box} {x, y, width, height} and {@code confidence}.
 */
final class ElementsJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ElementsJson() {
    }

    static String write(String name, ElementMap map) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("image", name);
        root.put("width", map.imageWidth());
        root.put("height", map.imageHeight());
        ArrayNode elements = root.putArray("elements");
        for (Element e : map.elements()) {
            ObjectNode node = elements.addObject();
            node.put("type", e.type().jsonName());
            node.put("label", e.label());
            Rectangle b = e.box();
            ObjectNode box = node.putObject("box");
            box.put("x", b.x);
            box.put("y", b.y);
            box.put("width", b.width);
            box.put("height", b.height);
            node.put("confidence", e.confidence());
        }
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
