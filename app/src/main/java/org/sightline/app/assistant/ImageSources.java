package org.sightline.app.assistant;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.sightline.app.AppText;
import org.sightline.error.Problem;
import org.sightline.error.SightlineException;
import org.sightline.vision.capture.Capture;
import org.sightline.vision.capture.CaptureSource;
import org.sightline.vision.image.ImageFiles;

/** Images the user hands over directly (a file, the clipboard) become captures like any other. */
public final class ImageSources {

    private ImageSources() {
    }

    /**
     * Loads {@code file}, opened or dropped in the window where documents are taken too; a missing or damaged
     * file, or one that is neither an image nor a document, fails with a clear BAD_INPUT message.
     */
    public static Capture fromFile(Path file) {
        BufferedImage image = ImageFiles.readPage(file);
        Path name = file.getFileName();
        return Capture.ofImage(image, CaptureSource.FILE, name == null ? file.toString() : name.toString());
    }

    /** The clipboard's image; null means the clipboard held none, which the user is told. */
    public static Capture fromClipboard(BufferedImage image) {
        if (image == null || image.getWidth() == 0 || image.getHeight() == 0) {
            throw new SightlineException(Problem.BAD_INPUT, AppText.get("paste.noImage"));
        }
        return Capture.ofImage(image, CaptureSource.CLIPBOARD, AppText.get("lookedAt.clipboard"));
    }
}
