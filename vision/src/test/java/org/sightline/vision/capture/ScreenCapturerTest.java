package org.sightline.vision.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.GraphicsEnvironment;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.Robot;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sightline.error.Problem;
import org.sightline.error.SightlineException;
import org.sightline.i18n.Messages;

/** Every screen route against a real window on the X server, pixel for pixel. */
class ScreenCapturerTest {

    private static final Rectangle WHERE = new Rectangle(140, 90, 320, 240);
    private static KnownWindow window;
    private static Locale saved;

    @BeforeAll
    static void showWindow() throws Exception {
        KnownWindow.assumeDisplay();
        saved = Messages.locale();
        Messages.setLocale(Locale.ENGLISH);
        window = KnownWindow.show("Sightline test window", new Rectangle(WHERE));
    }

    @AfterAll
    static void closeWindow() throws Exception {
        if (window != null) {
            window.close();
            Messages.setLocale(saved);
        }
    }

    @Test
    void wholeScreenHoldsTheWindowsPixels() {
        Capture c = Captures.screen();
        Rectangle screen = GraphicsEnvironment.getLocalGraphicsEnvironment().getDefaultScreenDevice()
                .getDefaultConfiguration().getBounds();
        assertThat(c.source()).isEqualTo(CaptureSource.SCREEN);
        assertThat(c.screenBounds()).isEqualTo(screen);
        assertThat(c.scale()).isEqualTo(1.0);
        assertThat(c.image().getWidth()).isEqualTo(screen.width);
        assertThat(window.mismatches(c.image(), WHERE.x, WHERE.y)).isZero();
        assertThat(c.toScreen(WHERE.x + 3, WHERE.y + 4)).isEqualTo(new Point(WHERE.x + 3, WHERE.y + 4));
    }

    @Test
    void eachMonitorIsListedAndCaptured() {
        var monitors = ScreenCapturer.shared().monitors();
        assertThat(monitors).isNotEmpty();
        assertThat(monitors.get(0).scale()).isEqualTo(1.0);
        Capture c = Captures.monitor(0);
        assertThat(c.screenBounds()).isEqualTo(monitors.get(0).bounds());
        assertThat(window.mismatches(c.image(), WHERE.x - c.screenBounds().x, WHERE.y - c.screenBounds().y))
                .isZero();
        assertThatThrownBy(() -> Captures.monitor(monitors.size()))
                .isInstanceOfSatisfying(SightlineException.class,
                        e -> assertThat(e.problem()).isEqualTo(Problem.BAD_INPUT))
                .hasMessageContaining("no monitor " + monitors.size());
    }

    @Test
    void regionIsExactlyTheWindow() {
        Capture c = Captures.region(new Rectangle(WHERE));
        assertThat(c.source()).isEqualTo(CaptureSource.REGION);
        assertThat(c.screenBounds()).isEqualTo(WHERE);
        assertThat(c.image().getWidth()).isEqualTo(WHERE.width);
        assertThat(window.mismatches(c.image(), 0, 0)).isZero();
        assertThat(c.hasNotice()).isFalse();
    }

    @Test
    void regionPartlyOffScreenIsCutToTheScreenAndOneWhollyOffIsRefused() {
        Capture c = Captures.region(new Rectangle(-50, -50, 100, 100));
        assertThat(c.screenBounds()).isEqualTo(new Rectangle(0, 0, 50, 50));
        assertThatThrownBy(() -> Captures.region(new Rectangle(-500, -500, 100, 100)))
                .isInstanceOfSatisfying(SightlineException.class,
                        e -> assertThat(e.problem()).isEqualTo(Problem.BAD_INPUT));
    }

    @Test
    void aFlatRegionSaysItIsBlank() {
        Capture c = Captures.region(new Rectangle(WHERE.x + 10, WHERE.y + 10, 60, 40));
        assertThat(c.image().getRGB(5, 5) & 0xffffff).isEqualTo(KnownWindow.TOP_LEFT.getRGB() & 0xffffff);
        assertThat(c.notice()).isEqualTo("The capture is blank; is a screen curtain on?");
    }

    @Test
    void regionAroundThePointerIsCentredOnIt() throws Exception {
        Robot robot = new Robot();
        Point centre = new Point(WHERE.x + WHERE.width / 2, WHERE.y + WHERE.height / 2);
        robot.mouseMove(centre.x, centre.y);
        robot.waitForIdle();
        Capture c = Captures.regionAroundPointer(100);
        assertThat(c.screenBounds()).isEqualTo(new Rectangle(centre.x - 50, centre.y - 50, 100, 100));
        // The white square with its black border sits in the middle of the capture.
        assertThat(c.image().getRGB(50, 50) & 0xffffff).isEqualTo(0xffffff);
        assertThat(c.image().getRGB(50 - 18, 50) & 0xffffff).isEqualTo(0);
        assertThat(c.image().getRGB(5, 5) & 0xffffff).isEqualTo(KnownWindow.TOP_LEFT.getRGB() & 0xffffff);
        assertThat(c.image().getRGB(95, 95) & 0xffffff).isEqualTo(KnownWindow.BOTTOM_RIGHT.getRGB() & 0xffffff);
    }

    @Test
    void regionAroundThePointerStaysWholeAtTheScreenCorner() throws Exception {
        Robot robot = new Robot();
        robot.mouseMove(2, 3);
        robot.waitForIdle();
        Capture c = Captures.regionAroundPointer(200);
        assertThat(c.screenBounds()).isEqualTo(new Rectangle(0, 0, 200, 200));
        assertThatThrownBy(() -> Captures.regionAroundPointer(4)).isInstanceOf(SightlineException.class);
    }

    @Test
    void colourOfTheDrawingIsWhatTheRobotSees() throws Exception {
        // Guards the comparison itself: the window must really show the colours the test expects.
        Robot robot = new Robot();
        assertThat(robot.getPixelColor(WHERE.x + 1, WHERE.y + WHERE.height - 2)).isEqualTo(KnownWindow.BOTTOM_LEFT);
        assertThat(robot.getPixelColor(WHERE.x + WHERE.width - 2, WHERE.y + 1)).isEqualTo(KnownWindow.TOP_RIGHT);
        assertThat(window.expectedAt(0, 0)).isEqualTo(KnownWindow.TOP_LEFT);
        assertThat(window.expectedAt(WHERE.width / 2, WHERE.height / 2)).isEqualTo(Color.WHITE);
    }
}
