package org.sightline.vision.elements;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.sightline.vision.elements.ElementDetections.Detection;
import org.sightline.vision.elements.ElementDetections.Kind;

/**
 * What the learned element detector adds to the rules' controls and pictures. For the kinds where adding it
 * scored better on the validation pages of the corpus ({@link #USED}; the table is in
 * {@code vision/scripts/elements-detector/README.md}), a detection becomes an element where the rules found
 * nothing of its type at that place: a button takes the text inside it as its label (a button with only an
 * icon has none, and is spoken as an icon button, never with an invented name). Text fields come from the rules,
 * checked by the detector ({@link FieldSource#SHIPPED}): a rules' field stays when the detector also sees a field
 * there or when it has a label or a hint, which halved the false fields on the validation pages and lost none.
 * Checkboxes and radio buttons stay with the rules: the training pages hold too few of them.
 */
final class LearnedControls {

    /** The detector's kinds the element map takes (see the class comment). */
    static final Set<Kind> USED = EnumSet.of(Kind.BUTTON, Kind.ICON_BUTTON, Kind.ICON, Kind.IMAGE);

    /**
     * Where the map's text fields come from: the rules' boxed fields, the detector's, or the two together. Each
     * was measured on the validation pages (docs/benchmarks.md); {@link #SHIPPED} is the one the map uses.
     */
    enum FieldSource {
        /** The rules' fields alone. */
        RULES(Keep.ALL, false),
        /** The detector's fields alone. */
        DETECTOR(Keep.NONE, true),
        /** The rules' fields, and the detector's where the rules have none. */
        UNION(Keep.ALL, true),
        /** The rules' fields that the detector also sees or that have a label or a hint; nothing added. */
        CONFIRMED(Keep.SEEN_OR_LABELLED, false),
        /** The rules' fields that the detector also sees or that have a label, and the detector's elsewhere. */
        CONFIRMED_AND_DETECTOR(Keep.SEEN_OR_LABELLED, true),
        /** The rules' fields that the detector also sees (their box and label), and the detector's elsewhere. */
        SEEN_AND_DETECTOR(Keep.SEEN, true),
        /**
         * As {@link #CONFIRMED}, but a labelled field where the detector sees a button and no field gives way to
         * that button (the rules take a box with text at its left for a field; the detector knows buttons).
         */
        CONFIRMED_NOT_BUTTON(Keep.SEEN_OR_LABELLED_NOT_BUTTON, false),
        /** As {@link #CONFIRMED_NOT_BUTTON}, and the detector's fields where the rules have none. */
        CONFIRMED_NOT_BUTTON_AND_DETECTOR(Keep.SEEN_OR_LABELLED_NOT_BUTTON, true);

        static final FieldSource SHIPPED = CONFIRMED;

        private enum Keep { ALL, SEEN_OR_LABELLED, SEEN_OR_LABELLED_NOT_BUTTON, SEEN, NONE }

        private final Keep keep;
        private final boolean addsDetected;

        FieldSource(Keep keep, boolean addsDetected) {
            this.keep = keep;
            this.addsDetected = addsDetected;
        }

        /** True when the rules' field {@code f} stays, given the boxes of the detector's fields and buttons. */
        boolean keeps(Found f, List<Rectangle> detectedFields, List<Rectangle> detectedButtons) {
            boolean seen = overlapsAnyBox(f.box(), detectedFields);
            return switch (keep) {
                case ALL -> true;
                case NONE -> false;
                case SEEN -> seen;
                case SEEN_OR_LABELLED -> seen || !f.label().isEmpty();
                case SEEN_OR_LABELLED_NOT_BUTTON -> seen
                        || !f.label().isEmpty() && !overlapsAnyBox(f.box(), detectedButtons);
            };
        }
    }

    private final PageText page;
    private final Set<Kind> used;
    private final FieldSource fields;

