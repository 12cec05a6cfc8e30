package org.sightline.vision.elements;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.sightline.vision.ocr.OcrBenchmark;

/**
 * Scores element maps against the elements a page's DOM reports, per type, by the two rules of issue 13: a
 * truth element is found when a predicted element of its type has its centre inside it (where a click would
 * land), or, stricter, when one overlaps it with IoU at least 0.5 (one prediction per truth element). Also
 * counts how often a found element's label agrees with the DOM's (the texts, lower-cased, differ in at most a
 * fifth of their characters; images and icon-only controls are left out: their names, alt texts and tooltips,
 * are not in the pixels) and how often a found heading's level does.
 * <p>
 * Truth elements that are partly outside the screenshot or wrapped over two lines are not counted for recall,
 * and a prediction on such an element counts neither way: the DOM gives no box that Sightline could match.
 */
final class ElementTally {

    static final List<ElementType> MEASURED = List.of(ElementType.HEADING, ElementType.LINK, ElementType.BUTTON,
            ElementType.FIELD, ElementType.CHECKBOX, ElementType.RADIO, ElementType.IMAGE);
    private static final double LABEL_SIMILARITY = 0.8;

    /** One element of the truth: {@code counted} when it is whole on the screenshot and has one box. */
    record Truth(ElementType type, Rectangle box, String label, int level, boolean iconOnly, boolean counted) {

        /**
         * A truth element from the corpus's or the regression pages' JSON; empty for the kinds the element
         * map does not report (separators). Icons count as images, as in the element map.
         */
        static Optional<Truth> of(JsonNode e, int imageWidth, int imageHeight) {
            String name = e.get("type").asText();
            Optional<ElementType> type = MEASURED.stream()
                    .filter(t -> t.jsonName().equals(name.equals("icon") ? "image" : name)).findFirst();
            if (type.isEmpty()) {
                return Optional.empty();
            }
            JsonNode b = e.get("box");
            Rectangle box = new Rectangle(b.get("x").asInt(), b.get("y").asInt(), b.get("width").asInt(),
                    b.get("height").asInt());
            boolean whole = e.path("visibleFraction").asDouble(1) >= 0.9 && box.x >= 0 && box.y >= 0
                    && box.x + box.width <= imageWidth && box.y + box.height <= imageHeight;
            return Optional.of(new Truth(type.get(), box, e.path("label").asText(""), e.path("level").asInt(0),
                    e.path("iconOnly").asBoolean(false), whole && !e.path("wrapped").asBoolean(false)));
        }
    }

    /** Per type: counted truth, found and predicted (right or wrong) by each rule, labels and levels. */
    private static final class Counts {
        int truth;
        int foundCentre;
        int predictedCentre;
        int rightCentre;
        int foundIou;
        int predictedIou;
        int labelled;
        int labelsAgreeing;
        int levelled;
        int levelsAgreeing;
    }

    private final Map<ElementType, Counts> counts = new EnumMap<>(ElementType.class);
    private int pages;

    ElementTally() {
        MEASURED.forEach(t -> counts.put(t, new Counts()));
    }

    void add(List<Truth> truth, ElementMap map) {
        pages++;
        for (ElementType type : MEASURED) {
            List<Truth> real = truth.stream().filter(t -> t.type() == type).toList();
            List<Element> predicted = map.ofType(type);
            scoreCentres(real, predicted, counts.get(type));
            scoreOverlaps(real, predicted, counts.get(type));
        }
    }

