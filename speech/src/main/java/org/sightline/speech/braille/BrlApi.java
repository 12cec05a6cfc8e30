package org.sightline.speech.braille;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The door to BRLTTY: finds the BrlAPI server as BrlAPI's own library does ({@code BRLAPI_HOST},
 * {@code BRLAPI_AUTH}, {@code WINDOWPATH}, {@code CONTROLVT}), connects with {@link BrlApiWire} and reads
 * BrlAPI key codes. No native library and no jar: see docs/decisions/0021-braille.md for why.
 */
public final class BrlApi {

    /**
     * How long a connection may take before Sightline goes on without braille. Where BRLTTY is absent the
     * attempt fails at once (no socket, connection refused: under 100 ms); this bounds only a BRLTTY that hangs.
     * A running BRLTTY 6.5 answers in a few milliseconds, or, about half the time, sends its first packet only
     * after about one second (measured in BrailleOutputTest), hence two seconds.
     */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

    /** BrlAPI key codes: type in bits 29-31 (CMD = 1), a command block in bits 16-28, its argument in 0-15. */
    static final long KEY_TYPE_MASK = 0xE000_0000L;
    static final long KEY_TYPE_CMD = 0x2000_0000L;
    static final long KEY_CMD_BLK_MASK = 0x1FFF_0000L;
    static final long KEY_CMD_ARG_MASK = 0xFFFFL;
    static final int CMD_LNUP = 1;
    static final int CMD_LNDN = 2;
    static final int CMD_FWINLT = 23;
    static final int CMD_FWINRT = 24;

    private static final Logger LOG = LoggerFactory.getLogger(BrlApi.class);

    private BrlApi() {
    }

    /**
     * Connects to BRLTTY at {@code host} (BrlAPI's syntax: {@code 127.0.0.1:1} is TCP port 4102, {@code :0} the
     * local socket; null: {@code BRLAPI_HOST}, else {@code :0}) with authentication {@code auth} ({@code none},
     * {@code keyfile:PATH}; null: {@code BRLAPI_AUTH}, else {@code /etc/brlapi.key}) and takes the display for
     * this program's terminal. Empty, with one log line, where BRLTTY is absent or does not answer in
     * {@code timeout}.
     */
    static Optional<BrailleDisplay> connect(String host, String auth, Duration timeout) {
        String h = host != null ? host : System.getenv("BRLAPI_HOST");
        String a = auth != null ? auth : System.getenv("BRLAPI_AUTH");
        int[] tty = ttyPath(System.getenv("WINDOWPATH"), System.getenv("CONTROLVT"));
        CompletableFuture<BrlApiWire> attempt = CompletableFuture.supplyAsync(() -> {
            try {
                return BrlApiWire.connect(h, a, tty, timeout);
            } catch (IOException e) {
                throw new CompletionException(e);
            }
        }, runnable -> {
            Thread t = new Thread(runnable, "brlapi-connect");
            t.setDaemon(true);
            t.start();
        });
        try {
            return Optional.of(attempt.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            attempt.thenAccept(BrlApiWire::close);
            LOG.info("No braille: BRLTTY did not answer within {} ms", timeout.toMillis());
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof CompletionException c && c.getCause() != null
                    ? c.getCause() : e.getCause();
            LOG.info("No braille: {}", cause.getMessage() == null ? cause.toString() : cause.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Optional.empty();
    }

    /**
     * The terminal whose display Sightline takes, as BrlAPI's library finds it: the path in {@code WINDOWPATH}
     * (the X server's virtual terminal, set by the display manager: "7", or "1:7"), else {@code CONTROLVT}, else
     * the root of BRLTTY's terminal tree (no X, a BRLTTY without a screen driver).
     */
    static int[] ttyPath(String windowPath, String controlVt) {
        for (String candidate : new String[] {windowPath, controlVt}) {
            if (candidate != null && candidate.strip().matches("\\d+(:\\d+)*")) {
                return Arrays.stream(candidate.strip().split(":")).mapToInt(Integer::parseInt).toArray();
            }
        }
        return new int[0];
    }

    /** What a key on the display asks of Sightline's message. */
    public enum Command {
        /** Pan back one window (FWINLT, LNUP). */
        BACK,
        /** Pan forward one window (FWINRT, LNDN). */
        FORWARD;

        /** The command for BrlAPI key code {@code code}, if Sightline uses it; flags (bits 32-63) are ignored. */
        static Optional<Command> of(long code) {
            if ((code & KEY_TYPE_MASK) != KEY_TYPE_CMD || (code & KEY_CMD_BLK_MASK) != 0) {
                return Optional.empty();
            }
            return switch ((int) (code & KEY_CMD_ARG_MASK)) {
                case CMD_FWINLT, CMD_LNUP -> Optional.of(BACK);
                case CMD_FWINRT, CMD_LNDN -> Optional.of(FORWARD);
                default -> Optional.empty();
            };
        }
    }
}
