package org.sightline.vision.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sightline.i18n.Messages;
import org.sightline.vision.summary.DominantColours.Brightness;

/** Dominant colours and brightness of made-up images whose areas are known. */
class DominantColoursTest {

    private Locale saved;

    @BeforeEach
    void english() {
        saved = Messages.locale();
        Messages.setLocale(Locale.ENGLISH);
    }

    @AfterEach
    void restore() {
        Messages.setLocale(saved);
    }

    /** A {@code background} image with horizontal bands: each pair is a colour and its share of the height. */
    private static BufferedImage bands(Color background, Object... colourAndShare) {
        BufferedImage img = new BufferedImage(1200, 800, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(background);
        g.fillRect(0, 0, 1200, 800);
        int y = 0;
        for (int i = 0; i < colourAndShare.length; i += 2) {
            int h = (int) Math.round(800 * (double) colourAndShare[i + 1]);
            g.setColor((Color) colourAndShare[i]);
            g.fillRect(0, y, 1200, h);
            y += h;
        }
        g.dispose();
        return img;
    }

    @Test
    void aWhitePageWithADarkBlueHeaderIsMostlyWhiteAndLight() {
        DominantColours colours = DominantColours.of(bands(Color.WHITE, new Color(0x1E3A5F), 0.2));
        assertThat(colours.main()).isEqualTo(ColourName.WHITE);
        assertThat(colours.shares()).extracting(DominantColours.Share::colour)
                .containsExactly(ColourName.WHITE, ColourName.DARK_BLUE);
        assertThat(colours.shares().get(0).share()).isCloseTo(0.8, org.assertj.core.data.Offset.offset(0.02));
        assertThat(colours.brightness()).isEqualTo(Brightness.LIGHT);
        assertThat(colours.text()).isEqualTo("Mostly white with dark blue; light overall.");
    }

    @Test
    void aDarkThemeIsDark() {
        DominantColours colours = DominantColours.of(bands(new Color(0x1E1E1E), new Color(0x3C3C3C), 0.1,
                new Color(0x007ACC), 0.08));
        assertThat(colours.brightness()).isEqualTo(Brightness.DARK);
        assertThat(colours.text()).isEqualTo("Mostly black with dark grey and blue; dark overall.");
    }

    @Test
    void noColourCoveringHalfIsAMix() {
        DominantColours colours = DominantColours.of(bands(Color.WHITE, new Color(0x2E7D32), 0.4, new Color(0xFF8C00), 0.25));
        assertThat(colours.text()).isEqualTo("A mix of green, white and orange; light overall.");
    }

    @Test
    void aMidGreyPhotoIsMediumBrightness() {
        DominantColours colours = DominantColours.of(bands(new Color(0x707070), new Color(0x8B4513), 0.3));
        assertThat(colours.brightness()).isEqualTo(Brightness.MEDIUM);
        assertThat(colours.text()).isEqualTo("Mostly grey with brown; medium brightness.");
    }

    @Test
    void tinyDetailsAreLeftOut() {
        DominantColours colours = DominantColours.of(bands(Color.WHITE, Color.RED, 0.03));
        assertThat(colours.text()).isEqualTo("Mostly white; light overall.");
    }

    @Test
    void chineseNamesTheColoursInChinese() {
        Messages.setLocale(Locale.SIMPLIFIED_CHINESE);
        DominantColours colours = DominantColours.of(bands(Color.WHITE, new Color(0x1E3A5F), 0.2));
        assertThat(colours.text()).isEqualTo("主要是白色，带有深蓝色；整体偏亮。");
    }
}
