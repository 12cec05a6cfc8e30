package org.sightline.vision.elements;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.HashSet;
import org.sightline.error.SightlineException;
import org.sightline.task.TaskContext;
import org.sightline.vision.capture.Capture;
import org.sightline.vision.image.BlankImage;
import org.sightline.vision.ocr.OcrEngine;
import org.sightline.vision.ocr.OcrResult;
import org.sightline.vision.ocr.ScreenCoordinates;
import org.sightline.vision.ocr.TextLine;
import org.sightline.vision.ocr.layout.PageLayout;
import org.sightline.vision.ocr.layout.ReadingOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the element map of a capture from its OCR lines and its pixels. Controls come first: small squares
 * and circles beside text are checkboxes and radio buttons; a box around one short centred text is a
 * button, a wide box that is empty (or holds text at its left, a value or a hint) is a field, labelled by
 * the text beside or above it. The text left over is a heading, a link or plain text as the learned text
 * role model says ({@link TextRoleModel}; where it and the rules each decide: {@link TextRoleChoice}); without
 * the model, a heading when clearly taller or bolder than the body text, a link when underlined or in a
 * colour of its own, else plain text. Textured regions without text
 * are images. Why heuristics and not a detector model: see docs/decisions/0009-element-map.md.
 */
public final class ElementFinder {

    private static final Logger LOG = LoggerFactory.getLogger(ElementFinder.class);

    private final OcrEngine ocr;

    public ElementFinder(OcrEngine ocr) {
        this.ocr = ocr;
    }

    /**
     * Reads the capture and maps its elements.
     *
     * @throws SightlineException BAD_INPUT when the capture is blank
     */
    public ElementMap find(Capture capture, TaskContext context) {
        requireNotBlank(capture.image());
        OcrResult text = ocr.read(capture.image(), context);
        return analyse(capture, text, context);
    }

    /**
     * Refuses a blank capture (a screen curtain, a black frame) before any model is loaded or run.
     *
     * @throws SightlineException BAD_INPUT when the image is blank
     */
    public static void requireNotBlank(BufferedImage image) {
        BlankImage.refuse(image);
    }

    /** Maps the elements of {@code capture} given its OCR result (which must come from the same image). */
    public static ElementMap analyse(Capture capture, OcrResult text, TaskContext context) {
        return analyse(capture, text, context, TextRoleModel.shipped());
    }

    /**
     * As {@link #analyse(Capture, OcrResult, TaskContext)} with the text role model {@code roles}; empty leaves
     * every text to the rules (what the benchmark compares the model against).
     */
    static ElementMap analyse(Capture capture, OcrResult text, TaskContext context, Optional<TextRoleModel> roles) {
        return new Analysis(capture, text, context, roles).run();
    }

    private static final class Analysis {
        private final Capture capture;
        private final BufferedImage image;
        private final OcrResult text;
        private final TaskContext context;
        private final Optional<TextRoleModel> roles;
        private final Pixels pixels;
        private final List<Found> found = new ArrayList<>();
        private List<TextSegment> segments;
        private double bodyHeight;
        private final Set<String> fieldLabels = new HashSet<>();
        /** Every text taken as a field's label, near or not: the model's verdict does not apply to them. */
        private final Set<String> labelsOfFields = new HashSet<>();

        Analysis(Capture capture, OcrResult text, TaskContext context, Optional<TextRoleModel> roles) {
            this.capture = capture;
            this.image = capture.image();
            this.text = text;
            this.context = context;
            this.roles = roles;
            this.pixels = new Pixels(image);
        }

