package org.sightline.models.runtime;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDList;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoopTranslator;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.sightline.error.Problem;
import org.sightline.error.SightlineException;
import org.sightline.models.ModelMessages;

/**
 * Loads ONNX files through DJL's ONNX Runtime engine, one shared model per file.
 *
 * <pre>{@code
 * InstalledModel ocr = ModelStores.standard().require("ppocr-v4", context);
 * ZooModel<NDList, NDList> det = OnnxModels.load(ocr.file("det"));
 * try (Predictor<NDList, NDList> p = det.newPredictor()) {   // one predictor per thread
 *     NDList out = p.predict(new NDList(input));
 * }
 * }</pre>
 *
 * <p>The returned model is shared: do not close it. It is closed by {@link #release}, when its model is removed
 * from the store, or when the JVM exits. Nothing is downloaded: the engine is named explicitly and the path is a
 * local file, so DJL never consults a model zoo. Sessions use the intra-op thread count set by
 * {@link #setThreads} (0 lets ONNX Runtime choose) and run on CUDA only when the ONNX Runtime on the classpath
 * offers the CUDA execution provider.
 */
public final class OnnxModels {

    private static final Map<Path, ZooModel<NDList, NDList>> LOADED = new ConcurrentHashMap<>();
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
     * The process's one ONNX Runtime environment, for code that runs sessions on ONNX Runtime's own API. DJL's
     * engine insists on creating it (with its thread pool settings), so it is started first; taking the
     * environment before that would leave DJL, and with it every model loaded here, unable to start.
     */
    public static OrtEnvironment environment() {
        Engine.getEngine("OnnxRuntime");
        return OrtEnvironment.getEnvironment();
    }

    /** Intra-op threads for sessions created from now on; 0 lets ONNX Runtime decide. */
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
     * The shared model for {@code onnxFile}, loading it on first use.
     *
     * @throws SightlineException MODEL_MISSING when the file is not there, BAD_INPUT when it is not a model
     *     ONNX Runtime can load
     */
    public static ZooModel<NDList, NDList> load(Path onnxFile) {
        Path key = onnxFile.toAbsolutePath().normalize();
        ZooModel<NDList, NDList> m = LOADED.get(key);
        if (m != null) {
            return m;
        }
        synchronized (LOADED) {
            m = LOADED.get(key);
            if (m == null) {
                m = open(key);
                LOADED.put(key, m);
            }
            return m;
        }
    }

    private static ZooModel<NDList, NDList> open(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new SightlineException(Problem.MODEL_MISSING, ModelMessages.get("onnx.missing", file));
        }
        String fileName = file.getFileName().toString();
        String name = fileName.endsWith(".onnx") ? fileName.substring(0, fileName.length() - 5) : fileName;
        Criteria.Builder<NDList, NDList> b = Criteria.builder()
                .setTypes(NDList.class, NDList.class)
                .optEngine("OnnxRuntime")
                .optModelPath(file)
                .optModelName(name)
                .optTranslator(new NoopTranslator());
        int t = threads;
        if (t > 0) {
            b.optOption("intraOpNumThreads", Integer.toString(t));
            // One inter-op thread: Sightline's graphs are sequential and cores are better spent inside operators.
            b.optOption("interOpNumThreads", "1");
        }
        b.optDevice(gpuAvailable() ? Device.gpu() : Device.cpu());
        try {
            return b.build().loadModel();
        } catch (ModelNotFoundException | MalformedModelException | IOException | RuntimeException e) {
            throw new SightlineException(Problem.BAD_INPUT, ModelMessages.get("onnx.unloadable", file,
                    e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        }
    }

    /** Whether {@code onnxFile} has a loaded session now. */
    public static boolean isLoaded(Path onnxFile) {
        return LOADED.containsKey(onnxFile.toAbsolutePath().normalize());
    }

    /** How many sessions are loaded now. */
    public static int loadedCount() {
        return LOADED.size();
    }

    /** Closes the session of {@code onnxFile}, if one is loaded. */
    public static void release(Path onnxFile) {
        ZooModel<NDList, NDList> m;
        synchronized (LOADED) {
            m = LOADED.remove(onnxFile.toAbsolutePath().normalize());
        }
        if (m != null) {
            m.close();
        }
    }

    /** Closes every session whose file lies under {@code directory} (a model about to be removed). */
    public static void closeUnder(Path directory) {
        Path dir = directory.toAbsolutePath().normalize();
        List<ZooModel<NDList, NDList>> closing = new ArrayList<>();
        synchronized (LOADED) {
            LOADED.keySet().removeIf(p -> {
                if (p.startsWith(dir)) {
                    closing.add(LOADED.get(p));
                    return true;
                }
                return false;
            });
        }
        closing.forEach(ZooModel::close);
    }

    /** Closes every session; called at exit. */
    public static void closeAll() {
        List<ZooModel<NDList, NDList>> closing;
        synchronized (LOADED) {
            closing = new ArrayList<>(LOADED.values());
            LOADED.clear();
        }
        for (ZooModel<NDList, NDList> m : closing) {
            try {
                m.close();
            } catch (RuntimeException ignored) {
                // Closing at exit must go on with the others.
            }
        }
    }
}
