package org.sightline.vision.documents;

import java.awt.Rectangle;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * Collects the words of one PDF page with their positions and fonts, and joins them into runs: words on one
 * baseline with no more than a wide word space between them. A run never crosses a column gutter, so the
 * page's reading order can be found from the runs' boxes by the same XY-cut that orders OCR lines.
 */
final class PdfTextCollector extends PDFTextStripper {

    /** A gap wider than this many font sizes between words on one baseline separates runs (columns, cells). */
    private static final double RUN_GAP = 1.0;

    private static final Pattern LEADER = Pattern.compile("(?:\\s?[.\u00b7\u2024\u2026]){4,}\\s*");

    private final double scale;
    private final List<Word> words = new ArrayList<>();
    private int visibleGlyphs;
    private int hiddenGlyphs;

    private record Word(String text, double left, double right, double baseline, double size, boolean bold) {
    }

    PdfTextCollector(int dpi) throws IOException {
        this.scale = dpi / 72.0;
        setSortByPosition(true);
        setSuppressDuplicateOverlappingText(true);
    }

    /** Reads page {@code index} (from 0) of {@code document}. */
    TextLayer collect(PDDocument document, int index, int width, int height) throws IOException {
        words.clear();
        visibleGlyphs = 0;
        hiddenGlyphs = 0;
        setStartPage(index + 1);
        setEndPage(index + 1);
        getText(document);
        return new TextLayer(runs(), width, height, (int) Math.round(scale * 72), hiddenGlyphs > visibleGlyphs);
    }

    @Override
    protected void processTextPosition(TextPosition text) {
        if (getGraphicsState().getTextState().getRenderingMode() == RenderingMode.NEITHER) {
            hiddenGlyphs++;
        } else {
            visibleGlyphs++;
        }
        super.processTextPosition(text);
    }

    @Override
    protected void writeString(String text, List<TextPosition> positions) {
        if (text.isBlank() || positions.isEmpty()) {
            return;
        }
        double left = Double.MAX_VALUE;
        double right = -Double.MAX_VALUE;
        double size = 0;
        int boldGlyphs = 0;
        for (TextPosition p : positions) {
            left = Math.min(left, p.getXDirAdj());
            right = Math.max(right, p.getXDirAdj() + p.getWidthDirAdj());
            size = Math.max(size, p.getFontSizeInPt());
            if (isBold(p.getFont())) {
                boldGlyphs++;
            }
        }
        // A superscript (a footnote mark, a power) is set smaller and raised; the word's line is that of the rest.
        double full = size;
        double baseline = positions.stream().filter(p -> !isSuperscript(p, full, positions)).findFirst()
                .orElse(positions.get(0)).getYDirAdj();
        String word = text;
        if (positions.stream().anyMatch(p -> isSuperscript(p, full, positions))) {
            StringBuilder read = new StringBuilder();
            for (TextPosition p : positions) {
                String unicode = p.getUnicode() == null ? "" : p.getUnicode();
                read.append(isSuperscript(p, full, positions) ? Superscripts.raise(unicode) : unicode);
            }
            word = read.toString();
        }
        words.add(new Word(word.strip(), left, right, baseline, size > 0 ? size : positions.get(0).getHeightDir(),
                2 * boldGlyphs > positions.size()));
    }

    /**
     * Whether a glyph is set as a superscript: at most 0.8 of the word's largest size, with its baseline raised
     * by at least 0.2 of that size above a glyph of full size in the same word.
     */
    private static boolean isSuperscript(TextPosition p, double size, List<TextPosition> word) {
        if (p.getFontSizeInPt() > 0.8 * size) {
            return false;
        }
        return word.stream().filter(o -> o.getFontSizeInPt() > 0.8 * size)
                .anyMatch(o -> o.getYDirAdj() - p.getYDirAdj() >= 0.2 * size);
    }

    private static boolean isBold(PDFont font) {
        if (font == null) {
            return false;
        }
        String name = font.getName() == null ? "" : font.getName().toLowerCase(Locale.ROOT);
        if (name.contains("bold") || name.contains("black") || name.contains("heavy")) {
            return true;
        }
        PDFontDescriptor descriptor = font.getFontDescriptor();
        return descriptor != null && (descriptor.isForceBold() || descriptor.getFontWeight() >= 600);
    }

    private List<DocumentLine> runs() {
        List<Word> sorted = new ArrayList<>(words);
        sorted.sort(Comparator.comparingDouble(Word::baseline).thenComparingDouble(Word::left));
        List<DocumentLine> out = new ArrayList<>();
        List<Word> run = new ArrayList<>();
        for (Word w : sorted) {
            if (!run.isEmpty()) {
                Word last = run.get(run.size() - 1);
                double em = Math.max(last.size(), w.size());
                boolean sameLine = Math.abs(w.baseline() - last.baseline()) < 0.3 * em;
                double gap = w.left() - last.right();
                if (!sameLine || gap > RUN_GAP * em || gap < -0.5 * em) {
                    out.add(toRun(run));
                    run.clear();
                }
            }
            run.add(w);
        }
        if (!run.isEmpty()) {
            out.add(toRun(run));
        }
        return out;
    }

    /**
     * One run as a line: its box spans the words and reaches from the ascender to the descender of its
     * largest font; its size and weight are those of most of its characters.
     */
    private DocumentLine toRun(List<Word> run) {
        StringBuilder text = new StringBuilder();
        double left = Double.MAX_VALUE;
        double right = -Double.MAX_VALUE;
        double baseline = 0;
        double maxSize = 0;
        int chars = 0;
        int boldChars = 0;
        Map<Long, Integer> sizeChars = new HashMap<>();
        for (Word w : run) {
            TextJoin.append(text, w.text());
            left = Math.min(left, w.left());
            right = Math.max(right, w.right());
            baseline = Math.max(baseline, w.baseline());
            maxSize = Math.max(maxSize, w.size());
            int n = w.text().length();
            chars += n;
            boldChars += w.bold() ? n : 0;
            sizeChars.merge(Math.round(w.size() * 2), n, Integer::sum);
        }
        double size = sizeChars.entrySet().stream().max(Map.Entry.comparingByValue())
                .map(e -> e.getKey() / 2.0).orElse(maxSize);
        int top = (int) Math.floor((baseline - 0.8 * maxSize) * scale);
        int bottom = (int) Math.ceil((baseline + 0.2 * maxSize) * scale);
        Rectangle box = new Rectangle((int) Math.floor(left * scale), top,
                Math.max(1, (int) Math.ceil((right - left) * scale)), Math.max(1, bottom - top));
        // Dot leaders (of a table of contents) carry nothing to a listener.
        String read = LEADER.matcher(text).replaceAll(" ").strip();
        return new DocumentLine(read.isEmpty() ? text.toString() : read, box, size * scale, 2 * boldChars > chars);
    }
}
