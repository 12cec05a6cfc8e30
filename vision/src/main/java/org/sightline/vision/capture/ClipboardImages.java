package org.sightline.vision.capture;

import java.awt.Image;
import java.awt.Toolkit;
import java.awt.datatransfer.Clipboard;
import java.awt.datatransfer.DataFlavor;
import java.awt.datatransfer.Transferable;
import java.awt.datatransfer.UnsupportedFlavorException;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.util.List;
import org.sightline.error.Problem;
import org.sightline.error.SightlineException;
import org.sightline.vision.image.ImageFiles;

/**
 * An image the user copied: a picture itself, or an image file copied in a file manager. Anything else on
 * the clipboard gets a message saying what to copy instead.
 */
public final class ClipboardImages {

    private static final int BUSY_RETRIES = 5;

    private ClipboardImages() {
    }

    public static Capture read() {
        DisplayAccess.screens();
        Clipboard clipboard;
        try {
            clipboard = Toolkit.getDefaultToolkit().getSystemClipboard();
        } catch (java.awt.HeadlessException | java.awt.AWTError e) {
            throw DisplayAccess.noDisplay(e);
        }
        Transferable contents = contents(clipboard);
        try {
            if (contents != null && contents.isDataFlavorSupported(DataFlavor.imageFlavor)) {
                Image image = (Image) contents.getTransferData(DataFlavor.imageFlavor);
                return Capture.ofImage(toRgb(image), CaptureSource.CLIPBOARD, CaptureText.get("describe.clipboard"));
            }
            if (contents != null && contents.isDataFlavorSupported(DataFlavor.javaFileListFlavor)) {
                @SuppressWarnings("unchecked")
                List<File> files = (List<File>) contents.getTransferData(DataFlavor.javaFileListFlavor);
                for (File f : files) {
                    if (ImageSequenceCamera.looksLikeImage(f.toPath())) {
                        return Capture.ofImage(ImageFiles.read(f.toPath()), CaptureSource.CLIPBOARD,
                                f.getName());
                    }
                }
            }
        } catch (UnsupportedFlavorException | IOException | ClassCastException e) {
            // The owner changed the contents while we read them; treat as no image.
        }
        throw new SightlineException(Problem.BAD_INPUT, CaptureText.get("clipboard.noImage"));
    }

    private static Transferable contents(Clipboard clipboard) {
        for (int i = 0; ; i++) {
            try {
                return clipboard.getContents(null);
            } catch (IllegalStateException busy) {
                // Another program holds the clipboard open for a moment (common on Windows).
                if (i >= BUSY_RETRIES) {
                    throw new SightlineException(Problem.DEVICE_UNAVAILABLE, CaptureText.get("clipboard.busy"), busy);
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new org.sightline.task.CancelledException();
                }
            }
        }
    }

    private static BufferedImage toRgb(Image image) {
        if (image instanceof BufferedImage b && b.getType() == BufferedImage.TYPE_INT_RGB) {
            return b;
        }
        int w = image.getWidth(null);
        int h = image.getHeight(null);
        if (w <= 0 || h <= 0) {
            throw new SightlineException(Problem.BAD_INPUT, CaptureText.get("clipboard.noImage"));
        }
        BufferedImage copy = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        var g = copy.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return copy;
    }
}
