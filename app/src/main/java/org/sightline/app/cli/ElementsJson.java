package org.sightline.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.sightline.vision.elements.Element;
import org.sightline.vision.elements.ElementMap;
import org.sightline.vision.elements.ElementState;

/**
 * The JSON form of an element map: the image's name and size, the page's regions, and an {@code elements} list
 * in reading order, each with {@code type}, {@code label}, {@code box} {x, y, width, height}, {@code confidence},
 * a heading's {@code headingLevel} where it is known, {@code link} for a heading that is also one, {@code state}
 * ("expanded", "collapsed") where the pixels show one, and the region it belongs to.
 */
public final class ElementsJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ElementsJson() {
    }

    /** An element map's JSON tree as the command prints it. */
    static String write(JsonNode tree) {
        try {
            return MAPPER.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /** The element map as a JSON tree, for the service's answer. */
    public static ObjectNode tree(String name, ElementMap map) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("image", name);
        root.put("width", map.imageWidth());
        root.put("height", map.imageHeight());
        RegionsJson.list(root, map.regions());
        ArrayNode elements = root.putArray("elements");
        for (Element e : map.elements()) {
            ObjectNode node = elements.addObject();
            node.put("type", e.type().jsonName());
            node.put("label", e.label());
            RegionsJson.box(node, e.box());
            node.put("confidence", e.confidence());
            level(node, e.headingLevel());
            if (e.link()) {
                node.put("link", true);
            }
            if (e.state() != ElementState.NONE) {
                node.put("state", e.state().jsonName());
            }
            RegionsJson.tag(node, map.regionOf(e));
        }
        return root;
    }

    /** A heading's level (1, 2, or 3 for 3 and deeper), left out when it is not known (0). */
    static void level(ObjectNode node, int headingLevel) {
        if (headingLevel > 0) {
            node.put("headingLevel", headingLevel);
        }
    }
}
