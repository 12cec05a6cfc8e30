package org.sightline.vision.ocr.ppocr;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.awt.image.BufferedImage;
import java.util.List;

/** PP-OCR's text direction classifier: tells which line crops are upside down (turned 180 degrees). */
final class DirectionClassifier {

    static final int HEIGHT = 48;
    static final int WIDTH = 192;
    private static final float[] MEAN = {0.5f, 0.5f, 0.5f};
    private static final float[] STD = {0.5f, 0.5f, 0.5f};
    /** PaddleOCR's default: turn a crop only when the classifier is this sure. */
    private static final float UPSIDE_DOWN_THRESHOLD = 0.9f;

    private final OnnxModel model;

    DirectionClassifier(OnnxModel model) {
        this.model = model;
    }

    /**
     * The part of a crop the classifier sees: the crop at height 48, and for a long line only its middle 192
     * columns. Squeezing a whole long line into 192 columns (as stock PP-OCR does) makes the letters
     * unreadable, and the classifier then turns good lines upside down.
     */
    static BufferedImage sample(BufferedImage crop) {
        BufferedImage scaled = LineCropper.toHeight(crop, HEIGHT, TextRecognizer.MAX_WIDTH);
        if (scaled.getWidth() <= WIDTH) {
            return scaled;
        }
        return scaled.getSubimage((scaled.getWidth() - WIDTH) / 2, 0, WIDTH, HEIGHT);
    }

    boolean[] upsideDown(List<BufferedImage> crops) {
        int n = crops.size();
        boolean[] out = new boolean[n];
        if (n == 0) {
            return out;
        }
        int plane = HEIGHT * WIDTH;
        long mark = StageTimes.start();
        float[] input = new float[n * 3 * plane];
        for (int i = 0; i < n; i++) {
            BufferedImage c = sample(crops.get(i));
            ImageTensors.putBgr(c, input, i * 3 * plane, WIDTH, HEIGHT, MEAN, STD);
        }
        StageTimes.add("cls.tensor", mark);
        mark = StageTimes.start();
        float[] scores;
        try (NDManager manager = model.newManager()) {
            NDList result = model.run(new NDList(manager.create(input, new Shape(n, 3, HEIGHT, WIDTH))));
            scores = result.get(0).toFloatArray();
        }
        StageTimes.add("cls.run", mark);
        for (int i = 0; i < n; i++) {
            out[i] = scores[2 * i + 1] > scores[2 * i] && scores[2 * i + 1] > UPSIDE_DOWN_THRESHOLD;
        }
        return out;
    }
}