        ElementMap run() {
            context.cancellation().throwIfCancelled();
            OutlineFinder outlineFinder = new OutlineFinder(pixels);
            List<Outline> outlines = outlineFinder.find();
            context.cancellation().throwIfCancelled();
            TextSegmenter segmenter = new TextSegmenter(pixels);
            segments = new ArrayList<>();
            List<TextLine> lines = text.lines();
            for (int i = 0; i < lines.size(); i++) {
                segments.addAll(segmenter.split(lines.get(i), i));
            }
            bodyHeight = weightedMedian(segments, s -> (double) s.box.height, 16);
            context.cancellation().throwIfCancelled();
            if (Boolean.getBoolean("sightline.elements.debug")) {
                System.err.println("== " + capture.description() + " body height " + bodyHeight);
                outlines.forEach(o -> System.err.println("outline " + o));
                segments.forEach(s -> System.err.printf("segment %s ink=%06x bg=%06x stroke=%.3f under=%s%n", s,
                        s.ink, s.background, s.strokeRatio, s.underlined));
            }
            findToggles(outlines, segmenter);
            findBoxes(outlines);
            classifyText(segmenter);
            context.cancellation().throwIfCancelled();
            List<Found> controls = List.copyOf(found);
            for (Rectangle picture : new PictureFinder(pixels, outlineFinder.structure(), textBoxes()).find()) {
                // The inside of a coloured button is not a picture.
                if (controls.stream().noneMatch(f -> f.box.contains(picture) || iou(f.box, picture) > 0.5)) {
                    found.add(new Found(ElementType.IMAGE, "", picture, 0.6));
                }
            }
            return order();
        }

        private List<Rectangle> textBoxes() {
            List<Rectangle> boxes = new ArrayList<>();
            for (TextLine line : text.lines()) {
                boxes.add(line.box());
            }
            return boxes;
        }

        /** Checkboxes and radio buttons: small squares and circles with text just beside them. */
        private void findToggles(List<Outline> outlines, TextSegmenter segmenter) {
            Map<TextSegment, List<Outline>> hosted = new HashMap<>();
            List<Outline> loose = new ArrayList<>();
            for (Outline o : outlines) {
                Rectangle b = o.box();
                boolean squarish = Math.abs(b.width - b.height) <= Math.max(2, 0.2 * Math.max(b.width, b.height));
                if (!squarish || b.height > Math.max(30, 1.6 * bodyHeight) || b.height < 9) {
                    continue;
                }
                TextSegment host = null;
                for (TextSegment s : segments) {
                    if (!s.consumed && s.box.contains(b.getCenterX(), b.getCenterY())) {
                        host = s;
                    }
                }
                if (host != null) {
                    // OCR read the box as a letter (O, a box glyph); a real letter O is followed by the next
                    // letter, a control by a gap.
                    // A letter (o, e, O) inside the line is drawn in the line's own ink; a control at the start
                    // of its label's line may share it only on a line of body-text size.
                    boolean sameInk = Pixels.distance(strongestColour(b, host.background), host.ink) < 40;
                    boolean atStart = b.x - host.box.x < b.width;
                    boolean letterLike = sameInk && (!atStart || host.box.height > 1.15 * bodyHeight);
                    boolean even = Math.abs(b.width - b.height) <= 1 && b.height >= 11 && !letterLike;
                    if (even && b.height >= 0.5 * host.box.height && gapAfter(b, host) && gapBefore(b, host)) {
                        hosted.computeIfAbsent(host, k -> new ArrayList<>()).add(o);
                    }
                    continue;
                }
                loose.add(o);
            }
            for (Map.Entry<TextSegment, List<Outline>> entry : hosted.entrySet()) {
                TextSegment host = entry.getKey();
                List<Outline> toggles = new ArrayList<>(entry.getValue());
                toggles.sort(Comparator.comparingInt(o -> o.box().x));
                List<int[]> ranges = new ArrayList<>();
                ranges.add(new int[] {host.box.x, toggles.get(0).box().x - 1});
                for (int i = 0; i < toggles.size(); i++) {
                    Rectangle b = toggles.get(i).box();
                    int end = i + 1 < toggles.size() ? toggles.get(i + 1).box().x - 1 : host.box.x + host.box.width;
                    ranges.add(new int[] {b.x + b.width, end});
                }
                host.consumed = true;
                Rectangle firstBox = toggles.get(0).box();
                if (toggles.size() == 1 && firstBox.x - host.box.x < firstBox.width) {
                    // The line is the control and its label; OCR read the control as a leading letter.
                    found.add(toggle(toggles.get(0), stripLeadingGlyph(host.text)));
                    continue;
                }
                List<TextSegment> pieces = segmenter.pieces(host, ranges);
                for (int i = 0; i < toggles.size(); i++) {
                    int[] range = ranges.get(i + 1);
                    String label = pieces.stream().filter(p -> p.centerX() >= range[0] && p.centerX() <= range[1])
                            .map(p -> p.text).findFirst().orElse("");
                    found.add(toggle(toggles.get(i), stripBoxGlyph(label)));
                }
                int[] before = ranges.get(0);
                pieces.stream().filter(p -> p.centerX() >= before[0] && p.centerX() <= before[1])
                        .forEach(segments::add);
            }
            // Boxes not read as part of a line: their label is the text just right of them.
            for (Outline o : loose) {
                TextSegment beside = besideRight(o.box());
                if (beside != null) {
                    beside.consumed = true;
                    found.add(toggle(o, beside.text));
                }
            }
        }

