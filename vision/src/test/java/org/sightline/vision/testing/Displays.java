package org.sightline.vision.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.GraphicsEnvironment;

/** For tests that need an X display and Java's AWT on it (capture, Swing windows, java.awt.Robot). */
public final class Displays {

    private Displays() {
    }

    /**
     * Skips the test when no display was given (a plain {@code mvn verify} outside {@code .ci/test}); fails when a
     * display was given but Java cannot use it, which is a broken install that would otherwise pass by skipping
     * every test that looks at the screen.
     */
    public static void assumeX11() {
        assumeTrue(System.getenv("DISPLAY") != null, "needs an X display: run under xvfb-run (.ci/test does)");
        if (GraphicsEnvironment.isHeadless() && !Boolean.getBoolean("java.awt.headless")) {
            fail("DISPLAY is set but this Java has no AWT for X11 (a headless JDK): install openjdk-17-jdk, "
                    + "as .ci/install does, not only openjdk-17-jdk-headless");
        }
        assumeTrue(!GraphicsEnvironment.isHeadless(), "AWT was made headless for this run (java.awt.headless=true)");
    }
}
