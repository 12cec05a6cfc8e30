package org.sightline.models.runtime;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

/**
 * How every ONNX Runtime session in Sightline is set up, decided here and nowhere else.
 *
 * <ul>
 *   <li>Threads sleep when idle (spinning off): ONNX Runtime's default busy-waiting threads take the CPU from
 *       speech and the screen reader between runs, and a run on a busy machine took ten times as long
 *       (decision record 0005).</li>
 *   <li>Intra-op threads: what the caller asks for (OCR gives each recognition run one core, detection all
 *       of them), never more than the model store's setting when that is set; 0 lets ONNX Runtime choose.
 *       One inter-op thread: the graphs run their nodes in order, and cores are better spent inside them.</li>
 *   <li>No memory pattern: input sizes change with every page, line and decoded token, so a plan made for
 *       one size is only extra work.</li>
 *   <li>All graph optimisations.</li>
 *   <li>The CUDA execution provider when the ONNX Runtime on the class path offers it, else the CPU; a
 *       session that cannot start on CUDA is opened again on the CPU.</li>
 * </ul>
 *
 * @param intraOpThreads threads inside one operator; 0 lets ONNX Runtime choose
 * @param interOpThreads threads running operators side by side
 * @param spinning       whether idle threads busy-wait
 * @param memoryPattern  whether ONNX Runtime plans memory for the first input size
 * @param optimisation   graph optimisation level
 * @param cuda           whether the CUDA execution provider is asked for
 */
public record OnnxSessionPolicy(int intraOpThreads, int interOpThreads, boolean spinning, boolean memoryPattern,
                                OrtSession.SessionOptions.OptLevel optimisation, boolean cuda) {

    /** The settings for a session whose runs should use up to {@code threads} cores (0: as many as useful). */
    public static OnnxSessionPolicy forThreads(int threads) {
        return decide(threads, OnnxModels.threads(), OnnxModels.gpuAvailable());
    }

    /**
     * The settings for a caller asking for {@code requested} threads when the store allows {@code storeLimit}
     * (0: no limit) and CUDA is or is not offered.
     */
    static OnnxSessionPolicy decide(int requested, int storeLimit, boolean cudaOffered) {
        if (requested < 0 || storeLimit < 0) {
            throw new IllegalArgumentException("threads must be 0 or more");
        }
        int intra = requested == 0 ? storeLimit : storeLimit == 0 ? requested : Math.min(requested, storeLimit);
        return new OnnxSessionPolicy(intra, 1, false, false, OrtSession.SessionOptions.OptLevel.ALL_OPT,
                cudaOffered);
    }

    /** The same settings on the CPU only: what a session falls back to when CUDA does not start. */
    public OnnxSessionPolicy onCpu() {
        return new OnnxSessionPolicy(intraOpThreads, interOpThreads, spinning, memoryPattern, optimisation, false);
    }

    /** ONNX Runtime's options for these settings; the caller closes them once the session is created. */
    public OrtSession.SessionOptions options() throws OrtException {
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        try {
            if (intraOpThreads > 0) {
                options.setIntraOpNumThreads(intraOpThreads);
            }
            options.setInterOpNumThreads(interOpThreads);
            String spin = spinning ? "1" : "0";
            options.addConfigEntry("session.intra_op.allow_spinning", spin);
            options.addConfigEntry("session.inter_op.allow_spinning", spin);
            options.setMemoryPatternOptimization(memoryPattern);
            options.setOptimizationLevel(optimisation);
            if (cuda) {
                options.addCUDA(0);
            }
            return options;
        } catch (OrtException | RuntimeException e) {
            options.close();
            throw e;
        }
    }
}
