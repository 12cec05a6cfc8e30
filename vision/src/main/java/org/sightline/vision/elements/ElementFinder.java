package org.sightline.vision.elements;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.sightline.error.SightlineException;
import org.sightline.task.TaskContext;
import org.sightline.vision.capture.Capture;
import org.sightline.vision.image.BlankImage;
import org.sightline.vision.ocr.OcrEngine;
import org.sightline.vision.ocr.OcrResult;
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
        return analyse(capture, text, context, roles, ElementDetector.shipped(), LearnedControls.USED);
    }

    /**
     * As {@link #analyse(Capture, OcrResult, TaskContext, Optional)} with the element detector {@code detector}
     * taken for the kinds in {@code used}; empty (or no kinds) leaves controls and pictures to the rules.
     */
    static ElementMap analyse(Capture capture, OcrResult text, TaskContext context, Optional<TextRoleModel> roles,
                              Optional<ElementDetector> detector, Set<ElementDetections.Kind> used) {
        return analyse(capture, text, context, roles, detector, used, LearnedControls.FieldSource.SHIPPED);
    }

    /** As the method above with the text fields taken from {@code fields} (what the benchmark compares). */
    static ElementMap analyse(Capture capture, OcrResult text, TaskContext context, Optional<TextRoleModel> roles,
                              Optional<ElementDetector> detector, Set<ElementDetections.Kind> used,
                              LearnedControls.FieldSource fields) {
        return new Analysis(capture, text, context, roles, detector, used, fields).run();
    }

    /** One capture's analysis: the finders in turn, each taking the text it explains, then the map in order. */
    private static final class Analysis {
        private final Capture capture;
        private final BufferedImage image;
        private final OcrResult text;
        private final TaskContext context;
        private final Optional<TextRoleModel> roles;
        private final Optional<ElementDetector> detector;
        private final Set<ElementDetections.Kind> used;
        private final LearnedControls.FieldSource fields;
        private final Pixels pixels;
        private final List<Found> found = new ArrayList<>();

        Analysis(Capture capture, OcrResult text, TaskContext context, Optional<TextRoleModel> roles,
                 Optional<ElementDetector> detector, Set<ElementDetections.Kind> used,
                 LearnedControls.FieldSource fields) {
            this.capture = capture;
            this.image = capture.image();
            this.text = text;
            this.context = context;
            this.roles = roles;
            this.detector = detector;
            this.used = used;
            this.fields = fields;
            this.pixels = new Pixels(image);
        }

        ElementMap run() {
            context.cancellation().throwIfCancelled();
            OutlineFinder outlineFinder = new OutlineFinder(pixels);
            List<Outline> outlines = outlineFinder.find();
            context.cancellation().throwIfCancelled();
            TextSegmenter segmenter = new TextSegmenter(pixels,
                    outlines.stream().filter(o -> !o.circle()).map(Outline::box).toList());
            List<TextSegment> segments = segmenter.splitAll(text.lines());
            PageText page = new PageText(pixels, segments);
            context.cancellation().throwIfCancelled();
            if (Boolean.getBoolean("sightline.elements.debug")) {
                System.err.println("== " + capture.description() + " body height " + page.bodyHeight);
                outlines.forEach(o -> System.err.println("outline " + o));
                segments.forEach(s -> System.err.printf("segment %s ink=%06x bg=%06x stroke=%.3f under=%s%n", s,
                        s.ink, s.background, s.strokeRatio, s.underlined));
            }
            List<ElementDetections.Detection> detections = detect();
            if (Boolean.getBoolean("sightline.elements.debug")) {
                detections.forEach(d -> System.err.println("detected " + d));
            }
            context.cancellation().throwIfCancelled();
            LearnedControls learned = new LearnedControls(page, used, fields);
            found.addAll(new ToggleFinder(page).find(outlines, segmenter));
            found.addAll(new BoxedControlFinder(page).find(outlines));
            found.addAll(new DisclosureFinder(page).find());
            learned.addControls(detections, found, new ButtonRows(pixels, segmenter));
            addText(new TextTyper(page, roles, context).find(segmenter));
            learned.logos(detections, found);
            context.cancellation().throwIfCancelled();
            List<Found> controls = List.copyOf(found);
            for (Rectangle picture : new PictureFinder(pixels, outlineFinder.structure(), textBoxes()).find()) {
                // The inside of a coloured button is not a picture.
                if (controls.stream().noneMatch(f -> f.box().contains(picture) || iou(f.box(), picture) > 0.5)) {
                    found.add(new Found(ElementType.IMAGE, "", picture, 0.6));
                }
            }
            found.addAll(learned.pictures(detections, List.copyOf(found)));
            return order();
        }

        /**
         * Adds the typed text. Text whose middle lies in a one-line text field is the field's hint or value,
         * which OCR may have read as part of a line beside the field ("Search docs" after a menu): it names a
         * field that has no label yet, and is never a link or a heading of its own. Plain text that is the whole
         * label of the button it lies in (a disclosure's summary line, "Changelog") is that button, not said
         * twice.
         */
        private void addText(List<Found> typed) {
            for (Found t : typed) {
                if (t.type() == ElementType.TEXT && found.stream().anyMatch(b -> b.type() == ElementType.BUTTON
                        && b.box().contains(t.box().getCenterX(), t.box().getCenterY())
                        && b.label().replace(" ", "").equalsIgnoreCase(t.label().replace(" ", "")))) {
                    continue;
                }
                // A one-line field: the lines inside a text area are what the user wrote, kept as text.
                Optional<Found> field = found.stream().filter(f -> f.type() == ElementType.FIELD
                        && f.box().height <= 2.5 * t.box().height
                        && f.box().contains(t.box().getCenterX(), t.box().getCenterY())).findFirst();
                if (field.isEmpty()) {
                    found.add(t);
                } else if (field.get().label().isBlank()) {
                    Found f = field.get();
                    found.set(found.indexOf(f), new Found(f.type(), t.label(), f.box(), f.confidence()));
                }
            }
        }

        /** What the element detector sees, when it is there and wanted; nothing when it fails (the rules stay). */
        private List<ElementDetections.Detection> detect() {
            if (detector.isEmpty() || used.isEmpty()) {
                return List.of();
            }
            try {
                return detector.get().detect(pixels);
            } catch (IllegalStateException e) {
                LOG.warn("the element detector failed ({}); the rules decide", e.getMessage());
                return List.of();
            }
        }

        private List<Rectangle> textBoxes() {
            List<Rectangle> boxes = new ArrayList<>();
            for (TextLine line : text.lines()) {
                boxes.add(line.box());
            }
            return boxes;
        }

        private ElementMap order() {
            List<Rectangle> boxes = found.stream().map(Found::box).toList();
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
}
