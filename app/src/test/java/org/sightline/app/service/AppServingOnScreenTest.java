package org.sightline.app.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.GraphicsEnvironment;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.app.chat.Turn;
import org.sightline.app.settings.Settings;
import org.sightline.app.settings.SettingsStore;
import org.sightline.app.shell.AppServices;
import org.sightline.app.shell.AppServing;
import org.sightline.app.shell.DesktopShell;
import org.sightline.app.testing.FxThread;
import org.sightline.speech.RecordingSpeechOutput;
import org.sightline.vision.testing.EnglishOfflineStore;
import org.sightline.vision.testing.TextPages;

/**
 * The desktop app serving the protocol from its own process, as {@code ./sightline} starts it (the desktop wiring,
 * real OCR models loaded once, a real window under Xvfb), asked by a real client on the real socket; and the app
 * started while another service already answers there.
 */
@Tag("slow")
@ExtendWith(EnglishOfflineStore.class)
class AppServingOnScreenTest {

    @TempDir
    static Path dir;

    private static Path page;

    @BeforeAll
    static void prepare() throws Exception {
        assumeTrue(!GraphicsEnvironment.isHeadless(), "a window on the screen: the on-screen execution");
        Locale.setDefault(Locale.ENGLISH);
        FxThread.start();
        page = TextPages.png(dir.resolve("letter.png"), 720, 20, "Dear neighbour,", "The water will be off on Tuesday");
    }

    /** The app as {@code ./sightline} opens it, with its settings under {@code home}, serving as {@code serving} says. */
    private static DesktopShell open(Path home, Settings settings, AppServing.Choice serving,
                                     RecordingSpeechOutput speech) throws Exception {
        SettingsStore store = new SettingsStore(home.resolve("settings"));
        store.save(settings);
        AppServices services = AppServices.desktop(speech, store, false, false).withServing(serving);
        DesktopShell shell = FxThread.call(() -> DesktopShell.open(new Stage(), services));
        await(() -> speech.spoken().contains("Sightline ready. Press F1 to hear every key."), 20_000);
        return shell;
    }

    private static void close(DesktopShell shell) throws Exception {
        FxThread.call(() -> {
            shell.close();
            ((Stage) shell.view().root().getScene().getWindow()).hide();
            return null;
        });
    }

    private static void await(BooleanSupplier condition, long millis) throws InterruptedException {
        long end = System.currentTimeMillis() + millis;
        while (!condition.getAsBoolean() && System.currentTimeMillis() < end) {
            Thread.sleep(50);
        }
        assertThat(condition.getAsBoolean()).as("waited %d ms", millis).isTrue();
    }

    @Test
    void withTheSettingOnTheAppAnswersAReadOnItsSocketAndStoppingItRemovesTheSocket() throws Exception {
        Path socket = dir.resolve("own/sightline/service.sock");
        RecordingSpeechOutput speech = new RecordingSpeechOutput();
        DesktopShell shell = open(dir.resolve("own"), Settings.defaults().withFirstRunDone(true)
                .withServeRequests(true), new AppServing.Choice(false, ServiceAddress.unix(socket)), speech);
        try {
            await(() -> shell.servingAt().isPresent(), 10_000);
            assertThat(shell.servingAt()).contains(socket);
            try (RawConnection raw = RawConnection.unix(socket)) {
                raw.send("{\"v\":1,\"id\":\"r\",\"op\":\"read\",\"source\":\"file\",\"path\":\"" + page + "\"}");
                List<JsonNode> events = raw.until("r");
                assertThat(events).filteredOn(e -> e.get("event").asText().equals("line"))
                        .extracting(e -> e.get("text").asText())
                        .containsExactly("Dear neighbour,", "The water will be off on Tuesday");
                assertThat(events).last().satisfies(e -> assertThat(e.get("event").asText()).isEqualTo("done"));
            }
            // Serving is quiet: nothing is said about it when all is well.
            assertThat(speech.spoken()).noneMatch(s -> s.contains("service"));
        } finally {
            close(shell);
        }
        assertThat(socket).doesNotExist();
        assertThat(ServiceClient.connect(socket)).isEmpty();
    }

    @Test
    void withAServiceAlreadyRunningTheAppSaysSoOnceAndDoesNotStartAnother() throws Exception {
        Path socket = dir.resolve("taken/sightline/service.sock");
        try (SightlineService running = SightlineService.start(socket, ServiceTesting.work())) {
            RecordingSpeechOutput speech = new RecordingSpeechOutput();
            // As "sightline --serve" asks, with the setting off.
            DesktopShell shell = open(dir.resolve("taken"), Settings.defaults().withFirstRunDone(true),
                    AppServing.Choice.always(ServiceAddress.unix(socket)), speech);
            String notice = "Another Sightline service is already answering add-ons and scripts at " + socket
                    + ", so this window does not serve as well; stop that service and start Sightline again to"
                    + " serve from here.";
            try {
                await(() -> speech.spoken().contains(notice), 10_000);
                Thread.sleep(500);
                assertThat(speech.spoken()).containsOnlyOnce(notice);
                List<Turn> shown = FxThread.call(() -> List.copyOf(shell.model().turns()));
                assertThat(shown).extracting(Turn::answer).containsOnlyOnce(notice);
                assertThat(shell.servingAt()).isEmpty();
            } finally {
                close(shell);
            }
            // The service that was there first still answers, at its socket.
            Optional<ServiceClient> client = ServiceClient.connect(socket);
            assertThat(client).isPresent();
            client.get().close();
            assertThat(running.path()).exists();
        }
    }
}
