package org.sightline.vision.elements;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
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

    /**
     * One element of the truth: {@code counted} when it is whole on the screenshot and has one box; {@code state}
     * what the DOM says of it (a box checked or not, a summary's block open or not), NONE where it says nothing.
     */
    record Truth(ElementType type, Rectangle box, String label, int level, boolean iconOnly, boolean counted,
                 ElementState state) {

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
            ElementState state = e.has("checked")
                    ? e.get("checked").asBoolean() ? ElementState.CHECKED : ElementState.NOT_CHECKED
                    : e.has("expanded")
                    ? e.get("expanded").asBoolean() ? ElementState.EXPANDED : ElementState.COLLAPSED
                    : ElementState.NONE;
            return Optional.of(new Truth(type.get(), box, e.path("label").asText(""), e.path("level").asInt(0),
                    e.path("iconOnly").asBoolean(false), whole && !e.path("wrapped").asBoolean(false), state));
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
        int stated;
        int statesAgreeing;
    }

    private final Map<ElementType, Counts> counts = new EnumMap<>(ElementType.class);
    /** Per type, why counted truth elements were missed: the cause and how many. */
    private final Map<ElementType, Map<String, Integer>> missCauses = new EnumMap<>(ElementType.class);
    /** One line per missed truth element and per wrong prediction, for reading by eye. */
    private final List<String> missLog = new ArrayList<>();
    private String page = "";
    private int pages;

    ElementTally() {
        MEASURED.forEach(t -> counts.put(t, new Counts()));
    }

    void add(List<Truth> truth, ElementMap map) {
        add("page " + (pages + 1), truth, map);
    }

    /** Scores one page, named {@code name} in the miss log. */
    void add(String name, List<Truth> truth, ElementMap map) {
        pages++;
        page = name;
        for (ElementType type : MEASURED) {
            List<Truth> real = truth.stream().filter(t -> t.type() == type).toList();
            List<Element> predicted = map.ofType(type);
            scoreCentres(real, predicted, counts.get(type));
            scoreOverlaps(real, predicted, counts.get(type));
            explainMisses(real, predicted, map, truth);
        }
    }

    /**
     * Why each counted truth element of one type was not found: nothing mapped over it (OCR or the detector
     * saw nothing there), mapped as another type (its role was wrong), or mapped as its type by an element
     * whose centre falls outside it (joined with text or elements beside it). Also logs each wrong prediction
     * with the truth under its centre.
     */
    private void explainMisses(List<Truth> real, List<Element> predicted, ElementMap map, List<Truth> all) {
        for (Truth t : real.stream().filter(Truth::counted).toList()) {
            if (predicted.stream().anyMatch(p -> centreIn(p, t.box()))) {
                continue;
            }
            Optional<Element> over = map.elements().stream().filter(e -> overlaps(e.imageBox(), t.box()))
                    .max(Comparator.comparingDouble(e -> ElementFinder.iou(e.imageBox(), t.box())));
            String cause;
            if (over.isEmpty()) {
                cause = "nothing mapped over it";
            } else {
                Rectangle o = over.get().imageBox();
                String extent = ElementFinder.iou(o, t.box()) >= 0.5 ? "about its size"
                        : o.width * o.height > t.box().width * t.box().height ? "larger" : "smaller";
                cause = over.get().type() == t.type()
                        ? "as its type, centre outside it (" + extent + ")"
                        : "mapped as " + over.get().type().jsonName() + " (" + extent + ")";
            }
            missCauses.computeIfAbsent(t.type(), k -> new LinkedHashMap<>()).merge(cause, 1, Integer::sum);
            missLog.add(String.format(Locale.ROOT, "%s\tmissed %s\t%s\t%s\t%s", page, t.type().jsonName(),
                    t.label().replaceAll("\\s+", " "), cause,
                    over.map(e -> "\"" + e.label().replaceAll("\\s+", " ") + "\" " + box(e.imageBox())).orElse("")
                            + " truth " + box(t.box())));
        }
        for (Element p : predicted) {
            boolean right = real.stream().anyMatch(t -> centreIn(p, t.box()));
            if (!right) {
                String under = all.stream().filter(t -> centreIn(p, t.box())).map(t -> t.type().jsonName())
                        .findFirst().orElse("text or nothing");
                missLog.add(String.format(Locale.ROOT, "%s\twrong %s\t%s\ttruth there: %s\t%s", page,
                        p.type().jsonName(), p.label().replaceAll("\\s+", " "), under, box(p.imageBox())));
            }
        }
    }

    /** Whether {@code a} and {@code b} share at least half of the smaller one. */
    private static boolean overlaps(Rectangle a, Rectangle b) {
        Rectangle i = a.intersection(b);
        return !i.isEmpty() && (double) i.width * i.height
                >= 0.5 * Math.min((double) a.width * a.height, (double) b.width * b.height);
    }

    private static String box(Rectangle r) {
        return r.x + "," + r.y + " " + r.width + "x" + r.height;
    }

    /** Per type, the causes of misses and their counts, as a table. */
    String missTable() {
        StringBuilder s = new StringBuilder("| Type | Missed | Cause |\n|---|---:|---|\n");
        missCauses.forEach((type, causes) -> causes.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(c -> s.append(String.format(Locale.ROOT, "| %s | %d | %s |%n", type.jsonName(),
                        c.getValue(), c.getKey()))));
        return s.toString();
    }

    List<String> missLog() {
        return missLog;
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
            if (t.state() != ElementState.NONE) {
                c.stated++;
                c.statesAgreeing += hit.get().state() == t.state() ? 1 : 0;
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

    /**
     * How often the state was right, per type, of the found elements whose DOM gives one (a checkbox checked or
     * not, a summary open or not): "checkbox 14 of 14, button 50 of 54"; "none" when no found element has one.
     */
    String stateLine() {
        String line = counts.entrySet().stream().filter(e -> e.getValue().stated > 0)
                .map(e -> e.getKey().jsonName() + " " + e.getValue().statesAgreeing + " of " + e.getValue().stated)
                .collect(Collectors.joining(", "));
        return "States right, of the found elements whose DOM gives one: " + (line.isEmpty() ? "none" : line) + "\n";
    }

    int pages() {
        return pages;
    }

    private static String ratio(int a, int b) {
        return b == 0 ? "-" : String.format(Locale.ROOT, "%.2f", (double) a / b);
    }
}
