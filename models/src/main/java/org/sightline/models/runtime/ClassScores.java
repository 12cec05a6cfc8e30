package org.sightline.models.runtime;

import java.util.List;

/**
 * Makes a classifier graph hand back a summary of its scores instead of all of them. A text recogniser scores
 * every class at every step (PP-OCR's: 6625 classes, some 80 MB of floats for one page), yet greedy decoding
 * needs only the best class, its score and the score of a class or two it treats specially (the space); copying
 * the rest out of ONNX Runtime into Java took a fifth of the recognition time. The summary is computed inside the
 * graph, on the last axis of its first output:
 *
 * <ul>
 *   <li>{@value #BEST}: the index of the best class ({@code int64}, the output's shape without its last axis);</li>
 *   <li>{@value #BEST_SCORE}: that class's score ({@code float}, same shape);</li>
 *   <li>{@value #CHOSEN}: the scores of the chosen classes ({@code float}, the last axis holding one per chosen
 *       class, in the order given; negative indices count from the end).</li>
 * </ul>
 */
public final class ClassScores {

    public static final String BEST = "best_class";
    public static final String BEST_SCORE = "best_score";
    public static final String CHOSEN = "chosen_scores";

    /** From opset 18 on, ReduceMax takes its axes as an input rather than an attribute. */
    private static final int AXES_AS_INPUT = 18;

    private ClassScores() {
    }

    /**
     * The model with its outputs replaced by {@link #BEST}, {@link #BEST_SCORE} and {@link #CHOSEN}, in that
     * order.
     *
     * @throws IllegalArgumentException when the bytes are not an ONNX model this can edit
     */
    public static byte[] summarise(byte[] model, int... chosenClasses) {
        OnnxGraph graph = OnnxGraph.parse(model);
        if (graph.outputs().isEmpty()) {
            throw new IllegalArgumentException("the model has no output to summarise");
        }
        String scores = graph.outputs().get(0);

        OnnxGraph.Node best = OnnxGraph.Node.of("ArgMax", BEST, List.of(scores), List.of(BEST));
        best.setInt("axis", -1);
        best.setInt("keepdims", 0);

        OnnxGraph.Node bestScore;
        if (graph.opsetVersion() >= AXES_AS_INPUT) {
            String axes = graph.addInt64Initializer(BEST_SCORE + "/axes", new long[] {1}, new long[] {-1});
            bestScore = OnnxGraph.Node.of("ReduceMax", BEST_SCORE, List.of(scores, axes), List.of(BEST_SCORE));
        } else {
            bestScore = OnnxGraph.Node.of("ReduceMax", BEST_SCORE, List.of(scores), List.of(BEST_SCORE));
            bestScore.setInts("axes", -1);
        }
        bestScore.setInt("keepdims", 0);

        long[] indices = new long[chosenClasses.length];
        for (int i = 0; i < indices.length; i++) {
            indices[i] = chosenClasses[i];
        }
        String index = graph.addInt64Initializer(CHOSEN + "/indices", new long[] {indices.length}, indices);
        OnnxGraph.Node chosen = OnnxGraph.Node.of("Gather", CHOSEN, List.of(scores, index), List.of(CHOSEN));
        chosen.setInt("axis", -1);

        graph.nodes.addAll(List.of(best, bestScore, chosen));
        graph.setOutputs(List.of(BEST, BEST_SCORE, CHOSEN), List.of(OnnxGraph.INT64, OnnxGraph.FLOAT, OnnxGraph.FLOAT));
        return graph.toBytes();
    }
}
