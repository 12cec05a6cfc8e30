package org.sightline.vision.documents;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.sightline.error.Problem;
import org.sightline.error.SightlineException;
import org.sightline.i18n.Messages;

/** Decides what kind of document a path is and opens it as pages. */
public final class DocumentFiles {

    static final Messages MESSAGES = new Messages("org.sightline.vision.documents.messages");

    /** The resolution assumed for a page image that does not say (a scan at 300 dpi is usual). */
    static final int IMAGE_DPI = 300;

    private DocumentFiles() {
    }

    /**
     * Whether {@code path} is read as a document rather than as one image: a folder, a file named .pdf,
     * .tif or .tiff, or any file that starts like a PDF.
     */
    public static boolean isDocument(Path path) {
        if (Files.isDirectory(path)) {
            return true;
        }
        String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".pdf") || name.endsWith(".tif") || name.endsWith(".tiff")) {
            return true;
        }
        return Files.isRegularFile(path) && PdfPages.looksLikePdf(path);
    }

    /**
     * Opens {@code path} as pages: a folder of images, a TIFF, or a PDF (decrypted with {@code password}, which
     * may be null).
     *
     * @throws SightlineException BAD_INPUT with a message for the user when it cannot be opened
     */
    public static PageSource open(Path path, String password) {
        if (Files.isDirectory(path)) {
            return ImageFolderPages.open(path);
        }
        requireReadableFile(path);
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (isTiff(path) || name.endsWith(".tif") || name.endsWith(".tiff")) {
            return TiffPages.open(path);
        }
        return PdfPages.open(path, password);
    }

    private static boolean isTiff(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(4);
            return head.length == 4 && ((head[0] == 'I' && head[1] == 'I' && head[2] == 42 && head[3] == 0)
                    || (head[0] == 'M' && head[1] == 'M' && head[2] == 0 && head[3] == 42));
        } catch (IOException e) {
            return false;
        }
    }

    static void requireReadableFile(Path file) {
        if (!Files.exists(file)) {
            throw new SightlineException(Problem.BAD_INPUT, MESSAGES.get("file.missing", file));
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new SightlineException(Problem.BAD_INPUT, MESSAGES.get("file.unreadable", file));
        }
    }

    /** A page that is only an image: no text layer, read by OCR. */
    static SourcePage imagePage(BufferedImage image) {
        return new SourcePage(TextLayer.none(image.getWidth(), image.getHeight(), IMAGE_DPI), () -> image);
    }
}
