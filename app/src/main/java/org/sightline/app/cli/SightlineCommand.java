package org.sightline.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sightline}: with no subcommand, opens the desktop app. */
@Command(name = "sightline", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Hear what is on the screen or in front of the camera, and ask about it.",
                "Without a command, opens the desktop app."},
        subcommands = {ReadCommand.class, DescribeCommand.class, SpeakCommand.class, CaptureCommand.class,
                ModelsCommand.class, ElementsCommand.class},
        footer = {"", "Exit codes: 0 ok, 1 internal error, 2 bad usage, 3 bad input, 4 model not installed,"
                + " 5 device unavailable (display, camera, audio)."})
public final class SightlineCommand implements Callable<Integer> {

    @Option(names = "--verbose", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "Show details, including stack traces, when something fails.")
    private boolean verbose;

    public boolean verbose() {
        return verbose;
    }

    @Override
    public Integer call() {
        return DesktopLauncher.launch(verbose);
    }
}
