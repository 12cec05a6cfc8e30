package org.sightline.app.journeys;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The desktop a user of Sightline has around it, on the test's X display: a window manager (evilwm, as in CI),
 * a real Chromium showing a page, and a keyboard (xdotool, whose keys go through the X server like a user's).
 * A journey needs all of them: a missing program is a broken test machine, so it fails, it is not skipped.
 */
final class JourneyDesktop implements AutoCloseable {

    private final List<Process> started = new ArrayList<>();
    private String browserWindow;
    private Path profile;

    private JourneyDesktop() {
    }

    /**
     * Starts the window manager (unless one runs already) and Chromium showing {@code page}. Chromium's profile
     * lives outside the test's temporary folder: Chromium may still write to it while JUnit deletes that folder.
     */
    static JourneyDesktop open(Path page) throws Exception {
        JourneyDesktop desktop = withoutBrowser();
        desktop.profile = Files.createTempDirectory("sightline-journey-chromium");
        desktop.browserWindow = desktop.startBrowser(page, desktop.profile);
        return desktop;
    }

    /** The window manager alone, for journeys among Sightline's window and the test's own windows. */
    static JourneyDesktop withoutBrowser() throws Exception {
        // -Dtest=... selects these tests in the headless execution too; they belong to the on-screen one.
        Assumptions.assumeTrue("gtk".equals(System.getProperty("glass.platform")),
                "journeys run in the on-screen surefire execution (the headless one uses Monocle)");
        String display = System.getenv("DISPLAY");
        if (display == null || display.isBlank()) {
            throw new AssertionError("The journeys need an X display: run them under xvfb-run (see .ci/test).");
        }
        JourneyDesktop desktop = new JourneyDesktop();
        desktop.startWindowManager();
        return desktop;
    }

    private void startWindowManager() throws Exception {
        if (!run("xprop", "-root", "_NET_SUPPORTING_WM_CHECK").contains("window id")) {
            started.add(start("evilwm"));
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (!run("xprop", "-root", "_NET_SUPPORTING_WM_CHECK").contains("window id")) {
                if (System.nanoTime() > end) {
                    throw new AssertionError("evilwm did not start on " + System.getenv("DISPLAY"));
                }
                Thread.sleep(50);
            }
        }
    }

    /**
     * Chromium as an app window (no tabs or address bar), with its own profile and no network. As root it needs
     * {@code --no-sandbox}; {@code --test-type} keeps the warning bar about it off the page.
     */
    private String startBrowser(Path page, Path profile) throws Exception {
        List<String> before = browserWindows();
        started.add(start("chromium", "--no-sandbox", "--test-type", "--user-data-dir=" + profile,
                "--no-first-run", "--no-default-browser-check", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-features=Translate,MediaRouter", "--password-store=basic",
                "--force-device-scale-factor=1", "--window-size=1000,700", "--app=" + page.toUri()));
        // A window of a Chromium that is still closing (the journey class before) is not this one's.
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < end) {
            List<String> fresh = new ArrayList<>(browserWindows());
            fresh.removeAll(before);
            if (!fresh.isEmpty()) {
                return fresh.get(fresh.size() - 1);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Chromium showed no window within 30 s");
    }

    private static List<String> browserWindows() throws Exception {
        return windowIds(run("xdotool", "search", "--onlyvisible", "--class", "chromium"));
    }

    /** The X window id of the page. */
    String browserWindow() {
        return browserWindow;
    }

    /** The first visible window whose title is exactly {@code title}. */
    static String windowNamed(String title) throws Exception {
        return windowIds(run(20, "xdotool", "search", "--sync", "--onlyvisible", "--name", "^" + title + "$"))
                .stream().findFirst().orElseThrow(() -> new AssertionError("no window called " + title));
    }

    /** Every visible window called {@code title} now, without waiting for one. */
    static List<String> windowsNamed(String title) throws Exception {
        return windowIds(run("xdotool", "search", "--onlyvisible", "--name", "^" + title + "$"));
    }

    /**
     * The window called {@code title} that is not one of {@code before}: the one just opened, never a window of the
     * same name that an earlier test in this JVM left on the screen.
     */
    static String newWindowNamed(String title, List<String> before) throws Exception {
        long end = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < end) {
            for (String id : windowsNamed(title)) {
                if (!before.contains(id)) {
                    return id;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no new window called " + title + " (there were " + before + ")");
    }

    /** The window ids in xdotool's output; X errors about windows that closed meanwhile are left out. */
    private static List<String> windowIds(String output) {
        return output.lines().map(String::strip).filter(l -> l.matches("\\d+")).toList();
    }

    /** Brings {@code window} to the front with the keyboard, as the window manager does for Alt+Tab or a click. */
    static void activate(String window) throws Exception {
        run("xdotool", "windowactivate", "--sync", window);
        Thread.sleep(300); // the toolkit hears of its focus a moment after the window manager gives it
    }

    /** The window that has the keyboard now. */
    static String activeWindow() throws Exception {
        return run("xdotool", "getactivewindow").strip();
    }

    /** Where {@code window} is on the screen and how big: x, y, width, height. */
    static java.awt.Rectangle bounds(String window) throws Exception {
        java.util.Map<String, Integer> shape = new java.util.HashMap<>();
        for (String line : run("xdotool", "getwindowgeometry", "--shell", window).split("\\R")) {
            String[] kv = line.split("=", 2);
            if (kv.length == 2 && kv[1].strip().matches("-?\\d+")) {
                shape.put(kv[0].strip(), Integer.parseInt(kv[1].strip()));
            }
        }
        return new java.awt.Rectangle(shape.get("X"), shape.get("Y"), shape.get("WIDTH"), shape.get("HEIGHT"));
    }

    /** Writes what the screen shows now to {@code png}, to look at what a low-vision user sees. */
    static void screenshot(Path png) throws Exception {
        Files.createDirectories(png.toAbsolutePath().getParent());
        run("/usr/bin/import", "-window", "root", png.toString());
    }

    /** Moves the mouse pointer to {@code x, y} on the screen, as a low-vision user points at something. */
    static void pointAt(int x, int y) throws Exception {
        run("xdotool", "mousemove", "--sync", String.valueOf(x), String.valueOf(y));
    }

    /** Presses key chords in xdotool's names ("ctrl+shift+t", "Down"), one after another, like a user. */
    static void keys(String... chords) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("xdotool", "key", "--delay", "80"));
        cmd.addAll(List.of(chords));
        run(cmd.toArray(String[]::new));
    }

    /** Types {@code text} key by key into whatever has the keyboard. */
    static void type(String text) throws Exception {
        run("xdotool", "type", "--delay", "40", text);
    }

    private static Process start(String... cmd) throws IOException {
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    static String run(String... cmd) throws Exception {
        return run(10, cmd);
    }

    /** Runs {@code cmd} under coreutils' timeout, so a window that never comes cannot hang the build. */
    private static String run(int seconds, String... cmd) throws Exception {
        List<String> limited = new ArrayList<>(List.of("timeout", String.valueOf(seconds)));
        limited.addAll(List.of(cmd));
        Process p = new ProcessBuilder(limited).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out;
        try (InputStream in = p.getInputStream()) {
            out = in.readAllBytes();
        }
        if (p.waitFor() == 124) {
            throw new AssertionError(String.join(" ", cmd) + " took longer than " + seconds + " s");
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            Process p = started.get(i);
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
            try {
                p.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        // The next journey class starts its own Chromium: this one's windows must be gone first.
        try {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (!browserWindows().isEmpty() && System.nanoTime() < end) {
                Thread.sleep(100);
            }
        } catch (Exception e) {
            Thread.currentThread().interrupt();
        }
        deleteQuietly(profile);
    }

    /** Deletes a folder tree as far as it can: a file a closing Chromium still holds is left to the system. */
    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (java.util.stream.Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | java.io.UncheckedIOException e) {
            // Left in the temporary folder.
        }
    }
}