        private static Found toggle(Outline o, String label) {
            return new Found(o.circle() ? ElementType.RADIO : ElementType.CHECKBOX, label, o.box(),
                    o.circle() ? 0.7 : 0.75);
        }

        /** "ORemember me" or "口 Remember me" to "Remember me"; "Open" stays. */
        private static String stripLeadingGlyph(String text) {
            String t = text.strip();
            if (t.length() > 1 && isBoxGlyph(t.charAt(0))
                    && (t.charAt(1) == ' ' || !Character.isLowerCase(t.charAt(1)) || t.codePointAt(0) > 0x2000)) {
                return t.substring(1).strip();
            }
            return stripBoxGlyph(t);
        }

        private static String stripBoxGlyph(String label) {
            String t = label.strip();
            while (!t.isEmpty() && (isBoxGlyph(t.charAt(0)) && (t.length() == 1 || t.charAt(1) == ' ')
                    || "<>口□☐☑☒".indexOf(t.charAt(0)) >= 0)) {
                t = t.substring(1).strip();
            }
            return t;
        }

        private static boolean isBoxGlyph(char c) {
            return "口□☐☑☒○◯〇OoQ0◎●◉".indexOf(c) >= 0;
        }

        private boolean gapAfter(Rectangle b, TextSegment host) {
            int bg = host.background;
            int need = Math.max(2, (int) (0.2 * b.height));
            for (int x = b.x + b.width; x < Math.min(pixels.width, b.x + b.width + need); x++) {
                for (int y = b.y; y < b.y + b.height; y++) {
                    if (Pixels.distance(pixels.at(x, y), bg) > 60) {
                        return false;
                    }
                }
            }
            return true;
        }

        private int strongestColour(Rectangle b, int background) {
            int best = background;
            int bestDistance = -1;
            Rectangle r = b.intersection(pixels.bounds());
            for (int y = r.y; y < r.y + r.height; y++) {
                for (int x = r.x; x < r.x + r.width; x++) {
                    int d = Pixels.distance(pixels.at(x, y), background);
                    if (d > bestDistance) {
                        bestDistance = d;
                        best = pixels.at(x, y);
                    }
                }
            }
            return best;
        }

        private boolean gapBefore(Rectangle b, TextSegment host) {
            int need = Math.max(2, (int) (0.2 * b.height));
            for (int x = Math.max(host.box.x, b.x - need); x < b.x; x++) {
                for (int y = b.y; y < b.y + b.height; y++) {
                    if (Pixels.distance(pixels.at(x, y), host.background) > 60) {
                        return false;
                    }
                }
            }
            return true;
        }

