package org.sightline.app.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
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
 * The NVDA add-on, loaded by Debian's python3 with NVDA's modules replaced by recording stand-ins
 * (installer/nvda/tests), reading a real window on the screen through the real service: over the Unix socket,
 * over the loopback port as on Windows, started by the add-on itself when none runs, and not startable.
 */
@ExtendWith(EnglishOfflineStore.class)
class NvdaAddonOnScreenTest {

    private static final List<String> LINES = List.of("Library closes at six", "Returns go in the box");

    @TempDir
    static Path dir;

    private static TextWindow window;

    @BeforeAll
    static void open() throws Exception {
        assumeTrue(!java.awt.GraphicsEnvironment.isHeadless(), "a window on the screen: the on-screen execution");
        window = TextWindow.open("Notice board", new Rectangle(120, 140, 760, 150), TestFonts.sans(Font.PLAIN, 30),
                Color.BLACK, Color.WHITE);
        window.show(LINES);
    }

    @AfterAll
    static void close() throws Exception {
        if (window != null) {
            window.close();
        }
    }

    /** Runs the add-on's tests in {@code mode} with {@code runtime} as the user's runtime folder; returns the output. */
    private static String addOn(String mode, Path runtime, Map<String, String> more) throws Exception {
        Files.createDirectories(runtime);
        Rectangle r = window.bounds();
        ProcessBuilder python = new ProcessBuilder("python3", "tests/test_addon.py")
                .directory(Path.of("../installer/nvda").toAbsolutePath().normalize().toFile())
                .redirectErrorStream(true);
        python.environment().putAll(Map.of(
                "SIGHTLINE_COMPANION", Path.of("../installer/companion").toAbsolutePath().normalize().toString(),
                "SIGHTLINE_RECT", r.x + "," + r.y + "," + r.width + "," + r.height,
                "SIGHTLINE_EXPECT", String.join("|", LINES),
                "SIGHTLINE_MODE", mode,
                "XDG_RUNTIME_DIR", runtime.toString(),
                "SIGHTLINE_BUSY_PAGE", Path.of("../vision/src/test/resources/org/sightline/vision/elements/corpus/"
                        + "python-attr-doc-007-0.png").toAbsolutePath().normalize().toString()));
        python.environment().putAll(more);
        Process process = python.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    @Test
    void theAddOnReadsDescribesAndListsAWindowThroughTheServiceSocket() throws Exception {
        Path runtime = dir.resolve("unix");
        try (SightlineService service = SightlineService.start(runtime.resolve("sightline/service.sock"),
                ServiceTesting.work())) {
            String output = addOn("running", runtime, Map.of());
            assertThat(output).contains("Ran 10 tests").contains("OK (skipped=2)")
                    .contains("message: Library closes at six\nmessage: Returns go in the box\n"
                            + "browseableMessage: Library closes at six | Returns go in the box");
            System.out.println(output);
        }
    }

    @Test
    void theAddOnFindsALoopbackServiceThroughItsConnectionFile() throws Exception {
        Path runtime = dir.resolve("tcp");
        try (SightlineService service = SightlineService.startLoopback(runtime.resolve("sightline/service.json"),
                ServiceTesting.work())) {
            String output = addOn("running", runtime, Map.of());
            assertThat(output).contains("OK (skipped=2)").contains("message: Library closes at six");
            assertThat(runtime.resolve("sightline/service.sock")).doesNotExist();
        }
    }

    @Test
    void withNoServiceRunningTheAddOnStartsOneWithTheConfiguredCommand() throws Exception {
        Path launcher = dir.resolve("sightline-launcher");
        Files.writeString(launcher, "#!/bin/sh\nexec '" + Path.of(System.getProperty("java.home"), "bin", "java")
                + "' -Xss4m -Dai.djl.offline=true -Dai.djl.default_engine=OnnxRuntime -cp '"
                + System.getProperty("java.class.path") + "' org.sightline.app.Main \"$@\"\n");
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwx------"));
        Path runtime = dir.resolve("started");
        String output = addOn("start", runtime, Map.of("SIGHTLINE_COMMAND", launcher.toString(),
                "SIGHTLINE_OFFLINE", "1", "SIGHTLINE_MODELS", dir.resolve("cache").toString()));
        System.out.println(output);
        assertThat(output).contains("OK (skipped=7)")
                .contains("message: Starting Sightline. This can take a minute.\nmessage: Library closes at six");
        assertThat(runtime.resolve("sightline/service.sock")).doesNotExist();
    }

    @Test
    void withNoServiceAndNoSightlineTheAddOnSaysItCannotStartIt() throws Exception {
        String output = addOn("missing", dir.resolve("missing"), Map.of("SIGHTLINE_COMMAND", "/opt/none/sightline"));
        assertThat(output).contains("OK (skipped=7)").contains("message: Sightline is not running and could not be "
                + "started with /opt/none/sightline: [Errno 2] No such file or directory: '/opt/none/sightline'. "
                + "Install Sightline or set its command in NVDA's configuration.");
    }

}
