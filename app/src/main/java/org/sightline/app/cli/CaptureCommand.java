package org.sightline.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.sightline.error.Problem;
import org.sightline.error.SightlineException;
import org.sightline.i18n.Messages;
import org.sightline.task.CancellationToken;
import org.sightline.task.CancelledException;
import org.sightline.task.TaskContext;
import org.sightline.vision.capture.CameraSettings;
import org.sightline.vision.capture.CameraSource;
import org.sightline.vision.capture.Capture;
import org.sightline.vision.capture.Captures;
import org.sightline.vision.capture.FramingAdvice;
import org.sightline.vision.capture.FramingAdvisor;
import org.sightline.vision.capture.LiveFraming;
import org.sightline.vision.capture.ScreenCapturer;
import org.sightline.vision.capture.WindowHandle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sightline capture}: takes one picture the way the app would and saves it as PNG, so every capture
 * route can be tried and checked from a terminal. Prints what was captured, and any notice or framing hint.
 */
@Command(name = "capture", mixinStandardHelpOptions = true,
        description = "Capture the screen, the active window, the region around the pointer, a camera frame,"
                + " the clipboard image or a file, and save it as PNG.")
public final class CaptureCommand implements Callable<Integer> {

    static final Messages MESSAGES = new Messages("org.sightline.app.cli.capture");

    /** What to capture. */
    public enum Target { screen, window, region, camera, clipboard, file }

    @Parameters(index = "0", paramLabel = "WHAT", description = "What to capture: ${COMPLETION-CANDIDATES}.")
    Target target;

    @Option(names = "--out", required = true, paramLabel = "FILE.png", description = "Where to save the picture (PNG).")
    Path out;

    @Option(names = "--monitor", paramLabel = "N", description = "screen: only monitor N, counted from 0.")
    Integer monitor;

    @Option(names = "--size", paramLabel = "POINTS", defaultValue = "" + ScreenCapturer.DEFAULT_POINTER_REGION,
            description = "region: edge of the square around the pointer (default ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--device", paramLabel = "N", defaultValue = "0", description = "camera: camera N, from 0.")
    int device;

    @Option(names = "--resolution", paramLabel = "WxH", description = "camera: resolution to ask for, e.g. 1280x720.")
    String resolution;

    @Option(names = "--from", paramLabel = "FILE",
            description = "camera: a video file, image or folder of images standing in for the camera;"
                    + " file: the image to open.")
    Path from;

    @Option(names = "--live", description = "camera: give framing hints until the picture is good, then take it.")
    boolean live;

    @Option(names = "--give-up", paramLabel = "SECONDS", defaultValue = "60",
            description = "camera --live: stop after this many seconds without a good picture (default ${DEFAULT-VALUE}).")
    int giveUpSeconds;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "5",
            description = "camera: longest wait for a frame before the camera counts as unplugged (default ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = "--delay", paramLabel = "SECONDS", defaultValue = "0",
            description = "Wait this long first, e.g. to bring another window to the front.")
    double delaySeconds;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        CaptureFiles.checkWritable(out);
        pause();
        Capture capture = switch (target) {
            case screen -> monitor == null ? Captures.screen() : Captures.monitor(monitor);
            case window -> {
                WindowHandle active = Captures.rememberActiveWindow();
                yield Captures.window(active);
            }
            case region -> Captures.regionAroundPointer(size);
            case clipboard -> Captures.clipboard();
            case file -> {
                if (from == null) {
                    throw new SightlineException(Problem.BAD_INPUT, MESSAGES.get("file.needsFrom"));
                }
                yield Captures.file(from);
            }
            case camera -> camera(stdout);
        };
        CaptureFiles.writePng(capture.image(), out);
        stdout.println(MESSAGES.get("saved", capture.description(), capture.image().getWidth(),
                capture.image().getHeight(), out));
        if (capture.screenBounds() != null) {
            var b = capture.screenBounds();
            stdout.println(MESSAGES.get("bounds", b.x, b.y, b.width, b.height,
                    String.format(Locale.ROOT, "%.2f", capture.scale())));
        }
        if (capture.hasNotice()) {
            stdout.println(capture.notice());
        }
        if (target == Target.camera && !live) {
            FramingAdvice advice = FramingAdvisor.forCamera().advise(capture.image());
            if (!advice.isGood()) {
                stdout.println(advice.spoken());
            }
        }
        stdout.flush();
        return ExitCode.OK;
    }

    private Capture camera(PrintWriter stdout) {
        CameraSettings settings = from != null ? CameraSettings.standIn(from) : CameraSettings.device(device);
        settings = settings.withTimeout(Duration.ofSeconds(Math.max(1, timeoutSeconds)));
        if (resolution != null) {
            String[] wh = resolution.toLowerCase(Locale.ROOT).split("x");
            try {
                settings = settings.withResolution(Integer.parseInt(wh[0].trim()), Integer.parseInt(wh[1].trim()));
            } catch (RuntimeException e) {
                throw new SightlineException(Problem.BAD_INPUT, MESSAGES.get("resolution.bad", resolution));
            }
        }
        try (CameraSource camera = Captures.camera(settings)) {
            if (!live) {
                return camera.snapshot(TaskContext.none());
            }
            CancellationToken token = new CancellationToken();
            ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "capture-give-up");
                t.setDaemon(true);
                return t;
            });
            timer.schedule(token::cancel, Math.max(1, giveUpSeconds), TimeUnit.SECONDS);
            try {
                return LiveFraming.standard().takeWhenFramed(camera, advice -> {
                    stdout.println(advice.spoken());
                    stdout.flush();
                }, TaskContext.of(token, p -> { }));
            } catch (CancelledException e) {
                throw new SightlineException(Problem.BAD_INPUT, MESSAGES.get("live.gaveUp", giveUpSeconds));
            } finally {
                timer.shutdownNow();
            }
        }
    }

    private void pause() {
        if (delaySeconds <= 0) {
            return;
        }
        try {
            Thread.sleep((long) (delaySeconds * 1000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
