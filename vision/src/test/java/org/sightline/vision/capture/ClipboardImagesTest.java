package org.sightline.vision.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Image;
import java.awt.Toolkit;
import java.awt.datatransfer.DataFlavor;
import java.awt.datatransfer.StringSelection;
import java.awt.datatransfer.Transferable;
import java.awt.image.BufferedImage;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sightline.error.Problem;
import org.sightline.error.SightlineException;
import org.sightline.i18n.Messages;

/** The clipboard route on the test's X server. */
class ClipboardImagesTest {

    private Locale saved;

    @BeforeEach
    void english() {
        // Saved first: the restore runs even when the assumption below skips the test.
        saved = Messages.locale();
        KnownWindow.assumeDisplay();
        Messages.setLocale(Locale.ENGLISH);
    }

    @AfterEach
    void restore() {
        Messages.setLocale(saved);
    }

    @Test
    void aCopiedPictureIsCaptured() {
        BufferedImage picture = TestPictures.page();
        Toolkit.getDefaultToolkit().getSystemClipboard().setContents(new Transferable() {
            @Override
            public DataFlavor[] getTransferDataFlavors() {
                return new DataFlavor[] {DataFlavor.imageFlavor};
            }

            @Override
            public boolean isDataFlavorSupported(DataFlavor flavor) {
                return DataFlavor.imageFlavor.equals(flavor);
            }

            @Override
            public Image getTransferData(DataFlavor flavor) {
                return picture;
            }
        }, null);
        Capture c = Captures.clipboard();
        assertThat(c.source()).isEqualTo(CaptureSource.CLIPBOARD);
        assertThat(c.image().getWidth()).isEqualTo(640);
        assertThat(c.image().getRGB(10, 10)).isEqualTo(picture.getRGB(10, 10));
    }

    @Test
    void textOnTheClipboardGivesAClearMessage() {
        Toolkit.getDefaultToolkit().getSystemClipboard().setContents(new StringSelection("just words"), null);
        assertThatThrownBy(Captures::clipboard)
                .isInstanceOfSatisfying(SightlineException.class,
                        e -> assertThat(e.problem()).isEqualTo(Problem.BAD_INPUT))
                .hasMessage("The clipboard holds no image. Copy a picture or an image file first, then try again.");
        assertThat(Color.WHITE).isNotNull();
    }
}
