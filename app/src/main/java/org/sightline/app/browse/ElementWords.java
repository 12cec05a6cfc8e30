package org.sightline.app.browse;

import java.awt.Rectangle;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.sightline.i18n.Messages;
import org.sightline.vision.elements.Element;
import org.sightline.vision.elements.ElementMap;
import org.sightline.vision.elements.ElementState;
import org.sightline.vision.elements.ElementType;
import org.sightline.vision.regions.Region;
import org.sightline.vision.summary.RegionQuestions;

/** How elements are put into words: "Sign in, button", "links", "top right, below Outfield". */
public final class ElementWords {

    public static final Messages MESSAGES = new Messages("org.sightline.app.browse.browse");

    private ElementWords() {
    }

    static String typeName(ElementType type) {
        return MESSAGES.get("type." + type.jsonName());
    }

    static String typePlural(ElementType type) {
        return MESSAGES.get("types." + type.jsonName());
    }

    /**
     * What browse mode says on arriving at an element: label then type, a heading with its level as known, then
     * the state the pixels show ("Changelog, button, collapsed"). A button with no text is drawn with only an icon,
     * whose name (a tooltip) pixels do not hold: it is "button, icon", never a guessed name.
     */
    public static String spoken(Element e) {
        if (iconButton(e)) {
            return withState(MESSAGES.get("element.iconButton", typeName(e.type())), e);
        }
        String type = e.headingLevel() > 0 ? MESSAGES.get("type.heading.level", e.headingLevel()) : typeName(e.type());
        if (e.link()) {
            type = MESSAGES.get("type.alsoLink", type);
        }
        return withState(e.label().isEmpty() ? MESSAGES.get("element.unlabelled", type)
                : MESSAGES.get("element", e.label(), type), e);
    }

    /** {@code words} with the element's state after them, as a screen reader says it: "…, collapsed". */
    private static String withState(String words, Element e) {
        return e.state() == ElementState.NONE ? words
                : MESSAGES.get("element.state", words, MESSAGES.get("state." + e.state().jsonName()));
    }

    /**
     * What browse mode says on arriving at an element of {@code map}: as {@link #spoken(Element)}, and for a button
     * drawn with only an icon, where it is, since its name cannot be read ("button, icon, at the top right, right
     * of Search"): that is how a user tells a toolbar's icons apart, and the close button from the menu button.
     */
    public static String spoken(Element e, ElementMap map) {
        return iconButton(e)
                ? withState(MESSAGES.get("element.iconButtonAt", typeName(e.type()), placement(e, map)), e)
                : spoken(e);
    }

    private static boolean iconButton(Element e) {
        return e.label().isEmpty() && e.type() == ElementType.BUTTON;
    }

    /**
     * A region as browse mode announces it: its kind and the two kinds of element it holds most of ("navigation,
     * 52 links"); plain text counts only where nothing else is there.
     */
    static String region(ElementMap map, Region region) {
        Map<ElementType, Integer> counts = new EnumMap<>(ElementType.class);
        for (Element e : map.inRegion(region)) {
            counts.merge(e.type(), 1, Integer::sum);
        }
        if (counts.size() > 1) {
            counts.remove(ElementType.TEXT);
        }
        List<String> parts = counts.entrySet().stream()
                .sorted(Map.Entry.<ElementType, Integer>comparingByValue(Comparator.reverseOrder())).limit(2)
                .map(c -> c.getValue() == 1 ? MESSAGES.get("region.one", typeName(c.getKey()))
                        : MESSAGES.get("region.many", c.getValue(), typePlural(c.getKey())))
                .toList();
        return MESSAGES.get("region.announce", RegionQuestions.kindName(region.kind()),
                String.join(MESSAGES.get("region.separator"), parts));
    }

    /** A short name for an element inside a sentence: its label (first words) or its type. */
    static String shortName(Element e) {
        if (e.label().isEmpty()) {
            return typeName(e.type());
        }
        String[] words = e.label().split("\\s+");
        return words.length <= 6 ? e.label() : Arrays.stream(words).limit(6).collect(Collectors.joining(" ")) + "…";
    }

    /** "Sign in button": the name of the element a request acts on; a heading that is a link is clicked as a link. */
    static String target(Element e) {
        String type = typeName(e.link() ? ElementType.LINK : e.type());
        return e.label().isEmpty() ? type : shortName(e) + " " + type;
    }

    /**
     * Where an element is, in words a person can act on: its region of the screen ("at the top right") and
     * its nearest neighbour above ("below Outfield") or to its left ("right of Email").
     */
    static String placement(Element e, ElementMap map) {
        Rectangle b = e.imageBox();
        double cx = b.getCenterX() / Math.max(1, map.imageWidth());
        double cy = b.getCenterY() / Math.max(1, map.imageHeight());
        String vertical = cy < 1 / 3.0 ? "top" : cy < 2 / 3.0 ? "middle" : "bottom";
        String horizontal = cx < 1 / 3.0 ? "left" : cx < 2 / 3.0 ? "centre" : "right";
        String region = vertical.equals("middle") && horizontal.equals("centre")
                ? MESSAGES.get("place.centreOfScreen")
                : MESSAGES.get("place.region", MESSAGES.get("place." + vertical), MESSAGES.get("place." + horizontal));
        Element above = null;
        Element left = null;
        for (Element o : map.elements()) {
            if (o == e || o.label().isEmpty() && o.type() != ElementType.IMAGE) {
                continue;
            }
            Rectangle ob = o.imageBox();
            boolean overlapsX = ob.x < b.x + b.width && b.x < ob.x + ob.width;
            int gapAbove = b.y - (ob.y + ob.height);
            if (overlapsX && gapAbove >= -2 && gapAbove <= 3 * b.height + 60
                    && (above == null || ob.y + ob.height > above.imageBox().y + above.imageBox().height)) {
                above = o;
            }
            boolean sameRow = ob.getCenterY() >= b.y && ob.getCenterY() <= b.y + b.height;
            int gapLeft = b.x - (ob.x + ob.width);
            if (sameRow && gapLeft >= -2 && gapLeft <= 4 * b.height + 80
                    && (left == null || ob.x > left.imageBox().x)) {
                left = o;
            }
        }
        if (above != null) {
            return MESSAGES.get("place.full", region, MESSAGES.get("place.below", shortName(above)));
        }
        if (left != null) {
            return MESSAGES.get("place.full", region, MESSAGES.get("place.rightOf", shortName(left)));
        }
        return region;
    }
}
