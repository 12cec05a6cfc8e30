package org.sightline.speech.braille;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The door to BRLTTY: Debian's BrlAPI Java binding ({@code libbrlapi-java}), loaded at run time from
 * {@code /usr/share/java/brlapi.jar} through its own class loader, so that Sightline builds and runs where the
 * package is absent (Windows, macOS, a Linux without BRLTTY). See docs/decisions/0021-braille.md.
 *
 * <p>The binding's native half ({@code libbrlapi_java.so}, package {@code libbrlapi-jni}) is found on Debian's
 * default {@code java.library.path}. A JVM may load that library into one class loader only, so the loader is
 * made once and kept.
 */
public final class BrlApi {

    /** Where Debian puts the binding; {@code -Dsightline.brlapi.jar=...} points elsewhere. */
    public static final Path DEBIAN_JAR = Path.of("/usr/share/java/brlapi.jar");

    /**
     * How long a connection may take before Sightline goes on without braille. Where BRLTTY is absent the
     * attempt fails at once (no socket, connection refused: under 100 ms, loading the binding included); this
     * bounds only a BRLTTY that hangs. A running BRLTTY 6.5 answers in 10-30 ms, or in about one second about
     * half the time (its BrlAPI server's handshake, measured in BrailleOutputTest), hence two seconds.
     */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

    private static final Logger LOG = LoggerFactory.getLogger(BrlApi.class);
    private static final String PACKAGE = "org.a11y.brlapi.";
    private static ClassLoader loader;

    private BrlApi() {
    }

    /** The binding's jar this JVM would use. */
    public static Path jar() {
        String override = System.getProperty("sightline.brlapi.jar");
        return override == null || override.isBlank() ? DEBIAN_JAR : Path.of(override);
    }

    /**
     * Connects to BRLTTY at {@code host} (BrlAPI's host syntax, e.g. {@code 127.0.0.1:1} or {@code :0}; null
     * for the default: {@code BRLAPI_HOST} or the local socket) with authentication {@code auth} (null for the
     * default key file). Empty, with one log line, where the binding is missing or BRLTTY does not answer in
     * {@link #CONNECT_TIMEOUT}.
     */
    public static Optional<Connection> connect(String host, String auth) {
        return connect(host, auth, CONNECT_TIMEOUT);
    }

