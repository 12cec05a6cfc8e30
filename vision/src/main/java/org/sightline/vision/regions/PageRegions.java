package org.sightline.vision.regions;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The regions of one page in their natural reading order: the header, then the columns (navigation, main and
 * complementary panes) from left to right, then the footer. The regions tile the page, so every point belongs
 * to exactly one; a point outside the image belongs to the nearest.
 */
public record PageRegions(List<Region> regions) {

    public PageRegions {
        regions = List.copyOf(regions);
        if (regions.isEmpty()) {
            throw new IllegalArgumentException("a page has at least one region");
        }
        for (int i = 0; i < regions.size(); i++) {
            if (regions.get(i).index() != i) {
                throw new IllegalArgumentException("region " + i + " has index " + regions.get(i).index());
            }
        }
    }

    /** A page that is one main region, for pages where nothing divides the content. */
    public static PageRegions whole(int width, int height) {
        return new PageRegions(List.of(new Region(RegionKind.MAIN, new Rectangle(0, 0, width, height), 0)));
    }

    public int size() {
        return regions.size();
    }

    public Region get(int index) {
        return regions.get(index);
    }

    /** The region holding the point (the nearest one when none does). */
    public Region at(double x, double y) {
        for (Region r : regions) {
            if (r.contains(x, y)) {
                return r;
            }
        }
        return regions.stream().min(Comparator.comparingDouble(r -> r.distanceTo(x, y))).orElseThrow();
    }

    /** The region holding the centre of {@code box}. */
    public Region of(Rectangle box) {
        return at(box.getCenterX(), box.getCenterY());
    }

    /** The main content, when the page has one. */
    public Optional<Region> main() {
        return regions.stream().filter(r -> r.kind() == RegionKind.MAIN).findFirst();
    }

    /**
     * The regions in the order to read when a person asks for the page's content: the header first (short, it
     * says which site and page this is), then the main content, then the side panes in their natural order, and
     * the footer last. Landmark navigation (next region, previous region) keeps the natural order.
     */
    public List<Region> contentFirst() {
        List<Region> order = new ArrayList<>();
        regions.stream().filter(r -> r.kind() == RegionKind.HEADER).forEach(order::add);
        main().ifPresent(order::add);
        regions.stream().filter(r -> r.kind() == RegionKind.NAVIGATION || r.kind() == RegionKind.COMPLEMENTARY)
                .forEach(order::add);
        regions.stream().filter(r -> r.kind() == RegionKind.FOOTER).forEach(order::add);
        return order;
    }
}
