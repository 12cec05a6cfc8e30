package org.sightline.vision.vlm.honesty;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.sightline.i18n.Messages;

class BlankCaptureTest {

    @Test
    void aUniformCaptureIsReportedAndAPictureIsNot() {
        Locale saved = Messages.locale();
        Messages.setLocale(Locale.ENGLISH);
        try {
            BufferedImage black = new BufferedImage(1920, 1080, BufferedImage.TYPE_INT_RGB);
            assertThat(BlankCapture.message(black)).hasValue("The capture is blank; is a screen curtain on?");
            BufferedImage picture = new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = picture.createGraphics();
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, 100, 100);
            g.dispose();
            assertThat(BlankCapture.message(picture)).isEmpty();
        } finally {
            Messages.setLocale(saved);
        }
    }
}
