package org.sightline.app;

import org.sightline.app.cli.Cli;

/**
 * Entry point of {@code ./sightline} and the installed launcher. With no arguments it opens the desktop
 * app; otherwise it runs a command-line subcommand. It does not extend {@code Application}, so JavaFX can
 * run from a plain class path.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        Runtime.Version version = Runtime.version();
        if (version.feature() < 17) {
            System.err.println("Sightline needs Java 17 or newer; this is Java " + version + ".");
            System.exit(1);
        }
        System.exit(Cli.run(args, System.out, System.err));
    }
}
