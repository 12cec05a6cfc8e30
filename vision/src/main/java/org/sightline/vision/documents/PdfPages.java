package org.sightline.vision.documents;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.sightline.error.Problem;
import org.sightline.error.SightlineException;

/**
 * The pages of a PDF through Apache PDFBox. The file is parsed with its streams cached in a temporary file,
 * not in memory, and pages are extracted and drawn one at a time, so memory stays bounded on long documents;
 * images inside a page are subsampled while drawing, so a page holding a 100-megapixel scan is drawn at the
 * OCR resolution without decoding it whole.
 */
public final class PdfPages implements PageSource {

    /** The resolution of page boxes from the text layer: fine enough for reading order, as 2 pixels a point. */
    static final int LAYER_DPI = 144;
    /** The resolution pages are drawn at for OCR: 10-point text is then about 28 pixels high. */
    static final int OCR_DPI = 200;
    /**
     * The most a scanned page is drawn at: a page whose image holds more detail than {@link #OCR_DPI} is drawn
     * at the image's own resolution up to this, so thin strokes and small print the scan has are not lost.
     */
    static final int MAX_SCAN_DPI = 300;
    /** The most pixels a page is drawn with; larger pages (posters, drawings) are drawn at a lower resolution. */
    static final long MAX_PIXELS = 16L * 1024 * 1024;

    private final PDDocument document;
    private final PDFRenderer renderer;
    private final PdfTextCollector collector;

    private PdfPages(PDDocument document) throws IOException {
        this.document = document;
        this.renderer = new PDFRenderer(document);
        this.renderer.setSubsamplingAllowed(true);
        this.collector = new PdfTextCollector(LAYER_DPI);
    }

    /**
     * Opens {@code file}, decrypting it with {@code password} when it is encrypted ({@code null}: none given).
     *
     * @throws SightlineException BAD_INPUT, with one message for each way the file can be wrong: not a PDF at
     *     all, encrypted without a password or with a wrong one, damaged past reading, or without pages
     */
    public static PdfPages open(Path file, String password) {
        DocumentFiles.requireReadableFile(file);
        if (!looksLikePdf(file)) {
            throw new SightlineException(Problem.BAD_INPUT, DocumentFiles.MESSAGES.get("pdf.notPdf", file));
        }
        PDDocument document;
        try {
            document = Loader.loadPDF(file.toFile(), password == null ? "" : password,
                    IOUtils.createTempFileOnlyStreamCache());
        } catch (InvalidPasswordException e) {
            String key = password == null ? "pdf.encrypted" : "pdf.wrongPassword";
            throw new SightlineException(Problem.BAD_INPUT, DocumentFiles.MESSAGES.get(key, file), e);
        } catch (IOException | RuntimeException e) {
            throw new SightlineException(Problem.BAD_INPUT, DocumentFiles.MESSAGES.get("pdf.damaged", file), e);
        }
        try {
            if (document.getNumberOfPages() == 0) {
                throw new SightlineException(Problem.BAD_INPUT, DocumentFiles.MESSAGES.get("pdf.noPages", file));
            }
            return new PdfPages(document);
        } catch (IOException | RuntimeException e) {
            closeQuietly(document);
            if (e instanceof SightlineException s) {
                throw s;
            }
            throw new SightlineException(Problem.BAD_INPUT, DocumentFiles.MESSAGES.get("pdf.damaged", file), e);
        }
    }

    /** Whether the file starts (within its first kilobyte, as readers allow) with the PDF header. */
    static boolean looksLikePdf(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(1024);
            return new String(head, StandardCharsets.ISO_8859_1).contains("%PDF-");
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public int pageCount() {
        return document.getNumberOfPages();
    }

    @Override
    public SourcePage page(int index) {
        try {
            PDPage pdfPage = document.getPage(index);
            if (contentLost(pdfPage)) {
                throw new SightlineException(Problem.BAD_INPUT, DocumentFiles.MESSAGES.get("page.damaged", index + 1));
            }
            PDRectangle box = pdfPage.getCropBox();
            int width = (int) Math.ceil(box.getWidth() * LAYER_DPI / 72);
            int height = (int) Math.ceil(box.getHeight() * LAYER_DPI / 72);
            TextLayer layer = collector.collect(document, index, width, height);
            return new SourcePage(layer, () -> render(index, ocrDpi(box, imageDpi(pdfPage))));
        } catch (SightlineException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new SightlineException(Problem.BAD_INPUT,
                    DocumentFiles.MESSAGES.get("page.unreadable", index + 1), e);
        }
    }

    /**
     * Whether a content stream of the page has bytes in the file but none can be decoded: the page's drawing is
     * damaged, and PDFBox would quietly show it blank (a blank page read by OCR would hide the damage).
     */
    private static boolean contentLost(PDPage page) throws IOException {
        Iterator<PDStream> streams = page.getContentStreams();
        while (streams.hasNext()) {
            PDStream stream = streams.next();
            if (stream.getCOSObject().getLength() > 0) {
                try (InputStream in = stream.createInputStream()) {
                    if (in.read() < 0) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * {@link #OCR_DPI}, or the resolution of the page's image when that is finer (at most
     * {@link #MAX_SCAN_DPI}), lowered so the page has at most {@link #MAX_PIXELS}.
     */
    static float ocrDpi(PDRectangle box, float imageDpi) {
        double squareInches = (box.getWidth() / 72.0) * (box.getHeight() / 72.0);
        double limit = Math.sqrt(MAX_PIXELS / Math.max(squareInches, 1e-6));
        return (float) Math.min(Math.max(OCR_DPI, Math.min(imageDpi, MAX_SCAN_DPI)), limit);
    }

    /**
     * The resolution of the widest image the page draws directly, across the page's width (a scan fills it);
     * 0 when it draws none. Only the images' dictionaries are read, not their pixels.
     */
    static float imageDpi(PDPage page) {
        PDResources resources = page.getResources();
        float width = page.getCropBox().getWidth();
        if (resources == null || width <= 0) {
            return 0;
        }
        float best = 0;
        for (COSName name : resources.getXObjectNames()) {
            try {
                if (resources.getXObject(name) instanceof PDImageXObject image) {
                    best = Math.max(best, image.getWidth() * 72f / width);
                }
            } catch (IOException e) {
                // An image that cannot be read does not set the resolution; drawing will say what is wrong.
            }
        }
        return best;
    }

    private BufferedImage render(int index, float dpi) {
        try {
            return renderer.renderImageWithDPI(index, dpi, ImageType.RGB);
        } catch (IOException | RuntimeException e) {
            throw new SightlineException(Problem.BAD_INPUT,
                    DocumentFiles.MESSAGES.get("page.unreadable", index + 1), e);
        }
    }

    @Override
    public void close() {
        closeQuietly(document);
    }

    private static void closeQuietly(PDDocument document) {
        try {
            document.close();
        } catch (IOException e) {
            // Nothing was written; a failure to release the temporary cache changes nothing for the reader.
        }
    }
}
