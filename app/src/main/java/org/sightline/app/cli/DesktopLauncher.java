package org.sightline.app.cli;

import org.sightline.error.Problem;
import org.sightline.error.SightlineException;

/** Opens the desktop app. */
final class DesktopLauncher {
    private DesktopLauncher() {
    }

    static int launch(boolean verbose) {
        throw new SightlineException(Problem.INTERNAL, "The desktop app is not available in this build yet.");
    }
}
