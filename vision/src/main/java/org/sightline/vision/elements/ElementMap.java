package org.sightline.vision.elements;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.sightline.vision.regions.PageRegions;
import org.sightline.vision.regions.Region;

/**
 * The elements of one capture in reading order, region by region, with the size of the image they were found
 * in and the regions of the page (an element's region holds the centre of its image box).
 * {@code onScreen} says the boxes are screen coordinates a click can go to (false for a file or a photo).
 */
public record ElementMap(List<Element> elements, PageRegions regions, int imageWidth, int imageHeight,
                         boolean onScreen) {

    public ElementMap {
        elements = List.copyOf(elements);
        Objects.requireNonNull(regions, "regions");
    }

    /** A map of a page that is one region. */
    public ElementMap(List<Element> elements, int imageWidth, int imageHeight, boolean onScreen) {
        this(elements, PageRegions.whole(imageWidth, imageHeight), imageWidth, imageHeight, onScreen);
    }

    /** The region {@code element} lies in. */
    public Region regionOf(Element element) {
        return regions.of(element.imageBox());
    }

    /** The elements of {@code region}, in reading order. */
    public List<Element> inRegion(Region region) {
        return elements.stream().filter(e -> regionOf(e).index() == region.index()).toList();
    }

    public boolean isEmpty() {
        return elements.isEmpty();
    }

    public int size() {
        return elements.size();
    }

    public Element get(int index) {
        return elements.get(index);
    }

    /** The elements of {@code type}, in reading order; the links include the headings that are also links. */
    public List<Element> ofType(ElementType type) {
        return elements.stream().filter(e -> e.is(type)).toList();
    }

    /** How many elements of each kind (heading, button, link ...), by the kind's JSON name, in name order. */
    public Map<String, Integer> counts() {
        Map<String, Integer> counts = new TreeMap<>();
        for (Element e : elements) {
            counts.merge(e.type().jsonName(), 1, Integer::sum);
        }
        return counts;
    }
}
