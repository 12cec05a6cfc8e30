package org.sightline.vision.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.i18n.Messages;
import org.sightline.task.CancellationToken;
import org.sightline.task.CancelledException;
import org.sightline.task.Progress;
import org.sightline.task.TaskContext;

/** The live camera mode on a folder of frames that get better one by one, as a user adjusting the page. */
class LiveFramingTest {

    @TempDir
    Path dir;

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

    private Path frames(BufferedImage... images) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("frames"));
        for (int i = 0; i < images.length; i++) {
            ImageIO.write(images[i], "png", folder.resolve(String.format("frame-%02d.png", i)).toFile());
        }
        return folder;
    }

    @Test
    void hintsFollowTheFramesUntilTheyAreGoodThenThePictureIsTaken() throws Exception {
        BufferedImage page = TestPictures.page();
        Path folder = frames(TestPictures.flat(Color.DARK_GRAY, 640, 480), TestPictures.flat(Color.DARK_GRAY, 640, 480),
                TestPictures.darkened(page, 0.12), TestPictures.blurred(page, 3), page, page);
        List<FramingHint> said = new ArrayList<>();
        List<Progress> progress = new ArrayList<>();
        LiveFraming live = new LiveFraming(FramingAdvisor.forCamera(), img -> List.of(), Duration.ofMinutes(1), 2);
        try (CameraSource camera = CameraSource.open(CameraSettings.standIn(folder).withStandInFramesPerSecond(100))) {
            Capture c = live.takeWhenFramed(camera, advice -> said.add(advice.first().orElseThrow()),
                    TaskContext.of(CancellationToken.NONE, progress::add));
            assertThat(c.source()).isEqualTo(CaptureSource.CAMERA);
            assertThat(FramingAdvisor.forCamera().advise(c.image()).isGood()).isTrue();
        }
        // The blank frame came twice but was said once: a hint is repeated only after the repeat interval.
        assertThat(said).containsExactly(FramingHint.BLANK_CAMERA, FramingHint.TOO_DARK, FramingHint.TOO_BLURRY);
        assertThat(progress).extracting(Progress::message).first().asString().contains("one flat colour");
    }

    @Test
    void anUnchangedHintIsRepeatedAndTheUserCanStop() throws Exception {
        BufferedImage blurry = TestPictures.blurred(TestPictures.page(), 4);
        Path folder = frames(blurry);
        CancellationToken token = new CancellationToken();
        List<FramingHint> said = new ArrayList<>();
        LiveFraming live = new LiveFraming(FramingAdvisor.forCamera(), img -> List.of(), Duration.ZERO, 2);
        try (CameraSource camera = CameraSource.open(CameraSettings.standIn(folder).withStandInFramesPerSecond(100))) {
            assertThatThrownBy(() -> live.takeWhenFramed(camera, advice -> {
                said.add(advice.first().orElseThrow());
                if (said.size() == 3) {
                    token.cancel();
                }
            }, TaskContext.of(token, p -> { }))).isInstanceOf(CancelledException.class);
        }
        assertThat(said).containsExactly(FramingHint.TOO_BLURRY, FramingHint.TOO_BLURRY, FramingHint.TOO_BLURRY);
    }

    @Test
    void textBoxesFromOcrSteerThePage() throws Exception {
        BufferedImage page = TestPictures.page();
        Path folder = frames(page, page, page, page);
        List<FramingHint> said = new ArrayList<>();
        int[] calls = {0};
        // The first two frames have text running off the right edge, the rest are inside.
        LiveFraming live = new LiveFraming(FramingAdvisor.forCamera(), img -> calls[0]++ < 2
                ? List.of(new java.awt.Rectangle(400, 100, 240, 30)) : List.of(), Duration.ofMinutes(1), 2);
        try (CameraSource camera = CameraSource.open(CameraSettings.standIn(folder).withStandInFramesPerSecond(100))) {
            live.takeWhenFramed(camera, advice -> said.add(advice.first().orElseThrow()), TaskContext.none());
        }
        assertThat(said).containsExactly(FramingHint.CUT_OFF_RIGHT);
        assertThat(calls[0]).isEqualTo(4);
    }
}
