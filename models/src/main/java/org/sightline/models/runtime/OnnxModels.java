package org.sightline.models.runtime;

import ai.djl.engine.Engine;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtProvider;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sightline.error.Problem;
import org.sightline.error.SightlineException;
import org.sightline.models.ModelMessages;

/**
 * The one place where ONNX graphs become ONNX Runtime sessions, for every model Sightline runs (OCR, the
 * description model, anything later). Each session gets {@link OnnxSessionPolicy}'s settings and is tracked
 * until it is closed, so that removing a model from the store closes the sessions open on its files
 * ({@link #closeUnder}) and the JVM's exit closes the rest.
 *
 * <pre>{@code
 * InstalledModel ocr = ModelStores.standard().require("ppocr-v4", context);
 * try (OnnxSession det = OnnxModels.open(ocr.file("det"), 1)) {
 *     det.use(session -> session.run(inputs));   // from any number of threads
 * }
 * }</pre>
 *
 * <p>Nothing is downloaded: the path is a local file.
 */
public final class OnnxModels {

    private static final Logger LOG = LoggerFactory.getLogger(OnnxModels.class);

    /** Where a session's graph comes from when it is not the file as it is: the file's bytes, edited. */
    @FunctionalInterface
    public interface GraphSource {
        byte[] read(Path file) throws IOException;
    }

    /** A session just created, with the settings it got. */
    record Opened(OrtSession session, OnnxSessionPolicy policy) {
    }

    private static final Set<OnnxSession> OPEN = ConcurrentHashMap.newKeySet();
    private static volatile int threads;
    private static volatile Boolean gpu;

    static {
        Thread hook = new Thread(OnnxModels::closeAll, "sightline-onnx-close");
        try {
            Runtime.getRuntime().addShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // Nothing to register: the JVM is exiting anyway.
        }
    }

    private OnnxModels() {
    }

    /**
     * The process's one ONNX Runtime environment. DJL's engine insists on creating it (with its thread pool
     * settings), so it is started first; taking the environment before that would leave DJL, which the OCR
     * engine's arrays go through, unable to start.
     */
    public static OrtEnvironment environment() {
        Engine.getEngine("OnnxRuntime");
        return OrtEnvironment.getEnvironment();
    }

    /** The model store's limit on intra-op threads for sessions opened from now on; 0 sets none. */
    public static void setThreads(int intraOpThreads) {
        if (intraOpThreads < 0) {
            throw new IllegalArgumentException("threads must be 0 or more");
        }
        threads = intraOpThreads;
    }

    public static int threads() {
        return threads;
    }

    /** Whether the ONNX Runtime on the classpath can run on a CUDA GPU here. */
    public static boolean gpuAvailable() {
        Boolean g = gpu;
        if (g == null) {
            try {
                g = OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA);
            } catch (RuntimeException | LinkageError e) {
                g = false;
            }
            gpu = g;
        }
        return g;
    }

    /**
     * Opens {@code onnxFile} as it is, for runs of up to {@code threads} cores (0: as many as useful).
     *
     * @throws SightlineException MODEL_MISSING when the file is not there, BAD_INPUT when ONNX Runtime cannot
     *     load it (the cause is ONNX Runtime's exception)
     */
    public static OnnxSession open(Path onnxFile, int threads) {
        return open(onnxFile, null, threads);
    }

    /**
     * Opens the graph {@code graph} makes of {@code onnxFile} (the file simplified or edited in memory; null:
     * the file as it is, read by ONNX Runtime itself, with any external data beside it); the session counts as
     * the file's when its model is removed, and is made again from the file after that.
     */
    public static OnnxSession open(Path onnxFile, GraphSource graph, int threads) {
        Path file = onnxFile.toAbsolutePath().normalize();
        Opened opened = create(file, graph, threads);
        OnnxSession session = new OnnxSession(file, graph, threads, opened.session(), opened.policy());
        OPEN.add(session);
        return session;
    }

    static Opened create(Path file, GraphSource graph, int threads) {
        if (!Files.isRegularFile(file)) {
            throw new SightlineException(Problem.MODEL_MISSING, ModelMessages.get("onnx.missing", file));
        }
        byte[] bytes = null;
        if (graph != null) {
            try {
                bytes = graph.read(file);
            } catch (IOException e) {
                throw new SightlineException(Problem.MODEL_MISSING, ModelMessages.get("onnx.missing", file), e);
            }
        }
        OnnxSessionPolicy policy = OnnxSessionPolicy.forThreads(threads);
        try {
            return new Opened(create(file, bytes, policy), policy);
        } catch (OrtException | RuntimeException onPolicy) {
            Exception e = onPolicy;
            if (policy.cuda()) {
                LOG.warn("{} does not start on CUDA ({}); running it on the CPU", file.getFileName(),
                        onPolicy.getMessage());
                try {
                    return new Opened(create(file, bytes, policy.onCpu()), policy.onCpu());
                } catch (OrtException | RuntimeException onCpu) {
                    e = onCpu;
                }
            }
            throw new SightlineException(Problem.BAD_INPUT, ModelMessages.get("onnx.unloadable", file,
                    e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        }
    }

    private static OrtSession create(Path file, byte[] graph, OnnxSessionPolicy policy) throws OrtException {
        OrtEnvironment env = environment();
        try (OrtSession.SessionOptions options = policy.options()) {
            return graph == null ? env.createSession(file.toString(), options) : env.createSession(graph, options);
        }
    }

    /** Whether a session on {@code onnxFile} is open now. */
    public static boolean isOpen(Path onnxFile) {
        Path file = onnxFile.toAbsolutePath().normalize();
        return OPEN.stream().anyMatch(s -> s.file().equals(file) && s.isOpen());
    }

    /** How many sessions hold their graph in ONNX Runtime now. */
    public static int openCount() {
        return (int) OPEN.stream().filter(OnnxSession::isOpen).count();
    }

    /**
     * Releases every session whose file lies under {@code directory} (a model about to be removed): each is
     * closed once its runs in progress end, and opened again only if it is used again.
     */
    public static void closeUnder(Path directory) {
        Path dir = directory.toAbsolutePath().normalize();
        for (OnnxSession s : List.copyOf(OPEN)) {
            if (s.file().startsWith(dir)) {
                s.release();
            }
        }
    }

    /** Closes every session; called at exit. */
    public static void closeAll() {
        for (OnnxSession s : new ArrayList<>(OPEN)) {
            try {
                s.close();
            } catch (RuntimeException ignored) {
                // Closing at exit must go on with the others.
            }
        }
    }

    static void forget(OnnxSession session) {
        OPEN.remove(session);
    }
}
