package org.sightline.models.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ClassScoresTest {

    private static final OrtEnvironment ENV = OnnxModels.environment();

    @Test
    void theRecogniserHandsBackItsBestClassesAndTheChosenScoresAsTheFullScoresHaveThem() throws Exception {
        byte[] rec;
        try (InputStream in = ClassScoresTest.class.getResourceAsStream("/models/ch_PP-OCRv4_rec_infer.onnx")) {
            rec = in.readAllBytes();
        }
        byte[] summary = ClassScores.summarise(rec, -1, 0);
        long[] shape = {2, 3, 48, 96};
        float[] input = new float[2 * 3 * 48 * 96];
        Random random = new Random(11);
        for (int i = 0; i < input.length; i++) {
            input[i] = random.nextFloat() * 2 - 1;
        }

        try (OrtSession full = ENV.createSession(rec, new OrtSession.SessionOptions());
             OrtSession small = ENV.createSession(summary, new OrtSession.SessionOptions());
             OnnxTensor x = OnnxTensor.createTensor(ENV, FloatBuffer.wrap(input), shape);
             OrtSession.Result all = full.run(Map.of("x", x));
             OrtSession.Result some = small.run(Map.of("x", x))) {
            assertThat(List.copyOf(small.getOutputNames()))
                    .containsExactly(ClassScores.BEST, ClassScores.BEST_SCORE, ClassScores.CHOSEN);
            OnnxTensor scores = (OnnxTensor) all.get(0);
            long[] dims = scores.getInfo().getShape();
            int steps = (int) (dims[0] * dims[1]);
            int classes = (int) dims[2];
            FloatBuffer s = scores.getFloatBuffer();
            LongBuffer best = ((OnnxTensor) some.get(0)).getLongBuffer();
            FloatBuffer bestScore = ((OnnxTensor) some.get(1)).getFloatBuffer();
            FloatBuffer chosen = ((OnnxTensor) some.get(2)).getFloatBuffer();
            assertThat(((OnnxTensor) some.get(2)).getInfo().getShape()).containsExactly(dims[0], dims[1], 2);
            for (int t = 0; t < steps; t++) {
                int argmax = 0;
                for (int c = 1; c < classes; c++) {
                    if (s.get(t * classes + c) > s.get(t * classes + argmax)) {
                        argmax = c;
                    }
                }
                assertThat(best.get(t)).isEqualTo(argmax);
                assertThat(bestScore.get(t)).isEqualTo(s.get(t * classes + argmax));
                assertThat(chosen.get(2 * t)).isEqualTo(s.get(t * classes + classes - 1));
                assertThat(chosen.get(2 * t + 1)).isEqualTo(s.get(t * classes));
            }
        }
    }

    @Test
    void bytesThatAreNotAModelAreRefused() {
        assertThatThrownBy(() -> ClassScores.summarise(new byte[] {8, 1, 18, 0}, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
