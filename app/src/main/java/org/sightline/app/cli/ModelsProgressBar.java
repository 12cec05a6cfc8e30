package org.sightline.app.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.function.Consumer;
import org.sightline.i18n.Messages;
import org.sightline.models.ModelMessages;
import org.sightline.models.download.DownloadProgress;

/**
 * Shows a download on stderr: a bar redrawn in place on a terminal, or one line per 10 percent when stderr is a
 * file or a pipe (so that logs stay readable and screen readers are not flooded).
 */
final class ModelsProgressBar implements Consumer<DownloadProgress> {

    private static final Messages TEXT = new Messages(ModelsCommand.BUNDLE);
    private static final int WIDTH = 24;
    private static final long REDRAW_NANOS = 150_000_000L;

    private final PrintWriter err;
    private final boolean interactive;
    private long lastDraw;
    private int lastTenth = -1;
    private int lastLength;
    private boolean drawn;

    ModelsProgressBar(PrintWriter err, boolean interactive) {
        this.err = err;
        this.interactive = interactive;
    }

    @Override
    public synchronized void accept(DownloadProgress p) {
        int percent = p.percent();
        if (interactive) {
            long now = System.nanoTime();
            if (now - lastDraw < REDRAW_NANOS && percent != 100) {
                return;
            }
            lastDraw = now;
            String line = line(p, true);
            // Pad with spaces so that a shorter line fully covers the previous one.
            err.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
            lastLength = line.length();
            drawn = true;
            err.flush();
        } else {
            int tenth = percent < 0 ? -1 : percent / 10;
            if (tenth > lastTenth) {
                lastTenth = tenth;
                err.println(line(p, false));
                err.flush();
            }
        }
    }

    /** Ends the bar's line, if one was drawn. */
    synchronized void finish() {
        if (interactive && drawn) {
            err.println();
            err.flush();
            drawn = false;
        }
    }

    static String line(DownloadProgress p, boolean bar) {
        String extra = "";
        if (p.bytesPerSecond() > 0) {
            extra += TEXT.get("progress.rate", ModelMessages.size((long) p.bytesPerSecond()));
        }
        if (p.remaining() != null && !p.remaining().isZero()) {
            extra += TEXT.get("progress.eta", duration(p.remaining()));
        }
        if (p.percent() < 0) {
            return TEXT.get("progress.unknown", p.id(), ModelMessages.size(p.loaded())) + extra;
        }
        String head = p.id();
        if (bar) {
            int filled = p.percent() * WIDTH / 100;
            head += " [" + "#".repeat(filled) + "-".repeat(WIDTH - filled) + "]";
        }
        return TEXT.get("progress.line", head, p.percent(), ModelMessages.size(p.loaded()),
                ModelMessages.size(p.total()), extra);
    }

    static String duration(Duration d) {
        long s = d.toSeconds();
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return (s / 60) + " min " + (s % 60) + " s";
        }
        return (s / 3600) + " h " + (s % 3600 / 60) + " min";
    }
}
