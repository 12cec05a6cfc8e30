package org.sightline.vision.ocr.ppocr;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.onnxruntime.engine.OrtNDManager;
import ai.djl.onnxruntime.engine.OrtSymbolBlock;
import ai.djl.translate.NoopTranslator;
import ai.onnxruntime.OrtSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sightline.models.runtime.GraphSimplifier;
import org.sightline.models.runtime.OnnxModels;
import org.sightline.models.runtime.OnnxSession;
import org.sightline.error.Problem;
import org.sightline.error.SightlineException;
import org.sightline.i18n.Messages;

/**
 * One ONNX graph of the OCR engine: a session from the models module's one session policy
 * ({@link OnnxModels}), run through DJL's arrays and predictors, which the detector, classifier and recogniser
 * are written against. The graph is simplified in memory first ({@link GraphSimplifier}): PP-OCR's exported
 * graphs spend a third of their time in element-wise operations that fold into the convolutions.
 */
final class OnnxModel implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OnnxModel.class);

    /** DJL's view of one ONNX Runtime session; a new one is made when the session is opened again. */
    private record Binding(OrtSession session, Model model) {
    }

    /** A thread's predictor and the session it runs. */
    private record ThreadPredictor(OrtSession session, Predictor<NDList, NDList> predictor) {
    }

    private final Path file;
    private final OnnxSession session;
    /** Input arrays live here, apart from any one binding, so a reopened session takes them too. */
    private final NDManager arrays;
    /** One predictor per thread that runs the graph; ONNX Runtime runs one session from several at once. */
    private final ThreadLocal<ThreadPredictor> predictor = new ThreadLocal<>();
    private final List<Predictor<NDList, NDList>> predictors = new CopyOnWriteArrayList<>();
    private Binding binding;

    private OnnxModel(Path file, OnnxSession session) {
        this.file = file;
        this.session = session;
        this.arrays = NDManager.newBaseManager(Device.cpu(), "OnnxRuntime");
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
        try {
            return new OnnxModel(file, OnnxModels.open(file, f -> {
                GraphSimplifier.Result simpler = GraphSimplifier.simplify(Files.readAllBytes(f));
                LOG.debug("{}: {} hard-swish activations and {} + {} scalar chains folded", f.getFileName(),
                        simpler.hardSwishes(), simpler.foldedAfterConv(), simpler.foldedBeforeConv());
                return edit.apply(simpler.model());
            }, Math.max(1, threads)));
        } catch (Exception e) {
            throw new SightlineException(Problem.MODEL_MISSING,
                    new Messages("org.sightline.vision.ocr.messages").get("ocr.modelLoad", file), e);
        }
    }

    /** A manager for one run's arrays; close it when the outputs have been copied out. */
    NDManager newManager() {
        return arrays.newSubManager();
    }

    /** Runs the graph once, on the calling thread's predictor. */
    NDList run(NDList inputs) {
        try {
            return session.use(s -> predictorFor(s).predict(inputs));
        } catch (Exception e) {
            throw new IllegalStateException("running " + file.getFileName() + " failed: " + e.getMessage(), e);
        }
    }

    private Predictor<NDList, NDList> predictorFor(OrtSession s) {
        ThreadPredictor mine = predictor.get();
        if (mine == null || mine.session() != s) {
            Predictor<NDList, NDList> p = bindingFor(s).model().newPredictor(new NoopTranslator());
            predictors.add(p);
            mine = new ThreadPredictor(s, p);
            predictor.set(mine);
        }
        return mine.predictor();
    }

    private synchronized Binding bindingFor(OrtSession s) {
        if (binding == null || binding.session() != s) {
            if (binding != null) {
                // The old session was released with its model's removal; its predictors are of no more use.
                predictors.forEach(Predictor::close);
                predictors.clear();
                binding.model().close();
            }
            Model model = Model.newInstance(file.getFileName().toString(), Device.cpu(), "OnnxRuntime");
            model.setBlock(new SessionBlock(s, (OrtNDManager) model.getNDManager()));
            binding = new Binding(s, model);
        }
        return binding;
    }

    @Override
    public synchronized void close() {
        predictors.forEach(Predictor::close);
        predictors.clear();
        if (binding != null) {
            binding.model().close();
            binding = null;
        }
        session.close();
        arrays.close();
    }

    /** DJL's block over a session it does not own: the session is closed by {@link OnnxSession}, not by DJL. */
    private static final class SessionBlock extends OrtSymbolBlock {
        SessionBlock(OrtSession session, OrtNDManager manager) {
            super(session, manager);
        }

        @Override
        public void close() {
            // The session belongs to OnnxSession.
        }
    }
}