        private TextSegment besideRight(Rectangle b) {
            TextSegment best = null;
            for (TextSegment s : segments) {
                if (s.consumed) {
                    continue;
                }
                boolean sameRow = s.centerY() >= b.y - 2 && s.centerY() <= b.y + b.height + 2;
                int gap = s.box.x - (b.x + b.width);
                if (sameRow && gap >= -2 && gap <= Math.max(24, 2.5 * b.width)
                        && (best == null || s.box.x < best.box.x)) {
                    best = s;
                }
            }
            return best;
        }

        /** Buttons and fields: boxes around one short text, or empty wide boxes. */
        private void findBoxes(List<Outline> outlines) {
            List<Outline> boxes = new ArrayList<>();
            for (Outline o : outlines) {
                Rectangle b = o.box();
                if (o.circle() || b.height < 0.8 * bodyHeight || b.height > Math.max(64, 3.2 * bodyHeight)
                        || b.width < 1.5 * b.height && b.height < 1.6 * bodyHeight) {
                    continue;
                }
                // A box's outer and inner edges (a thick border, a border round a fill) give two outlines.
                boolean duplicate = false;
                for (Outline other : outlines) {
                    Rectangle ob = other.box();
                    if (other != o && ob.contains(b) && !ob.equals(b) && iou(ob, b) > 0.7) {
                        duplicate = true;
                    }
                }
                if (!duplicate) {
                    boxes.add(o);
                }
            }
            boxes.sort(Comparator.comparingDouble(o -> (double) o.box().width * o.box().height));
            for (Outline o : boxes) {
                Rectangle b = o.box();
                List<TextSegment> inside = new ArrayList<>();
                for (TextSegment s : segments) {
                    if (!s.consumed && b.contains(s.centerX(), s.centerY())) {
                        inside.add(s);
                    }
                }
                boolean oneRow = inside.stream().allMatch(s -> s.sameRow(inside.get(0)));
                if (!oneRow) {
                    continue;
                }
                if (inside.isEmpty()) {
                    if (b.width >= 2.5 * b.height) {
                        found.add(new Found(ElementType.FIELD, fieldLabel(b), b, 0.7));
                    }
                    continue;
                }
                Rectangle textBox = null;
                StringBuilder label = new StringBuilder();
                inside.sort(Comparator.comparingInt(s -> s.box.x));
                for (TextSegment s : inside) {
                    textBox = textBox == null ? new Rectangle(s.box) : textBox.union(s.box);
                    if (label.length() > 0) {
                        label.append(' ');
                    }
                    label.append(s.text);
                }
                boolean centred = Math.abs(textBox.getCenterX() - b.getCenterX()) <= 0.12 * b.width + 3;
                boolean fills = textBox.width >= 0.6 * b.width;
                double confidence = inside.stream().mapToDouble(s -> s.confidence).average().orElse(0.5);
                if (centred || fills) {
                    found.add(new Found(ElementType.BUTTON, label.toString(), b, 0.8 * confidence));
                } else {
                    String outside = fieldLabel(b);
                    found.add(new Found(ElementType.FIELD, outside.isEmpty() ? label.toString() : outside, b,
                            0.65 * confidence));
                }
                inside.forEach(s -> s.consumed = true);
            }
        }

        /** The text just left of a field on its row, or just above it. */
        private String fieldLabel(Rectangle field) {
            TextSegment best = null;
            double bestDistance = Double.MAX_VALUE;
            for (TextSegment s : segments) {
                if (s.consumed || s.box.height > 1.3 * bodyHeight || s.underlined) {
                    continue; // a logo, a heading or a link (the menu above a search box) does not label a field
                }
                double distance = Double.MAX_VALUE;
                int leftGap = field.x - (s.box.x + s.box.width);
                if (s.centerY() >= field.y && s.centerY() <= field.y + field.height && leftGap >= -2
                        && leftGap <= 3 * bodyHeight + 20) {
                    distance = leftGap;
                }
                int aboveGap = field.y - (s.box.y + s.box.height);
                if (aboveGap >= -2 && aboveGap <= 1.5 * bodyHeight + 8 && s.box.x >= field.x - 12
                        && s.box.x <= field.x + field.width / 2) {
                    distance = Math.min(distance, aboveGap);
                }
                if (distance < bestDistance) {
                    bestDistance = distance;
                    best = s;
                }
            }
            if (best != null) {
                labelsOfFields.add(best.text);
            }
            if (best != null && bestDistance <= 0.5 * bodyHeight + 2) {
                fieldLabels.add(best.text); // right against the field: a label, even when bold
            }
            return best == null ? "" : best.text.replaceAll("[:：*]+$", "").strip();
        }

