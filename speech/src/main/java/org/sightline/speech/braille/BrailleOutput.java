package org.sightline.speech.braille;

import java.time.Duration;
import java.util.Optional;
import org.sightline.speech.Earcon;
import org.sightline.speech.Priority;
import org.sightline.speech.SentenceSplitter;
import org.sightline.speech.SpeechOutput;
import org.sightline.speech.SpeechStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows what Sightline says on a braille display, beside the voice. The latest message replaces the one before
 * (a braille reader reviews the answer, not a log); an answer that streams in grows sentence by sentence
 * without moving the reader's window; the display's panning keys (FWINLT/FWINRT, LNUP/LNDN) move one
 * display-width through the message. Routing keys are left to BRLTTY: the message has no cursor to move.
 *
 * <p>Stopping speech leaves the text shown: the display is where the user reads at their own pace. Earcons have
 * no braille form. A lost connection ends the sink quietly; the voice goes on.
 */
public final class BrailleOutput implements SpeechOutput {

    private static final Logger LOG = LoggerFactory.getLogger(BrailleOutput.class);
    private static final int KEY_WAIT_MILLIS = 200;

    private final BrailleDisplay display;
    private final Thread keys;
    private volatile boolean open = true;
    private String message = "";
    private BrailleWindows windows;
    private int index;

    private BrailleOutput(BrailleDisplay display) {
        this.display = display;
        this.windows = BrailleWindows.of("", 1);
        this.keys = new Thread(this::readKeys, "braille-keys");
        keys.setDaemon(true);
        keys.start();
    }

    /**
     * The braille sink on the display BRLTTY serves by default ({@code BRLAPI_HOST}, else the local socket, with
     * BrlAPI's key file or socket credentials), or empty, after one log line, where there is none.
     */
    public static Optional<BrailleOutput> connect() {
        return connect(null, null);
    }

    /** As {@link #connect()}, at BrlAPI host {@code host} with authentication {@code auth} (null: defaults). */
    public static Optional<BrailleOutput> connect(String host, String auth) {
        return connect(host, auth, BrlApi.CONNECT_TIMEOUT);
    }

    /** As {@link #connect(String, String)}, waiting at most {@code timeout} for BRLTTY. */
    public static Optional<BrailleOutput> connect(String host, String auth, Duration timeout) {
        Optional<BrailleOutput> output = BrlApi.connect(host, auth, timeout).map(BrailleOutput::new);
        output.ifPresent(o -> LOG.info("Braille: showing speech on a display of {} cells", o.cells()));
        return output;
    }

    /** How many cells the display has; 0 while BRLTTY has none, or once the display is lost. */
    public int cells() {
        if (!open) {
            return 0;
        }
        try {
            return display.cells();
        } catch (RuntimeException e) {
            lose(e);
            return 0;
        }
    }

    /** False once BRLTTY went away: the sink then ignores everything, and the voice goes on. */
    public boolean isOpen() {
        return open;
    }

    /** What the display shows now (the current window of the message). */
    public synchronized String shown() {
        return windows.window(index);
    }

    @Override
    public void speak(String text, Priority priority) {
        show(text, true);
    }

    @Override
    public void stop() {
        // The text stays on the display to be read; only the voice stops.
    }

    @Override
    public void play(Earcon earcon) {
        // Earcons are sounds; the display keeps the message.
    }

    /** A stream whose sentences are added to one message as each completes. */
    @Override
    public SpeechStream openStream(Priority priority) {
        return new GrowingMessage();
    }

    private synchronized void show(String text, boolean replace) {
        message = replace ? text : (message.isEmpty() ? text : message + " " + text);
        if (replace) {
            index = 0;
        }
        if (!open) {
            return;
        }
        try {
            int cells = display.cells();
            if (cells > 0) {
                windows = BrailleWindows.of(message, cells);
                index = Math.min(index, windows.count() - 1);
                display.show(windows.window(index));
            }
        } catch (RuntimeException e) {
            lose(e);
        }
    }

    private synchronized void pan(int by) {
        int next = Math.max(0, Math.min(windows.count() - 1, index + by));
        if (next != index) {
            index = next;
            refresh();
        }
    }

    private void refresh() {
        if (!open) {
            return;
        }
        try {
            display.show(windows.window(index));
        } catch (RuntimeException e) {
            lose(e);
        }
    }

    private void readKeys() {
        while (open) {
            try {
                display.readCommand(KEY_WAIT_MILLIS)
                        .ifPresent(command -> pan(command == BrlApi.Command.FORWARD ? 1 : -1));
            } catch (RuntimeException e) {
                if (open) {
                    lose(e);
                }
            }
        }
    }

    private void lose(RuntimeException e) {
        if (open) {
            open = false;
            LOG.info("Braille display lost: {}", e.getMessage());
        }
        display.close();
    }

    @Override
    public void close() {
        open = false;
        try {
            keys.join(KEY_WAIT_MILLIS * 3L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        display.close();
    }

    /** One streamed answer: the first sentence replaces the old message, the rest are added to it. */
    private final class GrowingMessage implements SpeechStream {
        private final SentenceSplitter splitter = new SentenceSplitter();
        private boolean first = true;
        private boolean finished;

        @Override
        public synchronized void append(String text) {
            if (!finished) {
                splitter.append(text).forEach(this::add);
            }
        }

        @Override
        public synchronized void finish() {
            if (!finished) {
                finished = true;
                splitter.finish().forEach(this::add);
            }
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        private void add(String sentence) {
            show(sentence, first);
            first = false;
        }
    }
}
