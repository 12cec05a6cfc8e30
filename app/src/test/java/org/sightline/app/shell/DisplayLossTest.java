package org.sightline.app.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The X server goes away while the desktop app runs (the session ends, the server crashes): the app ends at once,
 * without a crash, and says why; an app that ends for any other reason says nothing of the kind. Real Xvfb on a
 * display of its own, the real app in a JVM of its own.
 */
class DisplayLossTest {

    private static final String NOTICE = "Sightline closed because the display it was shown on went away.";

    /**
     * The app's home. Not a {@code @TempDir}: programs the toolkit starts (dconf) may still write under it a moment
     * after the app has ended, so it is removed on a best-effort basis.
     */
    private Path dir;
    private Process xvfb;
    private Process app;
    private Path err;

    @BeforeEach
    void startTheAppOnItsOwnDisplay() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/Xvfb")), "Xvfb is not installed (.ci/install installs it)");
        dir = Files.createTempDirectory("sightline-display-loss");
        int display = freeDisplay();
        xvfb = new ProcessBuilder("/usr/bin/Xvfb", ":" + display, "-screen", "0", "1024x768x24", "-nolisten", "tcp")
                .redirectErrorStream(true).redirectOutput(dir.resolve("xvfb.log").toFile()).start();
        Path socket = Path.of("/tmp/.X11-unix/X" + display);
        for (int i = 0; i < 100 && !Files.exists(socket); i++) {
            Thread.sleep(100);
        }
        assertThat(socket).as("Xvfb :%d started", display).exists();

        Path config = Files.createDirectories(dir.resolve("config/sightline"));
        Files.writeString(config.resolve("settings.json"),
                "{\"speechEngine\": \"silent\", \"firstRunDone\": true, \"keepHistory\": false}");
        Path work = Files.createDirectories(dir.resolve("work"));
        err = dir.resolve("app.err");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // As ./sightline starts it: ONNX Runtime's sessions need the deeper stack, DJL stays offline.
                "-Xss4m", "-Dai.djl.offline=true", "-Dai.djl.default_engine=OnnxRuntime",
                "-Dprism.order=sw", "-Duser.language=en", "-Duser.country=US",
                "-cp", System.getProperty("java.class.path"), "org.sightline.app.Main")
                .directory(work.toFile()).redirectOutput(dir.resolve("app.out").toFile()).redirectError(err.toFile());
        pb.environment().put("DISPLAY", ":" + display);
        pb.environment().remove("WAYLAND_DISPLAY");
        pb.environment().put("HOME", dir.toString());
        pb.environment().put("XDG_CONFIG_HOME", dir.resolve("config").toString());
        pb.environment().put("XDG_DATA_HOME", dir.resolve("data").toString());
        pb.environment().put("SIGHTLINE_SPEECH_LOG", "1");
        app = pb.start();
        waitForLine(err, "Sightline ready", 60);
    }

    @AfterEach
    void stop() throws InterruptedException {
        for (Process p : new Process[] {app, xvfb}) {
            if (p != null && p.isAlive()) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
        }
        if (dir != null) {
            Thread.sleep(500);
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException | UncheckedIOException e) {
                // A file written after the walk stays in the system's temporary folder; nothing depends on it.
            }
        }
    }

    @Test
    void theAppEndsWithoutACrashAndSaysTheDisplayWentAway() throws Exception {
        xvfb.destroy();
        assertThat(xvfb.waitFor(20, TimeUnit.SECONDS)).as("Xvfb stopped").isTrue();
        assertThat(app.waitFor(30, TimeUnit.SECONDS)).as("the app ended after its display went away").isTrue();
        assertThat(crashReports()).as("the JVM's crash report (its head), kept in the failure").isEmpty();
        // The notice comes from a watcher that outlives the app by a moment.
        String said = waitForLine(err, "display it was shown on went away", 10);

        assertThat(app.exitValue()).as("exit status (128 and above: killed by a signal)\n%s", said)
                .isBetween(0, 127);
        assertThat(said).contains(NOTICE).doesNotContain("SIGSEGV", "A fatal error has been detected", "\tat ");
    }

    /**
     * The head of each crash report the app's JVM wrote (hs_err_pid*.log in its working folder): the frame it crashed
     * in and the thread's native stack, which the folder's removal after the test would otherwise lose.
     */
    private String crashReports() throws IOException {
        StringBuilder reports = new StringBuilder();
        try (Stream<Path> files = Files.list(dir.resolve("work"))) {
            for (Path p : files.filter(f -> f.getFileName().toString().startsWith("hs_err")).toList()) {
                try (Stream<String> lines = Files.lines(p, StandardCharsets.ISO_8859_1)) {
                    reports.append(p.getFileName()).append(":\n");
                    lines.limit(CRASH_REPORT_LINES).forEach(l -> reports.append(l).append('\n'));
                }
            }
        }
        return reports.toString();
    }

    /** The lines of a crash report kept: its summary, the crashing frame and the native stack under it. */
    private static final int CRASH_REPORT_LINES = 80;

    @Test
    void anAppAskedToEndWhileTheDisplayStaysSaysNothingOfALostDisplay() throws Exception {
        app.destroy(); // SIGTERM, as a session manager or `kill` ends a program
        assertThat(app.waitFor(30, TimeUnit.SECONDS)).as("the app ended when asked").isTrue();
        // Then the display goes too, as at the end of a session: the app had already ended on its own terms.
        xvfb.destroy();
        assertThat(xvfb.waitFor(20, TimeUnit.SECONDS)).as("Xvfb stopped").isTrue();
        Thread.sleep(4000); // longer than the watcher waits for a server that is shutting down

        assertThat(Files.readString(err, StandardCharsets.UTF_8)).doesNotContain(NOTICE);
    }

    private static String waitForLine(Path file, String text, int seconds) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        String content = "";
        while (System.nanoTime() < end) {
            content = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
            if (content.contains(text)) {
                return content;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("No '" + text + "' within " + seconds + " s; the app printed:\n" + content);
    }

    private static int freeDisplay() throws IOException {
        for (int n = 170; n < 230; n++) {
            if (!Files.exists(Path.of("/tmp/.X" + n + "-lock")) && !Files.exists(Path.of("/tmp/.X11-unix/X" + n))) {
                return n;
            }
        }
        throw new IOException("no free X display number between 170 and 229");
    }
}
