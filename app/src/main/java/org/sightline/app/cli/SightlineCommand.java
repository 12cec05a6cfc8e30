package org.sightline.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sightline [IMAGE...]}: with no subcommand, opens the desktop app, describing the first image given.
 * The desktop menu entry runs {@code sightline %F}, so "Open with Sightline" on a picture lands here.
 */
@Command(name = "sightline", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Hear what is on the screen or in front of the camera, and ask about it.",
                "Without a command, opens the desktop app; given image files, it describes the first one."},
        subcommands = {ReadCommand.class, DescribeCommand.class, SpeakCommand.class, CaptureCommand.class,
                ModelsCommand.class, ElementsCommand.class, ServeCommand.class, WatchCommand.class},
        footer = {"", "Exit codes: 0 ok, 1 internal error, 2 bad usage, 3 bad input, 4 model not installed,"
                + " 5 device unavailable (display, camera, audio)."})
public final class SightlineCommand implements Callable<Integer> {

    @Option(names = "--verbose", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "Show details, including stack traces, when something fails.")
    private boolean verbose;

    @Option(names = "--serve", description = "Also answer screen-reader add-ons, scripts and sightline commands"
            + " from the desktop app, as sightline serve does, with the models the app has loaded (the setting"
            + " \"Answer screen-reader add-ons and scripts from this window\" does the same at every start).")
    private boolean serve;

    // A subcommand's name wins over a file of the same name: "sightline read x.png" always reads.
    @Parameters(arity = "0..*", paramLabel = "IMAGE",
            description = "Image files to open in the desktop app (PNG, JPEG, ...); the first is described.")
    private List<Path> images = new ArrayList<>();

    @Spec
    private CommandSpec spec;

    public boolean verbose() {
        return verbose;
    }

    /** The image files given without a subcommand, in order. */
    public List<Path> images() {
        return List.copyOf(images);
    }

    @Override
    public Integer call() {
        for (Path image : images) {
            // Checked here, not in the window: a mistyped command ("sightline raed") must not open the app.
            if (!Files.exists(image)) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "There is no command or file called '" + image + "'");
            }
        }
        return DesktopLauncher.launch(verbose, images.isEmpty() ? null : images.get(0).toAbsolutePath(), serve);
    }
}
