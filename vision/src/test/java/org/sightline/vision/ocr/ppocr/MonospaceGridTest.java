package org.sightline.vision.ocr.ppocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sightline.vision.testing.TestFonts;

/** Finding the character cells of monospaced lines, and the spaces they give, on lines drawn here. */
class MonospaceGridTest {

    private static final Color CODE_BACKGROUND = new Color(0x1e, 0x1e, 0x1e);
    private static final Color CODE_INK = new Color(0xd4, 0xd4, 0xd4);

    /** Columns with glyph ink {@code from..to} pixels into each {@code pitch}-wide cell; blanks at {@code empty}. */
    private static boolean[] cells(double pitch, int count, int from, int to, int... empty) {
        boolean[] ink = new boolean[(int) Math.ceil(pitch * count) + 6];
        outer:
        for (int k = 0; k < count; k++) {
            for (int e : empty) {
                if (e == k) {
                    continue outer;
                }
            }
            int start = (int) Math.round(3 + k * pitch);
            for (int x = start + from; x <= start + to; x++) {
                ink[x] = true;
            }
        }
        return ink;
    }

    @Test
    void evenCellsWithClearBordersAreAGridAndItsEmptyCellsAreSpaces() {
        boolean[] ink = cells(20.6, 12, 4, 15, 3, 7);
        MonospaceGrid grid = MonospaceGrid.fit(ink, 10, SpaceRestorer.MIN_PITCH, 48);
        assertThat(grid).isNotNull();
        assertThat(grid.pitch()).isCloseTo(20.6, org.assertj.core.data.Offset.offset(0.3));
        assertThat(grid.inkedCells()).containsExactly(0, 1, 2, 4, 5, 6, 8, 9, 10, 11);
    }

    @Test
    void aGridMustHoldExactlyTheCharactersRead() {
        boolean[] ink = cells(20.6, 12, 4, 15, 3, 7);
        // The recogniser read one character fewer than there are inked cells: the cells cannot be trusted.
        assertThat(MonospaceGrid.fit(ink, 9, SpaceRestorer.MIN_PITCH, 48)).isNull();
    }

    @Test
    void unevenLettersAreNoGrid() {
        boolean[] ink = new boolean[400];
        int x = 2;
        int[] widths = {14, 6, 22, 9, 17, 5, 12, 25, 8, 15, 11, 19};
        for (int w : widths) {
            for (int i = 0; i < w; i++) {
                ink[x + i] = true;
            }
            x += w + 3;
        }
        assertThat(MonospaceGrid.fit(ink, widths.length, SpaceRestorer.MIN_PITCH, 48)).isNull();
    }

    @Test
    void codeKeepsItsSpacesAndLosesTheModelsFalseOnes() {
        // The model put a space before "(file)" and none at all around " : ".
        assertThat(restore("if (!Files.exists(file)) {", "DejaVu Sans Mono", "exists|(")).isEqualTo(
                "if (!Files.exists(file)) {");
        assertThat(restore("for (String line : Files.readAllLines(file)) {", "DejaVu Sans Mono", null))
                .isEqualTo("for (String line : Files.readAllLines(file)) {");
        assertThat(restore("volume=80", "Liberation Mono", "vo|lume")).isEqualTo("volume=80");
    }

    @Test
    void theCellsSettleTheCaseOfLettersThatDifferOnlyInSize() {
        TextRecognizer.Reading r = misread(reading("throws IOException {", "DejaVu Sans Mono", null), 'O', 'o');
        assertThat(r.chars()).extracting(CtcDecoder.DecodedChar::text).contains("o");
        assertThat(new SpaceRestorer().restore(r).text()).isEqualTo("throws IOException {");
        r = misread(reading("trimmed.startsWith(prefix)", "Liberation Mono", null), 'W', 'w');
        assertThat(new SpaceRestorer().restore(r).text()).isEqualTo("trimmed.startsWith(prefix)");
        r = misread(reading("return box.size() + cost;", "DejaVu Sans Mono", null), 'o', 'O');
        assertThat(SpaceRestorer.gridOf(r)).isNotNull();
        assertThat(new SpaceRestorer().restore(r).text()).isEqualTo("return box.size() + cost;");
    }

    @Test
    void wideCapitalsReachingOverTheirCellsKeepTheirCase() {
        // V and W spread to the cell edges and over them.
        for (String line : List.of("void visit(Vertex v) {", "Wave.of(value)")) {
            TextRecognizer.Reading r = misread(misread(reading(line, "Liberation Mono", null, true), 'V', 'v'),
                    'W', 'w');
            assertThat(SpaceRestorer.gridOf(r)).as(line).isNotNull();
            assertThat(new SpaceRestorer().restore(r).text()).isEqualTo(line);
        }
    }

