package org.sightline.app.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.sightline.error.SightlineException;
import picocli.CommandLine;

/** Builds the command tree and turns every failure into one line on stderr and an exit code. */
public final class Cli {

    private Cli() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine cmd = commandLine(out, err);
        return cmd.execute(args);
    }

    public static CommandLine commandLine(PrintStream out, PrintStream err) {
        CommandLine cmd = new CommandLine(new SightlineCommand());
        cmd.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cmd.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        cmd.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            boolean verbose = commandLine.getCommandSpec().root().userObject() instanceof SightlineCommand root
                    && root.verbose();
            PrintWriter e = commandLine.getErr();
            Throwable shown = ex;
            if (ex instanceof SightlineException se) {
                e.println(se.getMessage());
                if (verbose) {
                    se.printStackTrace(e);
                }
                e.flush();
                return se.problem().exitCode();
            }
            String detail = shown.getMessage() == null ? shown.getClass().getSimpleName() : shown.getMessage();
            e.println("Sightline hit an internal error: " + detail
                    + (verbose ? "" : " (run again with --verbose for details)"));
            if (verbose) {
                shown.printStackTrace(e);
            }
            e.flush();
            return ExitCode.INTERNAL;
        });
        cmd.setParameterExceptionHandler((ex, args) -> {
            PrintWriter e = ex.getCommandLine().getErr();
            // Picocli's own messages have no full stop; Sightline's do.
            String message = ex.getMessage().strip();
            e.println(message + (message.endsWith(".") || message.endsWith("。") ? "" : ".") + " Try: "
                    + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help");
            e.flush();
            return ExitCode.USAGE;
        });
        return cmd;
    }
}
