package org.sightline.app.cli;

/** Exit codes of {@code ./sightline}, documented in the README. */
public final class ExitCode {
    public static final int OK = 0;
    public static final int INTERNAL = 1;
    public static final int USAGE = 2;
    public static final int BAD_INPUT = 3;
    public static final int MODEL_MISSING = 4;
    public static final int DEVICE_UNAVAILABLE = 5;

    private ExitCode() {
    }
}