    /** The reading with every {@code from} read as {@code to}, as the model does with o and O. */
    static TextRecognizer.Reading misread(TextRecognizer.Reading r, char from, char to) {
        List<CtcDecoder.DecodedChar> chars = r.chars().stream().map(c -> c.text().equals(String.valueOf(from))
                ? new CtcDecoder.DecodedChar(String.valueOf(to), c.confidence(), c.firstStep(), c.lastStep())
                : c).toList();
        return new TextRecognizer.Reading(chars, r.spaceProbability(), r.pixelsPerStep(), r.input());
    }

    @Test
    void numbersInAProportionalFontAreNoGridEvenThoughTheirDigitsAreEven() {
        // Equal-width digits fit a grid of cells a little wider than a digit, each narrow space hidden in one.
        for (String family : List.of("DejaVu Sans", "DejaVu Serif", "Liberation Sans")) {
            TextRecognizer.Reading r = reading("12 34 56 78 90 12 34 56", family, null, true);
            assertThat(new SpaceRestorer().restore(r).text()).as(family).isEqualTo("12 34 56 78 90 12 34 56");
        }
    }

    @Test
    void proportionalTextHasNoGrid() {
        assertThat(SpaceRestorer.gridOf(reading("The loader below reads a settings file line by line", "DejaVu Sans",
                null))).isNull();
        assertThat(SpaceRestorer.gridOf(reading("Quarterly report 2024: revenue up 12%", "Liberation Serif",
                null))).isNull();
    }

    private static String restore(String line, String family, String falseSpace) {
        TextRecognizer.Reading r = reading(line, family, falseSpace);
        assertThat(SpaceRestorer.gridOf(r)).as("grid of %s", line).isNotNull();
        return new SpaceRestorer().restore(r).text();
    }

    /**
     * What the recogniser would give for {@code line} drawn at screen size and scaled to its input height: each
     * character at the time step over its glyph, no spaces, and a space character wherever {@code falseSpace}
     * ("before|after") matches.
     */
    static TextRecognizer.Reading reading(String line, String family, String falseSpace) {
        return reading(line, family, falseSpace, false);
    }

    /** As above, and with {@code modelSpaces} the model also reads each real space, as a space character. */
    static TextRecognizer.Reading reading(String line, String family, String falseSpace, boolean modelSpaces) {
        Font font = TestFonts.font(family, Font.PLAIN, 13);
        BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D pg = probe.createGraphics();
        pg.setFont(font);
        var metrics = pg.getFontMetrics();
        pg.dispose();
        int pad = 4;
        int height = metrics.getAscent() + metrics.getDescent() + 2 * pad;
        BufferedImage img = new BufferedImage(metrics.stringWidth(line) + 2 * pad, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(CODE_BACKGROUND);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setColor(CODE_INK);
        g.setFont(font);
        g.drawString(line, pad, pad + metrics.getAscent());
        g.dispose();
        BufferedImage input = LineCropper.toHeight(img, TextRecognizer.HEIGHT, TextRecognizer.MAX_WIDTH);
        double scale = (double) input.getHeight() / img.getHeight();
        double pixelsPerStep = 8;
        int breakAt = falseSpace == null ? -1 : line.indexOf(falseSpace.replace("|", ""))
                + falseSpace.indexOf('|');
        List<CtcDecoder.DecodedChar> chars = new ArrayList<>();
        for (int i = 0; i < line.length(); i++) {
            double left = pad + metrics.stringWidth(line.substring(0, i));
            double centre = (left + metrics.charWidth(line.charAt(i)) / 2.0) * scale;
            int step = (int) Math.floor(centre / pixelsPerStep);
            if (i == breakAt) {
                chars.add(new CtcDecoder.DecodedChar(" ", 0.6f, step - 1, step - 1));
            }
            if (line.charAt(i) != ' ') {
                chars.add(new CtcDecoder.DecodedChar(String.valueOf(line.charAt(i)), 0.95f, step, step));
            } else if (modelSpaces) {
                chars.add(new CtcDecoder.DecodedChar(" ", 0.9f, step, step));
            }
        }
        float[] space = new float[(int) Math.ceil(input.getWidth() / pixelsPerStep) + 1];
        return new TextRecognizer.Reading(chars, space, pixelsPerStep, input);
    }
}
