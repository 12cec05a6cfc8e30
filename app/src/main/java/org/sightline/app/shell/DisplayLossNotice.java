package org.sightline.app.shell;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says why the app closed when its X display went away. GTK then ends the process at once, from inside its X error
 * handler, so no Java code runs after the loss: a small shell process, started with the app, waits on a pipe from
 * it. A clean exit writes "done" into the pipe first; if the pipe closes without it and the display's server is
 * gone, the watcher prints the message and speaks it (speech-dispatcher or espeak-ng), so a user at a console hears
 * what happened instead of silence.
 */
public final class DisplayLossNotice {

    private static final Logger LOG = LoggerFactory.getLogger(DisplayLossNotice.class);
    private static final Pattern LOCAL_DISPLAY = Pattern.compile("^(?:unix)?:(\\d+)(?:\\.\\d+)?$");

    /**
     * Reads the pipe until the app ends ("quiet" and "speak" set whether the notice is spoken). Without "done"
     * first, waits up to three seconds for the display's server to be gone (a server that shuts down drops its
     * clients before it removes its socket); a server still there means the app ended for another reason, which
     * this notice does not claim to know.
     */
    private static final String WATCHER = """
            speak=1
            while IFS= read -r word; do
              case "$word" in
                done) exit 0 ;;
                quiet) speak=0 ;;
                speak) speak=1 ;;
              esac
            done
            gone() {
              [ -S "$SL_SOCKET" ] || return 0
              server="$(tr -dc 0-9 2>/dev/null < "$SL_LOCK")"
              [ -n "$server" ] && [ -d /proc/1 ] && [ ! -d "/proc/$server" ]
            }
            tries=0
            until gone; do
              tries=$((tries + 1))
              [ "$tries" -le 30 ] || exit 0
              sleep 0.1
            done
            printf '%s\\n' "$SL_MESSAGE" >&2
            [ "$speak" = 1 ] || exit 0
            if command -v spd-say >/dev/null 2>&1 && spd-say -w -- "$SL_MESSAGE" >/dev/null 2>&1; then exit 0; fi
            command -v espeak-ng >/dev/null 2>&1 && espeak-ng -- "$SL_MESSAGE" >/dev/null 2>&1
            exit 0
            """;

    private final OutputStream pipe;

    private DisplayLossNotice(OutputStream pipe) {
        this.pipe = pipe;
    }

    /**
     * Starts the watcher for {@code display} (the DISPLAY value) as early as the app can, so a display lost at any
     * moment after is explained. Empty off X11, for a remote display, or when no shell can be started (the app runs
     * on, only without the notice).
     *
     * @param message what to print and speak, in the user's language
     */
    public static Optional<DisplayLossNotice> watch(String display, String message) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        Matcher local = display == null ? null : LOCAL_DISPLAY.matcher(display.strip());
        if (os.contains("win") || os.contains("mac") || local == null || !local.matches()
                || !Files.isExecutable(Path.of("/bin/sh"))) {
            return Optional.empty();
        }
        String number = local.group(1);
        ProcessBuilder builder = new ProcessBuilder("/bin/sh", "-c", WATCHER)
                .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put("SL_SOCKET", "/tmp/.X11-unix/X" + number);
        builder.environment().put("SL_LOCK", "/tmp/.X" + number + "-lock");
        builder.environment().put("SL_MESSAGE", message);
        Process watcher;
        try {
            watcher = builder.start();
        } catch (IOException e) {
            LOG.debug("No display-loss watcher: {}", e.toString());
            return Optional.empty();
        }
        DisplayLossNotice notice = new DisplayLossNotice(watcher.getOutputStream());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            notice.send("done");
            try {
                notice.pipe.close();
            } catch (IOException e) {
                LOG.debug("Display-loss watcher already gone: {}", e.toString());
            }
        }, "display-loss-watcher"));
        return Optional.of(notice);
    }

    /** Whether the notice is also spoken (printed always): false when the user chose silence. */
    public void spoken(boolean speak) {
        send(speak ? "speak" : "quiet");
    }

    private synchronized void send(String word) {
        try {
            pipe.write((word + "\n").getBytes(StandardCharsets.US_ASCII));
            pipe.flush();
        } catch (IOException e) {
            LOG.debug("Display-loss watcher already gone: {}", e.toString());
        }
    }
}