    private static void scoreCentres(List<Truth> real, List<Element> predicted, Counts c) {
        for (Truth t : real.stream().filter(Truth::counted).toList()) {
            c.truth++;
            Optional<Element> hit = predicted.stream().filter(p -> centreIn(p, t.box()))
                    .max((a, b) -> Double.compare(ElementFinder.iou(a.imageBox(), t.box()),
                            ElementFinder.iou(b.imageBox(), t.box())));
            if (hit.isEmpty()) {
                continue;
            }
            c.foundCentre++;
            if (!t.iconOnly() && !t.label().isBlank() && t.type() != ElementType.IMAGE) {
                c.labelled++;
                c.labelsAgreeing += agree(hit.get().label(), t.label()) ? 1 : 0;
            }
            if (t.type() == ElementType.HEADING && t.level() > 0) {
                c.levelled++;
                c.levelsAgreeing += Math.min(t.level(), Element.DEEPEST_LEVEL) == hit.get().headingLevel() ? 1 : 0;
            }
        }
        for (Element p : predicted) {
            boolean right = real.stream().anyMatch(t -> t.counted() && centreIn(p, t.box()));
            boolean unjudged = !right && real.stream().anyMatch(t -> !t.counted() && centreIn(p, t.box()));
            if (!unjudged) {
                c.predictedCentre++;
                c.rightCentre += right ? 1 : 0;
            }
        }
    }

    private static void scoreOverlaps(List<Truth> real, List<Element> predicted, Counts c) {
        boolean[] used = new boolean[predicted.size()];
        for (Truth t : real.stream().filter(Truth::counted).toList()) {
            int best = -1;
            double bestIou = 0.5;
            for (int i = 0; i < predicted.size(); i++) {
                double iou = ElementFinder.iou(t.box(), predicted.get(i).imageBox());
                if (!used[i] && iou >= bestIou) {
                    best = i;
                    bestIou = iou;
                }
            }
            if (best >= 0) {
                used[best] = true;
                c.foundIou++;
            }
        }
        for (int i = 0; i < predicted.size(); i++) {
            Rectangle p = predicted.get(i).imageBox();
            boolean unjudged = !used[i] && real.stream()
                    .anyMatch(t -> !t.counted() && ElementFinder.iou(t.box(), p) >= 0.5);
            c.predictedIou += unjudged ? 0 : 1;
        }
    }

    private static boolean centreIn(Element p, Rectangle r) {
        Rectangle b = p.imageBox();
        return r.contains(b.getCenterX(), b.getCenterY());
    }

    /** Whether two labels say the same once lower-cased and spaced alike, allowing a few OCR slips. */
    static boolean agree(String predicted, String truth) {
        String a = predicted.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
        String b = truth.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
        int longest = Math.max(a.length(), b.length());
        return longest == 0 || 1 - OcrBenchmark.levenshtein(a, b) / (double) longest >= LABEL_SIMILARITY;
    }

    /** The table in docs/benchmarks.md's form, one row per type. */
    String table() {
        StringBuilder s = new StringBuilder("| Type | Truth | Recall (centre) | Precision (centre) | Recall (IoU >= 0.5)"
                + " | Precision (IoU >= 0.5) | Label agreement | Heading level agreement |\n"
                + "|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (ElementType type : MEASURED) {
            Counts c = counts.get(type);
            s.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %s | %s | %s | %s |%n", type.jsonName(),
                    c.truth, ratio(c.foundCentre, c.truth), ratio(c.rightCentre, c.predictedCentre),
                    ratio(c.foundIou, c.truth), ratio(c.foundIou, c.predictedIou), ratio(c.labelsAgreeing, c.labelled),
                    type == ElementType.HEADING ? ratio(c.levelsAgreeing, c.levelled) : ""));
        }
        Counts all = new Counts();
        counts.values().forEach(c -> {
            all.truth += c.truth;
            all.foundCentre += c.foundCentre;
            all.rightCentre += c.rightCentre;
            all.predictedCentre += c.predictedCentre;
            all.foundIou += c.foundIou;
            all.predictedIou += c.predictedIou;
            all.labelled += c.labelled;
            all.labelsAgreeing += c.labelsAgreeing;
        });
        s.append(String.format(Locale.ROOT, "| all | %d | %s | %s | %s | %s | %s | |%n", all.truth,
                ratio(all.foundCentre, all.truth), ratio(all.rightCentre, all.predictedCentre),
                ratio(all.foundIou, all.truth), ratio(all.foundIou, all.predictedIou),
                ratio(all.labelsAgreeing, all.labelled)));
        return s.toString();
    }

    int pages() {
        return pages;
    }

    private static String ratio(int a, int b) {
        return b == 0 ? "-" : String.format(Locale.ROOT, "%.2f", (double) a / b);
    }
}
