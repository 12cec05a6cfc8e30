package org.sightline.app.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.vision.live.TextWindow;
import org.sightline.vision.testing.EnglishOfflineStore;
import org.sightline.vision.testing.TestFonts;

/**
 * Sightline's Orca keys (installer/companion/sightline_orca.py) run inside Debian's real Orca modules, as Orca
 * runs a user's customisations, against the real service reading a real window on the screen: what the user
 * hears is what Orca was asked to present. Orca itself needs a desktop session to run; its key bindings,
 * settings and state are the real ones here, and the application's script is a recording stand-in.
 */
@ExtendWith(EnglishOfflineStore.class)
class OrcaCompanionOnScreenTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path ORCA = Path.of("/usr/lib/python3/dist-packages/orca/settings.py");
    private static final Path CHECK = Path.of("../installer/companion/tests/orca_keys_check.py");
    private static final Rectangle NOTICE = new Rectangle(120, 140, 680, 190);

    @TempDir
    static Path dir;

    private static SightlineService service;
    private static TextWindow window;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(!java.awt.GraphicsEnvironment.isHeadless(), "a window on the screen: the on-screen execution");
        assumeTrue(Files.exists(ORCA), "Debian's orca package is not installed (.ci/install installs it)");
        // Where the client looks by default: $XDG_RUNTIME_DIR/sightline/service.sock.
        service = SightlineService.start(dir.resolve("sightline/service.sock"), ServiceTesting.work());
        window = TextWindow.open("Notice", NOTICE, TestFonts.sans(Font.PLAIN, 26), Color.BLACK, Color.WHITE);
        window.show(List.of("The water will be off on Tuesday", "from nine until noon."));
    }

    @AfterAll
    static void stop() throws Exception {
        if (window != null) {
            window.close();
        }
        if (service != null) {
            service.close();
        }
    }

    /** Presses the key in Orca (with Orca, Control and Alt) with the focus on {@code focus}; what Orca presented. */
    private static JsonNode press(String key, Rectangle focus, boolean serviceRunning) throws Exception {
        List<String> command = new ArrayList<>(List.of("dbus-run-session", "--", "/usr/bin/python3",
                CHECK.toAbsolutePath().normalize().toString(), key));
        if (focus != null) {
            command.addAll(List.of(String.valueOf(focus.x), String.valueOf(focus.y), String.valueOf(focus.width),
                    String.valueOf(focus.height)));
        }
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("XDG_RUNTIME_DIR",
                serviceRunning ? dir.toString() : dir.resolve("nowhere").toString());
        builder.environment().put("SIGHTLINE_NO_LAUNCHER", "1");
        builder.redirectError(dir.resolve("orca-" + key + ".log").toFile());
        Process python = builder.start();
        String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(python.waitFor(90, TimeUnit.SECONDS)).isTrue();
        assertThat(python.exitValue()).as(output + Files.readString(dir.resolve("orca-" + key + ".log"))).isZero();
        return JSON.readTree(output.lines().reduce((a, b) -> b).orElseThrow());
    }

    private static List<String> presented(JsonNode result) {
        List<String> said = new ArrayList<>();
        result.get("presented").forEach(n -> said.add(n.asText()));
        return said;
    }

    @Test
    void readingTheObjectWithTheFocusPresentsEachLineWithOrca() throws Exception {
        JsonNode result = press("r", NOTICE, true);
        assertThat(presented(result)).containsExactly("The water will be off on Tuesday", "from nine until noon.");
        assertThat(result.get("bindings")).extracting(JsonNode::asText).containsExactly(
                "Sightline: read the text of the object with the focus",
                "Sightline: describe the object with the focus",
                "Sightline: list the controls in the object with the focus",
                "Sightline: read the active window",
                "Sightline: stop");
    }

    @Test
    void describingWithoutADescriptionModelPresentsTheSummaryOfTheTextAndLayout() throws Exception {
        List<String> said = presented(press("p", NOTICE, true));
        assertThat(said).isNotEmpty();
        assertThat(said.get(0)).startsWith("No description model is installed, so here is a summary of the text "
                + "and layout.").contains("It begins: The water will be off on Tuesday from nine until noon.");
    }

    @Test
    void turningTheKeysOnAndOffKeepsTheUsersOwnCustomisations() throws Exception {
        Process python = new ProcessBuilder("/usr/bin/python3",
                Path.of("../installer/companion/tests/customizations_check.py").toAbsolutePath().normalize()
                        .toString(), dir.resolve("data").toString()).redirectErrorStream(true).start();
        String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(python.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(python.exitValue()).as(output).isZero();
        assertThat(output.strip()).isEqualTo("ok");
    }

    @Test
    void withNothingFocusedOrNoServiceOrcaSaysSoInOneSentence() throws Exception {
        assertThat(presented(press("r", null, true))).containsExactly("Nothing has the focus to read.");
        assertThat(presented(press("r", NOTICE, false))).containsExactly(
                "Sightline is not running and could not be started. Start it with: sightline serve.");
    }
}
