package org.sightline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sightline.error.Problem;
import org.sightline.error.SightlineException;
import picocli.CommandLine;

/** The command line's contract: what --help and --version print, and the exit code of every kind of failure. */
class CliTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true,
                StandardCharsets.UTF_8));
    }

    @Test
    void helpListsEverySubcommandAndExitsZero() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("read", "describe", "speak", "capture", "models",
                "elements", "serve", "watch", "--serve", "--verbose", "Exit codes");
    }

    @Test
    void versionExitsZero() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Sightline ");
    }

    @Test
    void anUnknownOptionIsBadUsageWithOneLine() {
        assertThat(run("--frobnicate")).isEqualTo(ExitCode.USAGE);
        String e = err.toString(StandardCharsets.UTF_8);
        assertThat(e.lines().count()).isEqualTo(1);
        assertThat(e).contains("--frobnicate", "--help");
    }

    /** Fails with the given problem, as a capability does. */
    @CommandLine.Command(name = "fail")
    static final class Failing implements Callable<Integer> {
        private final RuntimeException failure;

        Failing(RuntimeException failure) {
            this.failure = failure;
        }

        @Override
        public Integer call() {
            throw failure;
        }
    }

    private int runFailing(RuntimeException failure, String... args) {
        CommandLine cmd = Cli.commandLine(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        cmd.addSubcommand("fail", new Failing(failure));
        // Streams set on the root reach only the subcommands that existed then.
        cmd.getSubcommands().get("fail").setErr(cmd.getErr());
        return cmd.execute(args);
    }

    @ParameterizedTest
    @EnumSource(Problem.class)
    void eachProblemKindMapsToItsExitCodeWithOneLineAndNoStackTrace(Problem problem) {
        int code = runFailing(new SightlineException(problem, "What happened, and what to do."), "fail");
        assertThat(code).isEqualTo(problem.exitCode());
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("What happened, and what to do." + System.lineSeparator());
    }

    @Test
    void theExitCodesAreTheDocumentedOnes() {
        assertThat(List.of(Problem.BAD_INPUT.exitCode(), Problem.MODEL_MISSING.exitCode(),
                Problem.DEVICE_UNAVAILABLE.exitCode(), Problem.INTERNAL.exitCode()))
                .containsExactly(ExitCode.BAD_INPUT, ExitCode.MODEL_MISSING, ExitCode.DEVICE_UNAVAILABLE,
                        ExitCode.INTERNAL);
    }

    @Test
    void anUnexpectedErrorIsOneLineUnlessVerbose() {
        assertThat(runFailing(new IllegalStateException("boom"), "fail")).isEqualTo(ExitCode.INTERNAL);
        assertThat(err.toString(StandardCharsets.UTF_8).lines().toList())
                .containsExactly("Sightline hit an internal error: boom (run again with --verbose for details)");
        err.reset();
        assertThat(runFailing(new IllegalStateException("boom"), "--verbose", "fail")).isEqualTo(ExitCode.INTERNAL);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("java.lang.IllegalStateException: boom", "\tat ");
    }

    @Test
    void theDesktopAppWithoutADisplaySaysSoInOneLineAndExitsFive() throws Exception {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Duser.language=en", "org.sightline.app.Main");
        pb.environment().remove("DISPLAY");
        pb.environment().remove("WAYLAND_DISPLAY");
        pb.redirectErrorStream(false);
        Process p = pb.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String stderr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).isEqualTo(ExitCode.DEVICE_UNAVAILABLE);
        assertThat(stderr.lines().toList()).hasSize(1);
        assertThat(stderr).startsWith("Sightline's window needs a graphical display");
    }

    @Test
    void imageFilesWithoutACommandGoToTheDesktopAppAndCommandsStillWin() {
        CommandLine cmd = Cli.commandLine(new PrintStream(out), new PrintStream(err));
        CommandLine.ParseResult images = cmd.parseArgs("--verbose", "photo one.png", "scan.jpg");
        assertThat(images.hasSubcommand()).isFalse();
        assertThat(((SightlineCommand) cmd.getCommand()).images())
                .containsExactly(Path.of("photo one.png"), Path.of("scan.jpg"));

        CommandLine again = Cli.commandLine(new PrintStream(out), new PrintStream(err));
        CommandLine.ParseResult read = again.parseArgs("read", "x.png");
        assertThat(read.subcommand().commandSpec().name()).isEqualTo("read");
        assertThat(((SightlineCommand) again.getCommand()).images()).isEmpty();
    }

    @Test
    void aMistypedCommandIsBadUsageAndOpensNoWindow() {
        assertThat(run("raed", "x.png")).isEqualTo(ExitCode.USAGE);
        String e = err.toString(StandardCharsets.UTF_8);
        assertThat(e.lines().count()).isEqualTo(1);
        assertThat(e).contains("There is no command or file called 'raed'", "--help");
    }

    @Test
    void anImageFileOpensTheDesktopAppWhichWithoutADisplaySaysSo(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Path image = dir.resolve("photo.png");
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB),
                "png", image.toFile());
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Duser.language=en", "org.sightline.app.Main",
                image.toString());
        pb.environment().remove("DISPLAY");
        pb.environment().remove("WAYLAND_DISPLAY");
        Process p = pb.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String stderr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).isEqualTo(ExitCode.DEVICE_UNAVAILABLE);
        assertThat(stderr).startsWith("Sightline's window needs a graphical display");
    }
}
