package org.sightline.vision.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaptureHistoryTest {

    @TempDir
    Path dir;

    private static Capture capture(Color colour) {
        return Capture.ofImage(TestPictures.flat(colour, 200, 100), CaptureSource.SCREEN, "test");
    }

    @Test
    void nothingIsWrittenUntilSavingIsTurnedOn() {
        Path folder = dir.resolve("history");
        CaptureHistory history = new CaptureHistory(folder, 1_000_000, 3);
        assertThat(history.isSavingToDisk()).isFalse();
        for (int i = 0; i < 5; i++) {
            assertThat(history.add(capture(Color.RED))).isEmpty();
        }
        assertThat(folder).doesNotExist();
        assertThat(history.recent()).hasSize(3);
        assertThat(history.latest()).isPresent();
    }

    @Test
    void savedCapturesAreRealPngsAndClearAllRemovesThemAndTheMemory() throws Exception {
        CaptureHistory history = new CaptureHistory(dir.resolve("history"), 1_000_000, 3);
        history.setSavingToDisk(true);
        Optional<Path> first = history.add(capture(Color.BLUE));
        history.add(capture(Color.GREEN));
        assertThat(first).isPresent();
        assertThat(ImageIO.read(first.get().toFile()).getRGB(5, 5) & 0xffffff).isEqualTo(0x0000ff);
        assertThat(history.savedFiles()).hasSize(2);
        Path unrelated = Files.writeString(dir.resolve("history").resolve("notes.txt"), "mine");

        history.clearAll();
        assertThat(history.savedFiles()).isEmpty();
        assertThat(history.recent()).isEmpty();
        assertThat(unrelated).exists();
        assertThat(history.folder().toFile().list()).containsExactly("notes.txt");
    }

    @Test
    void theOldestAreDeletedToStayUnderTheSizeLimit() throws Exception {
        CaptureHistory probe = new CaptureHistory(dir.resolve("probe"), 1_000_000, 1);
        probe.setSavingToDisk(true);
        long oneFile = Files.size(probe.add(capture(Color.RED)).orElseThrow());

        CaptureHistory history = new CaptureHistory(dir.resolve("history"), oneFile * 3 + oneFile / 2, 10);
        history.setSavingToDisk(true);
        Path oldest = history.add(capture(Color.RED)).orElseThrow();
        for (int i = 0; i < 4; i++) {
            history.add(capture(Color.RED));
        }
        assertThat(history.savedFiles()).hasSize(3).doesNotContain(oldest);
        assertThat(history.bytesOnDisk()).isLessThanOrEqualTo(oneFile * 3 + oneFile / 2);
        assertThat(history.recent()).hasSize(5);
    }

    @Test
    void turningSavingOffStopsWriting() {
        CaptureHistory history = new CaptureHistory(dir.resolve("history"), 1_000_000, 3);
        history.setSavingToDisk(true);
        history.add(capture(Color.RED));
        history.setSavingToDisk(false);
        history.add(capture(Color.RED));
        assertThat(history.savedFiles()).hasSize(1);
    }
}