    LearnedControls(PageText page, Set<Kind> used, FieldSource fields) {
        this.page = page;
        this.used = used.isEmpty() ? EnumSet.noneOf(Kind.class) : EnumSet.copyOf(used);
        this.fields = fields;
    }

    /**
     * Adds to {@code found} (the rules' controls so far) the buttons and fields among {@code detections} where
     * it holds no control; the text inside each is marked as taken, a line that runs across several buttons first
     * cut into their pieces by {@code rows}. A checkbox or radio button of the rules
     * where the detector sees a button is taken for that button: on the validation pages nearly every toggle
     * the rules found was something else, often the expand box of a navigation tree, which is an icon button.
     */
    void addControls(List<Detection> detections, List<Found> found, ButtonRows rows) {
        List<Rectangle> detectedFields = detections.stream().filter(d -> d.kind() == Kind.FIELD)
                .map(Detection::box).toList();
        List<Rectangle> detectedButtons = detections.stream().filter(d -> used.contains(d.kind())
                && (d.kind() == Kind.BUTTON || d.kind() == Kind.ICON_BUTTON)).map(Detection::box).toList();
        List<Found> dropped = found.stream().filter(f -> f.type() == ElementType.FIELD
                && !fields.keeps(f, detectedFields, detectedButtons)).toList();
        found.removeAll(dropped);
        // The text inside a dropped field (its value or hint) is free again for what else finds it.
        dropped.forEach(f -> page.releaseInside(f.box()));
        // A row of buttons OCR read as one line is cut at the buttons, so that each takes its own words.
        for (TextSegment tab : rows.cut(page, detections.stream().filter(d -> d.kind() == Kind.BUTTON
                && used.contains(d.kind())).map(Detection::box).toList())) {
            tab.consumed = true;
            found.add(new Found(ElementType.BUTTON, tab.text, tab.box, 0.6));
        }
        boolean addFields = fields.addsDetected || used.contains(Kind.FIELD);
        List<Found> added = new ArrayList<>();
        for (Detection d : detections) {
            ElementType type = switch (d.kind()) {
                case BUTTON, ICON_BUTTON -> ElementType.BUTTON;
                case FIELD -> ElementType.FIELD;
                default -> null;
            };
            boolean wanted = type == ElementType.FIELD ? addFields : used.contains(d.kind());
            if (type == null || !wanted || overlapsAny(d.box(), added)) {
                continue;
            }
            Rectangle box = d.box().intersection(page.pixels.bounds());
            List<Found> toggles = type == ElementType.BUTTON ? found.stream().filter(f -> isToggle(f)
                    && overlapsAny(box, List.of(f))).toList() : List.of();
            if (box.isEmpty() || toggles.isEmpty() && overlapsAny(box, found)) {
                continue;
            }
            if (!toggles.isEmpty()) {
                found.removeAll(toggles);
                added.add(new Found(type, "", box, 0.8 * d.score()));
                continue;
            }
            List<TextSegment> inside = page.freeInside(box);
            // One row of text, as on a button or in a field; rows below the first belong to what follows.
            inside.removeIf(s -> !s.sameRow(inside.get(0)));
            inside.sort((x, y) -> Integer.compare(x.box.x, y.box.x));
            String text = inside.isEmpty() ? "" : BoxedControlFinder.joined(inside);
            if (inside.size() == 1 && TextTyper.menuIcon(page.pixels, inside.get(0))) {
                // A button showing three bars, which OCR read as "三": named by what it shows.
                text = TextTyper.MENU_ICON;
            }
            String label = text;
            if (type == ElementType.FIELD) {
                String outside = page.fieldLabel(box);
                label = outside.isEmpty() ? text : outside;
            }
            inside.forEach(s -> s.consumed = true);
            added.add(new Found(type, label, box, 0.8 * d.score()));
        }
        found.addAll(added);
    }

    private static boolean isToggle(Found f) {
        return f.type() == ElementType.CHECKBOX || f.type() == ElementType.RADIO;
    }