    /** As {@link #connect(String, String)}, waiting at most {@code timeout}. */
    public static Optional<Connection> connect(String host, String auth, Duration timeout) {
        Path jar = jar();
        if (!Files.isReadable(jar)) {
            LOG.info("No braille: BrlAPI's Java binding is not installed ({} missing; Debian package libbrlapi-java)",
                    jar);
            return Optional.empty();
        }
        CompletableFuture<Connection> attempt = CompletableFuture.supplyAsync(() -> open(jar, host, auth), runnable -> {
            Thread t = new Thread(runnable, "brlapi-connect");
            t.setDaemon(true);
            t.start();
        });
        try {
            return Optional.of(attempt.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            attempt.thenAccept(Connection::close);
            LOG.info("No braille: BRLTTY did not answer within {} ms", timeout.toMillis());
        } catch (ExecutionException e) {
            LOG.info("No braille: {}", describe(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Optional.empty();
    }

    private static Connection open(Path jar, String host, String auth) {
        try {
            ClassLoader classes = loader(jar);
            Class<?> settingsClass = Class.forName(PACKAGE + "ConnectionSettings", true, classes);
            Object settings = settingsClass.getConstructor().newInstance();
            if (host != null) {
                settingsClass.getMethod("setServerHost", String.class).invoke(settings, host);
            }
            if (auth != null) {
                settingsClass.getMethod("setAuthenticationScheme", String.class).invoke(settings, auth);
            }
            Class<?> connectionClass = Class.forName(PACKAGE + "Connection", true, classes);
            Object connection = connectionClass.getConstructor(settingsClass).newInstance(settings);
            return new Connection(connection);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(describe(e.getCause()), e.getCause());
        } catch (ReflectiveOperationException | LinkageError | MalformedURLException e) {
            throw new IllegalStateException("BrlAPI's Java binding could not be loaded: " + describe(e), e);
        }
    }

    private static synchronized ClassLoader loader(Path jar) throws MalformedURLException {
        if (loader == null) {
            loader = new URLClassLoader("brlapi", new URL[] {jar.toUri().toURL()}, BrlApi.class.getClassLoader());
        }
        return loader;
    }

    private static String describe(Throwable t) {
        Throwable cause = t;
        while ((cause instanceof IllegalStateException || cause instanceof InvocationTargetException)
                && cause.getCause() != null && cause.getMessage() == null) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
    }

    /**
     * One connection to BRLTTY, holding the display for the current terminal (tty mode). BrlAPI's C library
     * locks around each call, so one thread may wait for keys while another writes.
     */
    public static final class Connection implements AutoCloseable {

        /** BrlAPI's command keys: type CMD in bits 29-31, a block in bits 16-28, its argument in bits 0-15. */
        static final long KEY_TYPE_MASK = 0xE000_0000L;
        static final long KEY_TYPE_CMD = 0x2000_0000L;
        static final long KEY_CMD_BLK_MASK = 0x1FFF_0000L;
        static final long KEY_CMD_ARG_MASK = 0xFFFFL;
        static final int CMD_LNUP = 1;
        static final int CMD_LNDN = 2;
        static final int CMD_FWINLT = 23;
        static final int CMD_FWINRT = 24;

        private final Object connection;
        private final Method write;
        private final Method readKeyWithTimeout;
        private final Method getDisplaySize;
        private boolean closed;

        private Connection(Object connection) throws ReflectiveOperationException {
            this.connection = connection;
            Class<?> type = connection.getClass();
            this.write = type.getMethod("write", String.class);
            this.readKeyWithTimeout = type.getMethod("readKeyWithTimeout", int.class);
            this.getDisplaySize = type.getMethod("getDisplaySize");
            enterTtyMode(type);
        }

        /**
         * Takes the display for this program's terminal: the path in {@code WINDOWPATH} (the X server's virtual
         * terminal, set by the display manager), else {@code CONTROLVT}, else the root of BRLTTY's terminal tree
         * (no X, a BRLTTY without a screen driver). Worked out here rather than by the binding's own default,
         * whose failure path (raising its error object from native code) has crashed the JVM (SIGSEGV in
         * jni_NewObject) on a later call: see docs/decisions/0021-braille.md.
         */
        private void enterTtyMode(Class<?> type) throws ReflectiveOperationException {
            type.getMethod("enterTtyModeWithPath", int[].class).invoke(connection,
                    (Object) ttyPath(System.getenv("WINDOWPATH"), System.getenv("CONTROLVT")));
        }

        /** BrlAPI's terminal path from {@code WINDOWPATH} ("1:7") or {@code CONTROLVT} ("7"); empty: the root. */
        static int[] ttyPath(String windowPath, String controlVt) {
            for (String candidate : new String[] {windowPath, controlVt}) {
                if (candidate != null && candidate.strip().matches("\\d+(:\\d+)*")) {
                    return java.util.Arrays.stream(candidate.strip().split(":")).mapToInt(Integer::parseInt).toArray();
                }
            }
            return new int[0];
        }

        /**
         * How many cells the display has on its line, asked each time: BRLTTY reports 0 while its braille
         * driver is starting or the display is unplugged, and another width when a different display is plugged.
         */
        public int cells() {
            Object size = call(getDisplaySize);
            try {
                return (int) size.getClass().getMethod("getWidth").invoke(size);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }

        /** Shows {@code text} (as wide as the display, or narrower) from the first cell. */
        public synchronized void show(String text) {
            if (!closed) {
                call(write, text);
            }
        }

        /**
         * The next key from the display, as a {@link Command}, or empty after {@code timeoutMillis} or for a
         * key Sightline does not use.
         */
        public Optional<Command> readCommand(int timeoutMillis) {
            Object code = call(readKeyWithTimeout, timeoutMillis);
            return code == null ? Optional.empty() : Command.of((Long) code);
        }

        private Object call(Method method, Object... arguments) {
            try {
                return method.invoke(connection, arguments);
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof TimeoutException) {
                    return null;
                }
                throw new IllegalStateException("BrlAPI: " + describe(e.getCause()), e.getCause());
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public synchronized void close() {
            if (!closed) {
                closed = true;
                try {
                    connection.getClass().getMethod("close").invoke(connection);
                } catch (ReflectiveOperationException e) {
                    LOG.debug("BrlAPI close: {}", describe(e));
                }
            }
        }
    }

    /** What a key on the display asks of Sightline's message. */
    public enum Command {
        /** Pan back one window (FWINLT, LNUP). */
        BACK,
        /** Pan forward one window (FWINRT, LNDN). */
        FORWARD;

        /** The command for BrlAPI key code {@code code}, if Sightline uses it. */
        static Optional<Command> of(long code) {
            if ((code & Connection.KEY_TYPE_MASK) != Connection.KEY_TYPE_CMD
                    || (code & Connection.KEY_CMD_BLK_MASK) != 0) {
                return Optional.empty();
            }
            return switch ((int) (code & Connection.KEY_CMD_ARG_MASK)) {
                case Connection.CMD_FWINLT, Connection.CMD_LNUP -> Optional.of(BACK);
                case Connection.CMD_FWINRT, Connection.CMD_LNDN -> Optional.of(FORWARD);
                default -> Optional.empty();
            };
        }
    }
}
