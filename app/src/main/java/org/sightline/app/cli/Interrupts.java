package org.sightline.app.cli;

/**
 * Ctrl+C for commands that run until interrupted: the command hears it and ends cleanly with exit code 0,
 * instead of the JVM's abrupt exit with 130. Where the platform offers no way to catch it, Ctrl+C ends the
 * program as usual.
 */
final class Interrupts {

    private Interrupts() {
    }

    @SuppressWarnings("removal")
    static void onCtrlC(Runnable stop) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("INT"), signal -> stop.run());
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            // No SIGINT here (or it is reserved): the default handling stays.
        }
    }
}
