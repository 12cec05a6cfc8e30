package org.sightline.app.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.vision.live.TextWindow;
import org.sightline.vision.testing.Displays;
import org.sightline.vision.testing.EnglishOfflineStore;
import org.sightline.vision.testing.TestFonts;

/**
 * {@code watch} through the real socket: real windows under Xvfb whose text changes, the real OCR models, and the
 * events a client reads, until it cancels or goes away; after either, no watch thread is left running.
 */
@Tag("slow")
@ExtendWith(EnglishOfflineStore.class)
class ServiceWatchOnScreenTest {

    @TempDir
    static Path dir;

    private static SightlineService service;

    @BeforeAll
    static void start() {
        Displays.assumeX11();
        service = SightlineService.start(dir.resolve("run/service.sock"), ServiceTesting.work());
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    private static long watchThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().equals("sightline-watch")).count();
    }

    private static void awaitNoWatchThreads() throws InterruptedException {
        long end = System.currentTimeMillis() + 5000;
        while (watchThreads() > 0 && System.currentTimeMillis() < end) {
            Thread.sleep(50);
        }
        assertThat(watchThreads()).as("watch threads still running").isZero();
    }

    @Test
    void theActiveWindowIsWatchedLineByLineUntilTheClientCancels() throws Exception {
        try (TextWindow w = TextWindow.open("Film player", new Rectangle(80, 420, 700, 90),
                TestFonts.sans(Font.PLAIN, 26), Color.WHITE, Color.BLACK);
             RawConnection raw = RawConnection.unix(service.path())) {
            w.activate();
            raw.send("{\"v\":1,\"id\":\"w1\",\"op\":\"watch\",\"source\":\"window\"}");
            assertThat(raw.nextOf("w1", "notice").get("text").asText()).isEqualTo("Watching Film player.");
            w.show(List.of("Where is the harbour?"));
            assertThat(raw.nextOf("w1", "change").get("text").asText()).isEqualTo("Where is the harbour?");
            w.show(List.of("Past the old lighthouse."));
            JsonNode change = raw.nextOf("w1", "change");
            assertThat(change.get("text").asText()).isEqualTo("Past the old lighthouse.");
            assertThat(change.get("box").get("width").asInt()).isPositive();
            assertThat(change.get("update").asBoolean()).isFalse();

            raw.send("{\"v\":1,\"id\":\"w1\",\"op\":\"cancel\"}");
            assertThat(raw.until("w1")).last().satisfies(e -> assertThat(e.get("event").asText())
                    .isEqualTo("cancelled"));
            awaitNoWatchThreads();
            // The connection goes on, and the id is free again.
            raw.send("{\"v\":1,\"id\":\"w1\",\"op\":\"hello\"}");
            assertThat(raw.next().get("event").asText()).isEqualTo("hello");
        }
    }

    @Test
    void aRegionIsWatchedWhileOtherRequestsAreAnsweredAndAClientThatLeavesEndsItsWatch() throws Exception {
        Font font = TestFonts.sans(Font.PLAIN, 24);
        try (TextWindow gate = TextWindow.open("Departures", new Rectangle(300, 300, 420, 90), font, Color.BLACK,
                Color.WHITE)) {
            try (RawConnection raw = RawConnection.unix(service.path())) {
                raw.send("{\"v\":1,\"id\":\"off\",\"op\":\"watch\",\"source\":\"rect\",\"rect\":{\"x\":90000,"
                        + "\"y\":0,\"width\":100,\"height\":100}}");
                JsonNode off = raw.next();
                assertThat(off.get("code").asText()).isEqualTo("bad_input");
                assertThat(off.get("message").asText()).startsWith("The region at 90000, 0, 100 by 100");

                raw.send("{\"v\":1,\"id\":\"g\",\"op\":\"watch\",\"source\":\"rect\",\"rect\":{\"x\":300,\"y\":300,"
                        + "\"width\":420,\"height\":90},\"latestFirst\":true}");
                assertThat(raw.nextOf("g", "notice").get("text").asText())
                        .isEqualTo("Watching the region at 300, 300, 420 by 90.");
                gate.show(List.of("Gate 12 closed"));
                JsonNode first = raw.nextOf("g", "change");
                assertThat(first.get("text").asText()).isEqualTo("Gate 12 closed");
                assertThat(first.get("interrupts").asBoolean()).isTrue();

                // The watch leaves the worker free: a reading of the screen is answered while it runs.
                raw.send("{\"v\":1,\"id\":\"r\",\"op\":\"read\",\"source\":\"rect\",\"rect\":{\"x\":300,\"y\":300,"
                        + "\"width\":420,\"height\":90}}");
                JsonNode done = raw.nextOf("r", "done");
                assertThat(done.get("result").get("text").asText()).isEqualTo("Gate 12 closed");
                gate.show(List.of("Gate 14 now boarding"));
                assertThat(raw.nextOf("g", "change").get("text").asText()).isEqualTo("Gate 14 now boarding");
                assertThat(watchThreads()).isEqualTo(1);
            }
            awaitNoWatchThreads();
        }
        try (RawConnection next = RawConnection.unix(service.path())) {
            next.send("{\"v\":1,\"id\":\"h\",\"op\":\"hello\"}");
            assertThat(next.next().get("event").asText()).isEqualTo("hello");
        }
    }

    @Test
    void thePythonClientAnAddOnCarriesWatchesARegionAndCancelsIt() throws Exception {
        Rectangle notice = new Rectangle(120, 560, 560, 80);
        try (TextWindow w = TextWindow.open("Notice", notice, TestFonts.sans(Font.PLAIN, 26), Color.BLACK,
                Color.WHITE)) {
            w.show(List.of("Lift out of order"));
            Process python = new ProcessBuilder("python3",
                    Path.of("src/test/resources/org/sightline/app/service/watch_with_client.py").toString(),
                    Path.of("../installer/companion").toAbsolutePath().normalize().toString(),
                    service.path().toString(), String.valueOf(notice.x), String.valueOf(notice.y),
                    String.valueOf(notice.width), String.valueOf(notice.height)).redirectErrorStream(true).start();
            String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(python.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(python.exitValue()).as(output).isZero();
            assertThat(output.lines().toList()).containsExactly(
                    "notice: Watching the region at 120, 560, 560 by 80.",
                    "change: Lift out of order",
                    "cancelled: w");
            awaitNoWatchThreads();
        }
    }
}
