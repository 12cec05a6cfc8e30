package org.sightline.error;

/** What kind of failure the user met; the command line maps each kind to its exit code. */
public enum Problem {
    /** A file that is missing, unreadable, corrupt, or not what was expected. Exit code 3. */
    BAD_INPUT(3),
    /** A model that is not in the cache; the message says how to install it. Exit code 4. */
    MODEL_MISSING(4),
    /** No display, camera, audio device or server to talk to. Exit code 5. */
    DEVICE_UNAVAILABLE(5),
    /** Anything else: a bug or an environment Sightline cannot work in. Exit code 1. */
    INTERNAL(1);

    private final int exitCode;

    Problem(int exitCode) {
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
