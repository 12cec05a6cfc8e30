package org.sightline.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Rectangle;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import org.sightline.app.watch.WatchRegions;
import org.sightline.error.Problem;
import org.sightline.error.SightlineException;
import org.sightline.i18n.Messages;
import org.sightline.models.ModelStores;
import org.sightline.task.TaskContext;
import org.sightline.vision.capture.CameraSettings;
import org.sightline.vision.capture.Captures;
import org.sightline.vision.live.CameraFrames;
import org.sightline.vision.live.FrameSource;
import org.sightline.vision.live.LiveLine;
import org.sightline.vision.live.LinePolicy;
import org.sightline.vision.live.ScreenFrames;
import org.sightline.vision.live.StopReason;
import org.sightline.vision.live.WatchListener;
import org.sightline.vision.live.WatchSettings;
import org.sightline.vision.live.Watcher;
import org.sightline.vision.read.TextReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sightline watch window|screen|region X,Y,W,H|camera}: prints each new line of text as it appears, until
 * interrupted, so that scripts and screen-reader add-ons can follow a window, a region or the camera. Ctrl+C
 * ends the watch cleanly (exit code 0); a watch that cannot go on (the window closed, the camera unplugged)
 * ends with its reason on stderr and the exit code of that problem. Sentences about the watch itself
 * ("Watching ...", a raised interval, framing hints) go to stderr, so stdout holds only the lines.
 */
@Command(name = "watch", mixinStandardHelpOptions = true,
        description = {"Watch the active window, the screen, a region or the camera and print each new line of"
                + " text as it appears, until interrupted (Ctrl+C).",
                "Lines that stay are printed once; a line that keeps changing (a percentage) at most every 2.5 s."})
public final class WatchCommand implements Callable<Integer> {

    private static final Messages MESSAGES = new Messages("org.sightline.app.cli.watch");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What to watch. */
    public enum Target { window, screen, region, camera }

    @Parameters(index = "0", paramLabel = "WHAT", description = "What to watch: ${COMPLETION-CANDIDATES}.")
    Target target;

    @Parameters(index = "1", arity = "0..1", paramLabel = "X,Y,W,H",
            description = "region: the rectangle to watch, in screen coordinates.")
    String region;

    @Option(names = "--interval", paramLabel = "MS", defaultValue = "250",
            description = "How often to look, in milliseconds (default ${DEFAULT-VALUE}); raised when this computer"
                    + " cannot keep up.")
    long intervalMillis;

    @Option(names = "--json", description = "Print one JSON object a line: text, box (pixels of the watched"
            + " area), time, and whether it interrupts or updates a changing line.")
    boolean json;

    @Option(names = "--latest-first", description = "A new line cuts off a stale one (subtitles); without it new"
            + " lines queue (logs).")
    boolean latestFirst;

    @Option(names = "--from", paramLabel = "FILE", description = "camera: a video file, image or folder of images"
            + " standing in for the camera.")
    Path from;

    @Option(names = "--device", paramLabel = "N", defaultValue = "0", description = "camera: camera N, from 0.")
    int device;

    @Option(names = "--for", paramLabel = "SECONDS", description = "Stop by itself after this many seconds.")
    Double seconds;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        FrameSource source = source();
        AtomicReference<StopReason> ended = new AtomicReference<>();
        WatchListener printer = new WatchListener() {
            @Override
            public void onLine(LiveLine line) {
                out.println(json ? jsonLine(line) : line.text());
                out.flush();
            }

            @Override
            public void onNotice(String sentence) {
                err.println(sentence);
                err.flush();
            }

            @Override
            public void onStopped(StopReason reason) {
                ended.set(reason);
            }
        };
        try (TextReader reader = new TextReader(ModelStores.standard())) {
            // The models' first recognition is slow; warming them while the first frames are taken keeps the
            // first line as quick as the others.
            reader.preload();
            Watcher watcher;
            try {
                watcher = Watcher.start(source, reader.engine(TaskContext.none()),
                        new WatchSettings(Duration.ofMillis(Math.max(1, intervalMillis)),
                                latestFirst ? LinePolicy.LATEST_FIRST : LinePolicy.QUEUE), printer);
            } catch (RuntimeException e) {
                source.close();
                throw e;
            }
            Interrupts.onCtrlC(watcher::stop);
            if (seconds != null) {
                if (!watcher.awaitStop(Duration.ofMillis((long) (seconds * 1000)))) {
                    watcher.stop();
                }
            }
            while (!watcher.awaitStop(Duration.ofSeconds(1))) {
                // Waits for Ctrl+C, --for, or the source to fail.
            }
        }
        StopReason reason = ended.get();
        if (reason != null && !reason.byUserChoice()) {
            throw new SightlineException(reason.problem(), reason.message());
        }
        err.println(reason == null ? "" : reason.message());
        err.flush();
        return ExitCode.OK;
    }

    private FrameSource source() {
        if (target != Target.region && region != null) {
            throw new SightlineException(Problem.BAD_INPUT, MESSAGES.get("watch.regionOnly", region));
        }
        return switch (target) {
            case window -> ScreenFrames.window(Captures.rememberActiveWindow());
            case screen -> ScreenFrames.screen();
            case region -> ScreenFrames.region(parseRegion());
            case camera -> new CameraFrames(Captures.camera(
                    from != null ? CameraSettings.standIn(from) : CameraSettings.device(device)));
        };
    }

    private Rectangle parseRegion() {
        if (region == null) {
            throw new SightlineException(Problem.BAD_INPUT, MESSAGES.get("watch.regionMissing"));
        }
        return WatchRegions.parse(region).orElseThrow(
                () -> new SightlineException(Problem.BAD_INPUT, MESSAGES.get("watch.regionBad", region)));
    }

    static String jsonLine(LiveLine line) {
        return LiveLineJson.put(JSON.createObjectNode(), line).toString();
    }
}
