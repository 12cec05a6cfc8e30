package org.sightline.vision.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Rectangle;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sightline.i18n.Messages;

class FramingAdvisorTest {

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

    @Test
    void aWellLitSharpPageIsGood() {
        FramingAdvice advice = FramingAdvisor.forCamera().advise(TestPictures.page());
        assertThat(advice.hints()).isEmpty();
        assertThat(advice.isGood()).isTrue();
        assertThat(advice.spoken()).isEmpty();
        assertThat(advice.sharpness()).isGreaterThan(1000);
    }

    @Test
    void aBlurredPageIsTooBlurry() {
        FramingAdvice advice = FramingAdvisor.forCamera().advise(TestPictures.blurred(TestPictures.page(), 3));
        assertThat(advice.hints()).containsExactly(FramingHint.TOO_BLURRY);
        assertThat(advice.spoken())
                .isEqualTo("The picture is blurred. Hold the camera still, or move it a little further from the page.");
    }

    @Test
    void aSlightlySoftPageIsStillGood() {
        assertThat(FramingAdvisor.forCamera().advise(TestPictures.blurred(TestPictures.page(), 1)).isGood()).isTrue();
    }

    @Test
    void aDarkPageIsTooDarkAndNotAlsoCalledBlurry() {
        FramingAdvice advice = FramingAdvisor.forCamera().advise(TestPictures.darkened(TestPictures.page(), 0.12));
        assertThat(advice.hints()).containsExactly(FramingHint.TOO_DARK);
        assertThat(advice.spoken()).isEqualTo("It is too dark. Turn on a light or move to a brighter place.");
    }

    @Test
    void aBlankScreenAsksAboutTheScreenCurtain() {
        FramingAdvice advice = FramingAdvisor.forScreen().advise(TestPictures.flat(Color.BLACK, 800, 600));
        assertThat(advice.hints()).containsExactly(FramingHint.BLANK_SCREEN);
        assertThat(advice.spoken()).isEqualTo("The capture is blank; is a screen curtain on?");
    }

    @Test
    void aBlankCameraFrameAsksAboutTheLens() {
        FramingAdvice advice = FramingAdvisor.forCamera().advise(TestPictures.flat(new Color(90, 90, 95), 640, 480));
        assertThat(advice.hints()).containsExactly(FramingHint.BLANK_CAMERA);
    }

    @Test
    void screensAreNeverCalledBlurryOrDark() {
        // A dark-themed, soft-looking screen is a normal screen.
        var dim = TestPictures.blurred(TestPictures.inverted(TestPictures.page()), 3);
        assertThat(org.sightline.vision.image.ImageStats.of(dim).isDark()).isTrue();
        assertThat(FramingAdvisor.forScreen().advise(dim).isGood()).isTrue();
    }

    @ParameterizedTest
    @CsvSource({
        "0, 100, 200, 30, CUT_OFF_LEFT, 'Text is cut off on the left. Move the page to the right, or the camera to the left.'",
        "500, 100, 140, 30, CUT_OFF_RIGHT, 'Text is cut off on the right. Move the page to the left, or the camera to the right.'",
        "100, 1, 200, 30, CUT_OFF_TOP, 'Text is cut off at the top. Move the page down, or the camera up.'",
        "100, 455, 200, 25, CUT_OFF_BOTTOM, 'Text is cut off at the bottom. Move the page up, or the camera down.'",
        "0, 100, 640, 30, TOO_CLOSE, 'The page does not fit in the picture. Move the camera further away from the page.'"
    })
    void textAtAnEdgeSaysWhichWayToMove(int x, int y, int w, int h, FramingHint hint, String sentence) {
        List<Rectangle> boxes = List.of(new Rectangle(60, 200, 300, 30), new Rectangle(x, y, w, h));
        FramingAdvice advice = FramingAdvisor.forCamera().advise(TestPictures.page(), boxes);
        assertThat(advice.hints()).containsExactly(hint);
        assertThat(advice.spoken()).isEqualTo(sentence);
    }

    @Test
    void textWellInsideTheFrameIsFine() {
        List<Rectangle> boxes = List.of(new Rectangle(60, 60, 400, 30), new Rectangle(60, 400, 300, 30));
        assertThat(FramingAdvisor.forCamera().advise(TestPictures.page(), boxes).isGood()).isTrue();
    }

    @Test
    void hintsAreTranslated() {
        Messages.setLocale(Locale.SIMPLIFIED_CHINESE);
        assertThat(FramingHint.BLANK_SCREEN.message()).isEqualTo("截图是空白的；是否开启了屏幕幕布？");
        assertThat(FramingHint.CUT_OFF_LEFT.message()).contains("向右移");
    }
}