        private void classifyText(TextSegmenter segmenter) {
            List<TextSegment> unsplit = segments.stream().filter(s -> !s.consumed).toList();
            if (unsplit.isEmpty()) {
                return;
            }
            int bodyInk = mostCommonInk(unsplit);
            List<TextSegment> free = new ArrayList<>();
            for (TextSegment s : unsplit) {
                free.addAll(segmenter.splitByColour(s, bodyInk));
            }
            Set<TextSegment> code = highlightedCode(free);
            // The body's size and weight come from the running text: a code block's monospaced lines, drawn in
            // another face and often bolder, would otherwise set the scale that headings and links are read by.
            List<TextSegment> prose = free.stream().filter(s -> !code.contains(s)).toList();
            List<TextSegment> scale = prose.isEmpty() ? free : prose;
            double bodyH = weightedMedian(scale, s -> (double) s.box.height, bodyHeight);
            double bodyStroke = weightedMedian(scale, s -> s.strokeRatio, 0.1);
            int pageBackground = pixels.dominantColour(pixels.bounds());
            Set<TextSegment> menuItems = menuItems(free, pageBackground);
            context.cancellation().throwIfCancelled();
            Map<TextSegment, TextRoleModel.Guess> guesses = guessRoles(free);
            if (Boolean.getBoolean("sightline.elements.debug")) {
                System.err.printf("body height %.1f stroke %.3f ink %06x%n", bodyH, bodyStroke, bodyInk);
                free.forEach(s -> System.err.printf("free %s ink=%06x stroke=%.3f under=%s%n", s, s.ink, s.strokeRatio,
                        s.underlined));
            }
            for (TextSegment s : free) {
                double ratio = s.box.height / bodyH;
                boolean bold = s.strokeRatio >= 1.25 * bodyStroke && bodyStroke > 0;
                boolean alone = free.stream().noneMatch(o -> o != s && o.sameRow(s));
                int words = s.words();
                boolean shortText = words <= 12 && s.text.length() <= 90;
                boolean coloured = Pixels.distance(s.ink, bodyInk) >= 60 && Pixels.chroma(s.ink) >= 60;
                ElementType type = ElementType.TEXT;
                double certainty = 0.9;
                boolean label = fieldLabels.contains(s.text);
                boolean veryBold = s.strokeRatio >= 1.7 * bodyStroke && bodyStroke > 0 && words <= 8;
                if (code.contains(s)) {
                    type = ElementType.TEXT;
                } else if (shortText && (ratio >= 1.3 || !label && (ratio >= 1.1 && bold || bold && alone && ratio >= 0.95
                        || veryBold && ratio >= 0.7))) {
                    type = ElementType.HEADING;
                    certainty = ratio >= 1.3 ? 0.85 : 0.6;
                } else if (s.underlined && shortText) {
                    type = ElementType.LINK;
                    certainty = 0.8;
                } else if (coloured && shortText) {
                    type = ElementType.LINK;
                    certainty = 0.7;
                } else if (menuItems.contains(s)) {
                    type = ElementType.LINK;
                    certainty = 0.55;
                }
                TextRoleChoice.Choice choice = TextRoleChoice.choose(type, certainty,
                        code.contains(s) || labelsOfFields.contains(s.text), Optional.ofNullable(guesses.get(s)));
                found.add(new Found(choice.type(), s.text, s.box, choice.certainty() * s.confidence,
                        choice.headingLevel()));
            }
        }

