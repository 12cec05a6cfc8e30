package org.sightline.vision.ocr.ppocr;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.translate.NoopTranslator;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sightline.models.runtime.GraphSimplifier;
import org.sightline.error.Problem;
import org.sightline.error.SightlineException;
import org.sightline.i18n.Messages;

/**
 * One ONNX graph loaded through DJL's ONNX Runtime engine, with the single predictor the OCR engine runs it
 * through. All model loading of the OCR engine goes through {@link #load}, so a shared session cache can
 * replace it in one place. The graph is simplified in memory first ({@link GraphSimplifier}): PP-OCR's exported
 * graphs spend a third of their time in element-wise operations that fold into the convolutions.
 */
final class OnnxModel implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OnnxModel.class);

    private final Model model;
    /** One predictor per thread that runs the graph; ONNX Runtime runs one session from several at once. */
    private final ThreadLocal<Predictor<NDList, NDList>> predictor;
    private final List<Predictor<NDList, NDList>> predictors = new CopyOnWriteArrayList<>();
    private final Path file;

    private OnnxModel(Path file, Model model) {
        this.file = file;
        this.model = model;
        this.predictor = ThreadLocal.withInitial(() -> {
            Predictor<NDList, NDList> p = model.newPredictor(new NoopTranslator());
            predictors.add(p);
            return p;
        });
    }

    /**
     * Loads a graph whose runs each use up to {@code threads} cores. Several threads may run it at once; give
     * such a model one thread per run, as splitting small operations over cores gains little.
     */
    static OnnxModel load(Path file, int threads) {
        return load(file, threads, UnaryOperator.identity());
    }

    /** As {@link #load(Path, int)}, with the graph edited by {@code edit} after it is simplified. */
    static OnnxModel load(Path file, int threads, UnaryOperator<byte[]> edit) {
        // The OCR models are small; the CPU keeps them ready without probing for a GPU at each load.
        Model model = Model.newInstance(file.getFileName().toString(), Device.cpu(), "OnnxRuntime");
        try {
            GraphSimplifier.Result simpler = GraphSimplifier.simplify(Files.readAllBytes(file));
            LOG.debug("{}: {} hard-swish activations and {} + {} scalar chains folded", file.getFileName(),
                    simpler.hardSwishes(), simpler.foldedAfterConv(), simpler.foldedBeforeConv());
            model.load(new ByteArrayInputStream(edit.apply(simpler.model())), Map.of("sessionOptions", sessionOptions(threads)));
            return new OnnxModel(file, model);
        } catch (Exception e) {
            model.close();
            throw new SightlineException(Problem.MODEL_MISSING,
                    new Messages("org.sightline.vision.ocr.messages").get("ocr.modelLoad", file), e);
        }
    }

    /**
     * Threads that sleep when idle: ONNX Runtime's default busy-waiting threads take the CPU from speech and
     * the screen reader between runs, and collapse when the machine is busy (runs 10 times slower).
     */
    private static OrtSession.SessionOptions sessionOptions(int threads) throws OrtException {
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        options.setIntraOpNumThreads(Math.max(1, threads));
        options.setInterOpNumThreads(1);
        options.addConfigEntry("session.intra_op.allow_spinning", "0");
        options.addConfigEntry("session.inter_op.allow_spinning", "0");
        options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
        // Input sizes change with every page and line; planning memory for one size only costs time.
        options.setMemoryPatternOptimization(false);
        return options;
    }

    /** A manager for one run's arrays; close it when the outputs have been copied out. */
    NDManager newManager() {
        return model.getNDManager().newSubManager();
    }

    /** Runs the graph once, on the calling thread's predictor. */
    NDList run(NDList inputs) {
        try {
            return predictor.get().predict(inputs);
        } catch (Exception e) {
            throw new IllegalStateException("running " + file.getFileName() + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        predictors.forEach(Predictor::close);
        predictors.clear();
        model.close();
    }
}
