package org.sightline.vision.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.Rectangle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The active-window route as it runs on a desktop: a real window manager (evilwm, from Debian; see .ci/install)
 * publishes _NET_ACTIVE_WINDOW and draws a frame, whose extents must be part of the captured window.
 * The window manager is stopped afterwards so the other tests see a bare X server again.
 */
class WindowManagerActiveWindowTest {

    private static Process windowManager;
    private static KnownWindow window;

    @BeforeAll
    static void startWindowManager() throws Exception {
        KnownWindow.assumeDisplay();
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/evilwm")), "needs evilwm (apt-get install evilwm)");
        assumeTrue(!hasWindowManager(), "another window manager is running");
        windowManager = new ProcessBuilder("evilwm").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        long deadline = System.currentTimeMillis() + 5000;
        while (!hasWindowManager()) {
            assertThat(System.currentTimeMillis()).as("evilwm started").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private static boolean hasWindowManager() {
        String out = X11Windows.run("xprop", "-root", "_NET_SUPPORTING_WM_CHECK");
        return out != null && out.contains("window id");
    }

    @AfterAll
    static void stopWindowManager() throws Exception {
        if (window != null) {
            window.close();
        }
        if (windowManager != null) {
            windowManager.destroy();
            windowManager.waitFor();
            // A window manager leaves its properties on the root window; later tests expect a bare server.
            X11Windows.run("xprop", "-root", "-remove", "_NET_ACTIVE_WINDOW");
            X11Windows.run("xprop", "-root", "-remove", "_NET_SUPPORTING_WM_CHECK");
        }
    }

    @Test
    void theActiveWindowComesFromTheWindowManagerWithItsFrame() throws Exception {
        window = KnownWindow.showManaged("Managed window", new Rectangle(200, 150, 300, 200));
        String found = X11Windows.run("xdotool", "search", "--name", "^Managed window$");
        assertThat(found).as("xdotool finds the window").isNotBlank();
        String id = "0x" + Long.toHexString(Long.parseLong(found.trim().lines().findFirst().orElseThrow()));
        X11Windows.run("xdotool", "windowactivate", "--sync", String.valueOf(Long.decode(id)));
        String active = awaitNetActive(id);

        WindowHandle handle = ActiveWindow.current();
        assertThat(handle.nativeId()).isEqualTo(active);
        assertThat(handle.title()).isEqualTo("Managed window");
        int[] extents = frameExtents(active);
        Rectangle content = window.frame.getBounds();
        content.setLocation(window.frame.getLocationOnScreen());
        Rectangle expected = new Rectangle(content.x - extents[0], content.y - extents[2],
                content.width + extents[0] + extents[1], content.height + extents[2] + extents[3]);
        assertThat(handle.bounds()).isEqualTo(expected);

        Capture c = Captures.window(handle);
        assertThat(c.screenBounds()).isEqualTo(expected);
        assertThat(window.mismatches(c.image(), extents[0], extents[2])).isZero();
    }

    private static String awaitNetActive(String id) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 5000;
        while (System.currentTimeMillis() < deadline) {
            var active = X11Windows.netActiveWindow();
            if (active.isPresent() && Long.decode(active.get()).equals(Long.decode(id))) {
                return active.get();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("evilwm never made " + id + " the active window");
    }

    private static int[] frameExtents(String id) {
        Matcher m = Pattern.compile("=\\s*(\\d+),\\s*(\\d+),\\s*(\\d+),\\s*(\\d+)")
                .matcher(X11Windows.run("xprop", "-id", id, "_NET_FRAME_EXTENTS"));
        if (!m.find()) {
            return new int[4];
        }
        return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
            Integer.parseInt(m.group(4))};
    }
}