        /**
         * The text role model's guess for each free segment, judged among all the page's text (the segments
         * controls took stay as neighbours); none when there is no model or it fails, and the rules decide.
         */
        private Map<TextSegment, TextRoleModel.Guess> guessRoles(List<TextSegment> free) {
            Map<TextSegment, TextRoleModel.Guess> guesses = new HashMap<>();
            if (roles.isEmpty() || free.isEmpty()) {
                return guesses;
            }
            List<TextSegment> all = new ArrayList<>(free);
            segments.stream().filter(s -> s.consumed).forEach(all::add);
            List<Rectangle> boxes = all.stream().map(s -> s.box).toList();
            List<String> texts = all.stream().map(s -> s.text).toList();
            try {
                List<TextRoleModel.Guess> found = roles.get().classify(pixels, boxes, texts);
                for (int i = 0; i < free.size(); i++) {
                    guesses.put(free.get(i), found.get(i));
                    if (Boolean.getBoolean("sightline.elements.debug")) {
                        System.err.printf("role %s %.2f for %s%n", found.get(i).role(), found.get(i).confidence(),
                                free.get(i));
                    }
                }
            } catch (IllegalStateException e) {
                LOG.warn("the text role model failed ({}); the rules decide", e.getMessage());
                guesses.clear();
            }
            return guesses;
        }

        /**
         * Text in a syntax-highlighted code block: pieces on one background colour, in three or more ink colours,
         * and mostly code (brackets, semicolons, operators in a third or more of its pieces). Its colours mark
         * keywords and strings, not links, and its short lines are not headings. The block may fill most of the
         * capture (an editor window), so its background may be the page's own. Only the runs of the block's lines
         * that hold a piece with code marks are code: on a documentation page whose code panels are as pale as
         * the page, the block also holds the page's headings, prose and links (and OCR may join a sidebar's item
         * to the code line beside it), which must stay apart.
         */
        private Set<TextSegment> highlightedCode(List<TextSegment> free) {
            Set<TextSegment> code = new HashSet<>();
            for (TextSegment s : free) {
                if (code.contains(s)) {
                    continue;
                }
                List<TextSegment> block = free.stream()
                        .filter(o -> Pixels.distance(o.background, s.background) <= SAME_INK).toList();
                List<Integer> inks = new ArrayList<>();
                for (TextSegment o : block) {
                    if (inks.stream().noneMatch(i -> Pixels.distance(i, o.ink) <= SAME_INK)) {
                        inks.add(o.ink);
                    }
                }
                long codeLike = block.stream().filter(Analysis::hasCodeMarks).count();
                if (inks.size() >= 3 && codeLike * 3 >= block.size()) {
                    code.addAll(codeRuns(block));
                }
            }
            return code;
        }

        /**
         * Rows of three or more short separate texts at the top of the page or on a bar of their own colour:
         * a menu, whose items are links even when they look like plain text.
         */
        private Set<TextSegment> menuItems(List<TextSegment> free, int pageBackground) {
            Set<TextSegment> items = new HashSet<>();
            for (TextSegment s : free) {
                List<TextSegment> row = free.stream().filter(o -> o.sameRow(s)).toList();
                boolean menuLike = row.size() >= 3 && row.stream().allMatch(o -> o.words() <= 4
                        && o.text.length() <= 30 && !o.text.endsWith("."));
                boolean placed = s.centerY() < 0.15 * pixels.height
                        || Pixels.distance(s.background, pageBackground) > OutlineFinder.EDGE_THRESHOLD;
                if (menuLike && placed) {
                    items.add(s);
                }
            }
            return items;
        }