    /**
     * Icons and pictures among {@code detections} that no element of {@code known} (every element so far) holds
     * whole or nearly covers, and that no picture already found overlaps.
     */
    List<Found> pictures(List<Detection> detections, List<Found> known) {
        List<Found> added = new ArrayList<>();
        List<Found> pictures = new ArrayList<>(known.stream().filter(f -> f.type() == ElementType.IMAGE).toList());
        for (Detection d : detections) {
            if (d.kind() != Kind.ICON && d.kind() != Kind.IMAGE || !used.contains(d.kind())) {
                continue;
            }
            Rectangle box = d.box().intersection(page.pixels.bounds());
            if (box.isEmpty() || overlapsAny(box, pictures)
                    || known.stream().anyMatch(f -> f.box().contains(box) || ElementFinder.iou(f.box(), box) > 0.5)) {
                continue;
            }
            Found picture = new Found(ElementType.IMAGE, "", box, 0.8 * d.score());
            added.add(picture);
            pictures.add(picture);
        }
        return added;
    }

    /**
     * Headings that are the lettering of a picture the detector sees: a site's logo ("LLVM" beside its dragon,
     * Babel's drawn name), which OCR reads and the text rules take for a heading by its size. A heading lies in
     * such a picture when most of it ({@link #INSIDE_LOGO}) is inside a picture the detector gives at least
     * {@link #LOGO_SCORE}, at most {@link #LOGO_AREA} times the heading's area (a heading over a photograph is
     * smaller than that). The picture replaces it, its label the heading's words and the plain text inside it
     * ("COMPILER INFRASTRUCTURE" under "LLVM"), so that the logo is still read.
     */
    void logos(List<Detection> detections, List<Found> found) {
        if (!used.contains(Kind.IMAGE)) {
            return;
        }
        for (Detection d : detections) {
            if (d.kind() != Kind.IMAGE || d.score() < LOGO_SCORE) {
                continue;
            }
            Rectangle box = d.box().intersection(page.pixels.bounds());
            boolean lettered = found.stream().anyMatch(f -> f.type() == ElementType.HEADING && !f.link()
                    && share(f.box(), box) >= INSIDE_LOGO
                    && (double) box.width * box.height <= LOGO_AREA * f.box().width * f.box().height);
            if (!lettered) {
                continue;
            }
            List<Found> inside = found.stream().filter(f -> (f.type() == ElementType.HEADING && !f.link()
                    || f.type() == ElementType.TEXT) && share(f.box(), box) >= INSIDE_LOGO)
                    .sorted(Comparator.comparingInt((Found f) -> f.box().y).thenComparingInt(f -> f.box().x))
                    .toList();
            found.removeAll(inside);
            String words = String.join(" ", inside.stream().map(Found::label).toList());
            found.add(new Found(ElementType.IMAGE, words, box, 0.8 * d.score()));
        }
    }

    /** The detector's least score for a picture whose lettering a heading is. */
    private static final double LOGO_SCORE = 0.4;
    /** The share of a heading's box inside the picture. */
    private static final double INSIDE_LOGO = 0.6;
    /** The picture's area, at most, in the heading's. */
    private static final double LOGO_AREA = 6;

    /** The share of {@code a}'s area inside {@code b}. */
    private static double share(Rectangle a, Rectangle b) {
        Rectangle i = a.intersection(b);
        return i.isEmpty() ? 0 : (double) i.width * i.height / ((double) a.width * a.height);
    }

    /** True when the centre of one box lies in the other, for any of {@code others}. */
    private static boolean overlapsAny(Rectangle box, List<Found> others) {
        return overlapsAnyBox(box, others.stream().map(Found::box).toList());
    }

    private static boolean overlapsAnyBox(Rectangle box, List<Rectangle> others) {
        for (Rectangle o : others) {
            if (o.contains(box.getCenterX(), box.getCenterY()) || box.contains(o.getCenterX(), o.getCenterY())) {
                return true;
            }
        }
        return false;
    }
}
