package org.sightline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.app.watch.SignVideo;
import org.sightline.vision.live.TextWindow;
import org.sightline.vision.testing.Displays;
import org.sightline.vision.testing.EnglishOfflineStore;
import org.sightline.vision.testing.TestFonts;

/** {@code sightline watch} as a script runs it, on a real window under Xvfb with the real OCR models. */
@Tag("slow")
@ExtendWith(EnglishOfflineStore.class)
class WatchCommandTest {

    @Test
    void printsEachNewLineOfTheActiveWindowAsJson() throws Exception {
        Displays.assumeX11();
        List<String> chat = List.of("Anna: are you coming tonight?", "Ben: yes, after work",
                "Anna: bring the map please");
        try (TextWindow w = TextWindow.open("Chat", new Rectangle(100, 100, 600, 180),
                TestFonts.sans(Font.PLAIN, 20), Color.BLACK, Color.WHITE)) {
            w.show(chat.subList(0, 1));
            w.focus();
            Thread.sleep(300);
            CompletableFuture<CliRun> run = CompletableFuture.supplyAsync(
                    () -> CliRun.of("watch", "window", "--json", "--for", "7"));
            Thread.sleep(3500);
            w.show(chat.subList(0, 2));
            Thread.sleep(1200);
            w.show(chat);
            CliRun r = run.get();

            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(r.err()).contains("Watching Chat.").contains("Stopped watching.");
            ObjectMapper json = new ObjectMapper();
            List<String> texts = new ArrayList<>();
            for (String line : r.out().strip().split("\n")) {
                JsonNode node = json.readTree(line);
                texts.add(node.get("text").asText());
                assertThat(node.get("box").get("width").asInt()).isPositive();
                assertThat(node.get("time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
                assertThat(node.get("interrupts").asBoolean()).isFalse();
            }
            assertThat(texts).isEqualTo(chat);
        }
    }

    @Test
    void printsTheSignsOfAVideoStandingInForTheCamera(@TempDir Path dir) throws Exception {
        List<String> signs = List.of("Platform 4 this way", "Ticket office closed");
        Path video = SignVideo.write(dir.resolve("signs.mkv"), signs, 1.6);
        CliRun r = CliRun.of("watch", "camera", "--from", video.toString(), "--for", "8");

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains("Watching signs.mkv standing in for the camera.").contains("Stopped watching.");
        // Each sign once while it is held up; the video loops, as a camera never runs out of pictures, so the first
        // sign may come round again as a new sign would.
        List<String> printed = List.of(r.out().strip().split("\n"));
        assertThat(printed).as(r.out()).startsWith(signs.toArray(String[]::new)).isSubsetOf(signs);
    }

    @Test
    void aRegionOffTheScreenIsRefusedWithOneLineAndExitCode3() {
        Displays.assumeX11();
        CliRun r = CliRun.of("watch", "region", "5000,5000,100,100");
        assertThat(r.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err().strip()).startsWith("The region at 5000, 5000, 100 by 100 does not lie on the screen")
                .doesNotContain("\n");
    }

    @Test
    void aRegionThatIsNotFourNumbersIsExplained() {
        CliRun r = CliRun.of("watch", "region", "10,20,30");
        assertThat(r.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err().strip()).isEqualTo("The region \"10,20,30\" is not understood. Write it as X,Y,W,H in"
                + " screen coordinates, for example 0,600,1280,120.");
    }
}
