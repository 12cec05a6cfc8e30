package org.sightline.vision.summary;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.sightline.i18n.Messages;
import org.sightline.vision.ocr.OcrResult;
import org.sightline.vision.ocr.Scripts;
import org.sightline.vision.ocr.TextBlock;
import org.sightline.vision.ocr.TextLine;

/**
 * What can be said about an image for sure when no vision-language model is there to describe it: the title
 * (the largest line near the top), how much text there is, the first lines of the main text, the kinds of
 * controls found, and the dominant colours and brightness. {@link #text} introduces it as a summary of text
 * and layout, so it is never mistaken for a description of a scene; nothing in it is guessed.
 *
 * <p>Typical use: {@code LayoutSummary.of(image, ocrResult, elementCounts).text(Reason.NO_MODEL)}.
 *
 * @param title the title or top heading, when one line near the top is clearly larger than the text around it
 * @param lineCount the number of lines of text recognised
 * @param blockCount the number of blocks (paragraphs, menus, panels) they form
 * @param opening the first lines of the main text (the block with the most text), at most {@link #OPENING_LINES}
 * @param elementCounts kinds of elements found on the image and how many of each, in the order they are named
 * @param colours the dominant colours and brightness
 */
public record LayoutSummary(Optional<String> title, int lineCount, int blockCount, List<String> opening,
                            Map<String, Integer> elementCounts, DominantColours colours) {

    /** The most lines of the main text quoted. */
    public static final int OPENING_LINES = 3;
    /** The quote from the main text stops after about this many characters. */
    static final int OPENING_CHARS = 200;
    /** The title must be at least this much taller than a typical line, or it is just one more line. */
    static final double TITLE_SCALE = 1.25;
    /** The title starts within this top part of the image. */
    static final double TITLE_ZONE = 0.4;
    /** Lines recognised with less confidence than this are counted but never quoted. */
    static final double QUOTE_CONFIDENCE = 0.6;

    /**
     * Element kinds in the order a summary names them (the element map's type names). {@code text} is left
     * out: the lines of text are counted from the OCR result already.
     */
    static final List<String> KIND_ORDER = List.of("heading", "button", "link", "field", "checkbox", "radio", "image");

    private static final Messages MESSAGES = new Messages("org.sightline.vision.summary.messages");

    public LayoutSummary {
        Objects.requireNonNull(title, "title");
        opening = List.copyOf(opening);
        elementCounts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(elementCounts));
        Objects.requireNonNull(colours, "colours");
    }

    /** Why the user gets a summary instead of a description; it decides the first sentence. */
    public enum Reason {
        /** No description model is installed (or it cannot be downloaded now). */
        NO_MODEL,
        /** The user asked for the quick summary. */
        REQUESTED,
        /** The user asked a question, and answering questions needs a description model. */
        QUESTION_NEEDS_MODEL
    }

    /** The summary of {@code image} from what OCR read on it, with no element map. */
    public static LayoutSummary of(BufferedImage image, OcrResult text) {
        return of(image, text, Map.of());
    }

    /**
     * The summary of {@code image} from what OCR read on it and, when known, the element map's counts.
     *
     * @param elementCounts element type name (as the element map writes it in JSON: {@code heading},
     *     {@code button}, {@code link}, {@code field}, {@code checkbox}, {@code radio}, {@code image}; other names
     *     are named as they are) to how many were found; empty when there is no element map
     */
    public static LayoutSummary of(BufferedImage image, OcrResult text, Map<String, Integer> elementCounts) {
        List<TextLine> lines = text.lines();
        Optional<TextLine> title = title(lines, text.imageHeight());
        int blocks = (int) text.blocks().stream().filter(b -> !b.lines().isEmpty()).count();
        return new LayoutSummary(title.map(t -> t.text().strip()), lines.size(), blocks,
                opening(text.blocks(), title.orElse(null)), ordered(elementCounts), DominantColours.of(image));
    }

    /** The summary as one paragraph, introduced for {@code reason}, ready to speak or print. */
    public String text(Reason reason) {
        List<String> sentences = new ArrayList<>();
        sentences.add(MESSAGES.get("intro." + switch (reason) {
            case NO_MODEL -> "noModel";
            case REQUESTED -> "requested";
            case QUESTION_NEEDS_MODEL -> "questionNeedsModel";
        }));
        sentences.add(body());
        return String.join(MESSAGES.get("sentence.gap"), sentences);
    }

    /** The summary without its introduction (for a screen that already says what it is). */
    public String body() {
        List<String> sentences = new ArrayList<>();
        if (lineCount == 0) {
            sentences.add(MESSAGES.get("text.none"));
        } else {
            title.ifPresent(t -> sentences.add(sentence(MESSAGES.get("text.title", t))));
            sentences.add(MESSAGES.get("text.count", lineCount, blockCount));
            if (!opening.isEmpty()) {
                sentences.add(sentence(MESSAGES.get("text.opening", joinLines(opening))));
            }
        }
        List<String> kinds = new ArrayList<>();
        elementCounts.forEach((kind, count) -> kinds.add(kindText(kind, count)));
        if (!kinds.isEmpty()) {
            sentences.add(MESSAGES.get("elements", Lists.and(kinds)));
        }
        sentences.add(colours.text());
        return String.join(MESSAGES.get("sentence.gap"), sentences);
    }

    /**
     * Wrapped lines joined back into running text: with a space, except between two Chinese or Japanese
     * characters (or their full-width punctuation), where no space belongs.
     */
    static String joinLines(List<String> lines) {
        StringBuilder b = new StringBuilder();
        for (String line : lines) {
            if (b.length() > 0 && !(Scripts.writtenWithoutSpaces(b.codePointBefore(b.length()))
                    && Scripts.writtenWithoutSpaces(line.codePointAt(0)))) {
                b.append(' ');
            }
            b.append(line);
        }
        return b.toString();
    }

    private static String kindText(String kind, int count) {
        String key = "kind." + kind;
        String text = MESSAGES.get(key, count);
        return text.equals(key) ? MESSAGES.get("kind.other", count, kind) : text;
    }

    /** Ends {@code s} with a full stop unless it already ends a sentence (a quoted title may end in "?"). */
    private static String sentence(String s) {
        String stop = MESSAGES.get("stop");
        char last = s.isEmpty() ? ' ' : s.charAt(s.length() - 1);
        return ".!?。！？…".indexOf(last) >= 0 ? s : s + stop;
    }

    /**
     * The largest line near the top, when it stands out: a title is set larger than the text around it. A page
     * of same-sized lines has no title here, because calling its first line (a menu bar, say) a title would be
     * a guess.
     */
    static Optional<TextLine> title(List<TextLine> lines, int imageHeight) {
        List<TextLine> quotable = lines.stream().filter(LayoutSummary::quotable).toList();
        if (quotable.size() < 2) {
            return Optional.empty();
        }
        double typical = median(quotable.stream().mapToInt(l -> l.box().height).sorted().toArray());
        double zone = imageHeight > 0 ? imageHeight * TITLE_ZONE
                : quotable.stream().mapToInt(l -> l.box().y + l.box().height).max().orElse(0) * TITLE_ZONE;
        List<TextLine> top = quotable.stream().filter(l -> l.box().y <= zone).toList();
        int largest = top.stream().mapToInt(l -> l.box().height).max().orElse(0);
        // Of the lines of (nearly) the largest size, the one highest up is the title; but two headings side by
        // side (an h1 beside an h2 in the next column) are one row, where the larger one is the title.
        List<TextLine> large = top.stream().filter(l -> l.box().height >= largest * 0.9).toList();
        TextLine highest = large.stream().min(Comparator.comparingInt(l -> l.box().y)).orElse(null);
        if (highest == null) {
            return Optional.empty();
        }
        TextLine best = large.stream().filter(l -> sameRow(l, highest))
                .max(Comparator.comparingInt((TextLine l) -> l.box().height)
                        .thenComparingDouble(LayoutSummary::widthPerCharacter)).orElse(highest);
        if (best.box().height < typical * TITLE_SCALE) {
            return Optional.empty();
        }
        return Optional.of(best);
    }

    /** Whether either line's vertical centre lies within the other's box. */
    private static boolean sameRow(TextLine a, TextLine b) {
        return a.box().getCenterY() >= b.box().y && a.box().getCenterY() <= b.box().y + b.box().height
                || b.box().getCenterY() >= a.box().y && b.box().getCenterY() <= a.box().y + a.box().height;
    }

    /**
     * How wide the line is set per character: a size measure that OCR's padded boxes blur less than their height
     * (a 44-pixel heading and a 33-pixel one beside it can get boxes 42 and 38 pixels high).
     */
    private static double widthPerCharacter(TextLine line) {
        int chars = line.text().strip().codePointCount(0, line.text().strip().length());
        return chars == 0 ? 0 : (double) line.box().width / chars;
    }

    /**
     * The first lines of the block with the most text (the title left out), up to about 200 characters; a line
     * the same as one already quoted (an index's entries that all name one section) is quoted once.
     */
    private static List<String> opening(List<TextBlock> blocks, TextLine title) {
        List<String> best = List.of();
        int bestChars = 0;
        for (TextBlock block : blocks) {
            List<String> lines = new ArrayList<>();
            int chars = 0;
            for (TextLine line : block.lines()) {
                if (line.equals(title) || !quotable(line)) {
                    continue;
                }
                lines.add(line.text().strip());
                chars += line.text().strip().length();
            }
            if (chars > bestChars) {
                best = lines;
                bestChars = chars;
            }
        }
        List<String> quoted = new ArrayList<>();
        int used = 0;
        for (String line : best) {
            if (quoted.size() == OPENING_LINES || used >= OPENING_CHARS) {
                break;
            }
            if (quoted.contains(line)) {
                continue;
            }
            String piece = line.length() > OPENING_CHARS - used ? cut(line, OPENING_CHARS - used) : line;
            quoted.add(piece);
            used += piece.length();
        }
        return quoted;
    }

    /** {@code line} cut to about {@code max} characters at a space when there is one, marked with an ellipsis. */
    private static String cut(String line, int max) {
        int end = Math.max(1, max);
        int space = line.lastIndexOf(' ', end);
        if (space > end / 2) {
            end = space;
        }
        return line.substring(0, Math.min(end, line.length())).strip() + "…";
    }

    private static boolean quotable(TextLine line) {
        String t = line.text().strip();
        return line.confidence() >= QUOTE_CONFIDENCE && t.codePoints().filter(Character::isLetterOrDigit).count() >= 2;
    }

    private static double median(int[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }

    /** Known kinds first in {@link #KIND_ORDER}, then the others by name; zero counts and text lines left out. */
    private static Map<String, Integer> ordered(Map<String, Integer> counts) {
        Map<String, Integer> result = new LinkedHashMap<>();
        Map<String, Integer> normalised = new LinkedHashMap<>();
        counts.forEach((k, v) -> {
            if (k != null && v != null && v > 0) {
                normalised.merge(k.strip().toLowerCase(Locale.ROOT), v, Integer::sum);
            }
        });
        for (String kind : KIND_ORDER) {
            Integer n = normalised.remove(kind);
            if (n != null) {
                result.put(kind, n);
            }
        }
        normalised.remove("text");
        normalised.keySet().stream().sorted(Comparator.naturalOrder()).forEach(k -> result.put(k, normalised.get(k)));
        return result;
    }
}
