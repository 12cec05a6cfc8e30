package org.sightline.vision.documents;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.sightline.vision.testing.TestFonts;

/**
 * Writes real PDFs for the document tests with PDFBox: pages of text set in the kept DejaVu faces (embedded),
 * pages that are only a drawn image, and the ways a file can be wrong. Coordinates are points from the top
 * left of an A4 page, as one lays out a page by eye.
 */
public final class TestPdfs implements AutoCloseable {

    static final PDRectangle A4 = PDRectangle.A4;

    public final PDDocument doc = new PDDocument();
    public final PDFont regular;
    public final PDFont bold;
    private PDPageContentStream content;

    public TestPdfs() {
        regular = font("DejaVuSans.ttf");
        bold = font("DejaVuSans-Bold.ttf");
    }

    private PDFont font(String file) {
        try (InputStream in = TestPdfs.class.getResourceAsStream("/fonts/" + file)) {
            return PDType0Font.load(doc, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts a new page; text and images go to it until the next one. */
    public TestPdfs page() {
        finishPage();
        PDPage page = new PDPage(A4);
        doc.addPage(page);
        try {
            content = new PDPageContentStream(doc, page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** One line of text with its baseline {@code top} points below the top of the page. */
    public TestPdfs text(PDFont font, float size, float left, float top, String text) {
        return text(font, size, left, top, text, RenderingMode.FILL);
    }

    public TestPdfs text(PDFont font, float size, float left, float top, String text, RenderingMode mode) {
        try {
            content.beginText();
            content.setRenderingMode(mode);
            content.setFont(font, size);
            content.newLineAtOffset(left, A4.getHeight() - top);
            content.showText(text);
            content.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /**
     * A line of text followed by a footnote mark set as a superscript: {@code mark} at 0.65 of the size, raised
     * by 0.35 of it, right after the last letter.
     */
    public TestPdfs textWithMark(PDFont font, float size, float left, float top, String text, String mark) {
        float width;
        try {
            width = font.getStringWidth(text) / 1000 * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        text(font, size, left, top, text);
        return text(font, 0.65f * size, left + width, top - 0.35f * size, mark);
    }

    /** Lines of body text (11 points, 14 points apart) from {@code top} down; returns the next free top. */
    public float paragraph(float left, float top, List<String> lines) {
        float y = top;
        for (String line : lines) {
            text(regular, 11, left, y, line);
            y += 14;
        }
        return y + 10;
    }

    /**
     * A table: row {@code r} has its baseline at {@code top + 16 r} and cell {@code c} at {@code lefts[c]}, in 11
     * points; the first row in bold when {@code boldHeader}. Returns the next free top.
     */
    public float table(float top, float[] lefts, String[][] rows, boolean boldHeader) {
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < rows[r].length; c++) {
                if (!rows[r][c].isEmpty()) {
                    text(r == 0 && boldHeader ? bold : regular, 11, lefts[c], top + 16 * r, rows[r][c]);
                }
            }
        }
        return top + 16 * rows.length + 10;
    }

    /** An image over the whole page. */
    public TestPdfs image(BufferedImage image) {
        try {
            PDImageXObject x = LosslessFactory.createFromImage(doc, image);
            content.drawImage(x, 0, 0, A4.getWidth(), A4.getHeight());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Protects the document: it opens only with {@code password}. */
    public TestPdfs encrypt(String password) {
        try {
            StandardProtectionPolicy policy = new StandardProtectionPolicy(password + "-owner", password,
                    new AccessPermission());
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public Path save(Path file) {
        finishPage();
        try {
            doc.save(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private void finishPage() {
        if (content != null) {
            try {
                content.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            content = null;
        }
    }

    @Override
    public void close() {
        try {
            doc.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * An A4 page scanned at {@code dpi}: the line {@code title}, then a table whose row {@code r} stands
     * {@code 2.2 r} text heights lower and whose cell {@code c} starts {@code lefts[c]} points from the left edge.
     */
    public static BufferedImage scanTable(int dpi, float size, String title, float[] lefts, String[][] rows) {
        BufferedImage image = blankA4(dpi);
        Graphics2D g = pen(image);
        float px = size * dpi / 72f;
        g.setFont(TestFonts.sans(Font.PLAIN, px));
        float y = dpi + px;
        g.drawString(title, lefts[0] * dpi / 72f, y);
        y += 3 * px;
        for (String[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                g.drawString(row[c], lefts[c] * dpi / 72f, y);
            }
            y += 2.2f * px;
        }
        g.dispose();
        return image;
    }

    /**
     * A scanned page: white A4 at {@code dpi} with the lines drawn in DejaVu Sans ({@code size} points), one
     * line every 1.6 sizes from a 72-point margin, as a scanner would deliver a printed letter.
     */
    public static BufferedImage scan(int dpi, float size, List<String> lines) {
        BufferedImage image = blankA4(dpi);
        Graphics2D g = pen(image);
        float px = size * dpi / 72f;
        g.setFont(TestFonts.sans(Font.PLAIN, px));
        float y = dpi + px;
        for (String line : lines) {
            g.drawString(line, dpi, y);
            y += 1.6f * px;
        }
        g.dispose();
        return image;
    }

    /**
     * A scanned A4 page at {@code dpi} set like a printed manual: the {@code body} lines in 11-point DejaVu Serif
     * from a 72-point margin, then the {@code notes} in 8 points a little more than a body line lower, with a short
     * rule between (when {@code rule}). {@code pageNumber} stands centred at the foot.
     */
    public static BufferedImage scanWithNotes(int dpi, List<String> body, List<String> notes, boolean rule,
                                              String pageNumber) {
        BufferedImage image = blankA4(dpi);
        int w = image.getWidth();
        int h = image.getHeight();
        Graphics2D g = pen(image);
        float bodyPx = 11 * dpi / 72f;
        float notePx = 8 * dpi / 72f;
        g.setFont(TestFonts.serif(bodyPx));
        float y = dpi + bodyPx;
        for (String line : body) {
            g.drawString(line, dpi, y);
            y += 1.3f * bodyPx;
        }
        // The notes start a fifth of a line lower than the next body line would, the rule (when drawn) halfway.
        if (rule) {
            g.fillRect(dpi, Math.round(y - 0.7f * bodyPx), Math.round(2.5f * dpi), Math.max(1, dpi / 150));
        }
        y += 0.2f * bodyPx;
        g.setFont(TestFonts.serif(notePx));
        for (String line : notes) {
            g.drawString(line, dpi, y);
            y += 1.3f * notePx;
        }
        g.setFont(TestFonts.serif(bodyPx));
        g.drawString(pageNumber, w / 2f, h - dpi * 0.6f);
        g.dispose();
        return image;
    }

    /** A white A4 page scanned at {@code dpi}. */
    private static BufferedImage blankA4(int dpi) {
        BufferedImage image = new BufferedImage(Math.round(A4.getWidth() / 72 * dpi),
                Math.round(A4.getHeight() / 72 * dpi), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.dispose();
        return image;
    }

    /** Graphics that draw smooth black text on {@code image}. */
    private static Graphics2D pen(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.BLACK);
        return g;
    }
}