        /**
         * The pieces of {@code block} in runs that hold code marks: on each line, pieces at most two heights
         * apart form a run.
         */
        private static Set<TextSegment> codeRuns(List<TextSegment> block) {
            Set<TextSegment> code = new HashSet<>();
            Map<Integer, List<TextSegment>> lines = new HashMap<>();
            block.forEach(s -> lines.computeIfAbsent(s.line, k -> new ArrayList<>()).add(s));
            for (List<TextSegment> line : lines.values()) {
                line.sort(Comparator.comparingInt(s -> s.box.x));
                List<TextSegment> run = new ArrayList<>();
                for (TextSegment s : line) {
                    if (!run.isEmpty()) {
                        TextSegment last = run.get(run.size() - 1);
                        if (s.box.x - (last.box.x + last.box.width) > 2 * Math.max(s.box.height, last.box.height)) {
                            addIfCode(run, code);
                            run = new ArrayList<>();
                        }
                    }
                    run.add(s);
                }
                addIfCode(run, code);
            }
            return code;
        }

        private static void addIfCode(List<TextSegment> run, Set<TextSegment> code) {
            if (run.stream().anyMatch(Analysis::hasCodeMarks)) {
                code.addAll(run);
            }
        }

        private static boolean hasCodeMarks(TextSegment s) {
            return s.text.chars().anyMatch(c -> CODE_MARKS.indexOf(c) >= 0);
        }

        /** Characters common in code and rare in running text. */
        private static final String CODE_MARKS = "{}();=<>[]";
        /** Colours at most this far apart count as one. */
        private static final int SAME_INK = 40;

        /** The ink colour most of the text has (by characters), grouping colours that differ only slightly. */
        private static int mostCommonInk(List<TextSegment> list) {
            int best = list.get(0).ink;
            long bestWeight = -1;
            for (TextSegment s : list) {
                long weight = 0;
                for (TextSegment o : list) {
                    if (Pixels.distance(s.ink, o.ink) <= 40) {
                        weight += o.text.length();
                    }
                }
                if (weight > bestWeight) {
                    bestWeight = weight;
                    best = s.ink;
                }
            }
            return best;
        }

        private static double weightedMedian(List<TextSegment> list, java.util.function.ToDoubleFunction<TextSegment> f,
                                             double fallback) {
            if (list.isEmpty()) {
                return fallback;
            }
            List<TextSegment> sorted = new ArrayList<>(list);
            sorted.sort(Comparator.comparingDouble(f));
            long total = sorted.stream().mapToLong(s -> Math.max(1, s.text.length())).sum();
            long seen = 0;
            for (TextSegment s : sorted) {
                seen += Math.max(1, s.text.length());
                if (seen * 2 >= total) {
                    return f.applyAsDouble(s);
                }
            }
            return fallback;
        }

        private ElementMap order() {
            List<Rectangle> boxes = found.stream().map(f -> f.box).toList();
            PageLayout layout = ReadingOrder.of(boxes, text.regions());
            List<Element> elements = new ArrayList<>();
            for (List<List<Integer>> block : layout.blocks()) {
                for (List<Integer> row : block) {
                    for (int index : row) {
                        elements.add(found.get(index).toElement(capture));
                    }
                }
            }
            return new ElementMap(elements, text.regions(), image.getWidth(), image.getHeight(),
                    capture.screenBounds() != null);
        }
    }

    static double iou(Rectangle a, Rectangle b) {
        Rectangle i = a.intersection(b);
        if (i.isEmpty()) {
            return 0;
        }
        double inter = (double) i.width * i.height;
        return inter / ((double) a.width * a.height + (double) b.width * b.height - inter);
    }

    private record Found(ElementType type, String label, Rectangle box, double confidence, int headingLevel) {
        Found(ElementType type, String label, Rectangle box, double confidence) {
            this(type, label, box, confidence, 0);
        }

        Element toElement(Capture capture) {
            Rectangle screen = ScreenCoordinates.toScreen(box, capture);
            double c = Math.max(0, Math.min(1, confidence));
            return new Element(type, label, screen == null ? box : screen, box, Math.round(c * 100) / 100.0,
                    headingLevel);
        }
    }
}
