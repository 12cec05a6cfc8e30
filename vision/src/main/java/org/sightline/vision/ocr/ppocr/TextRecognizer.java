package org.sightline.vision.ocr.ppocr;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.sightline.task.CancelledException;

/**
 * PP-OCR's CTC recogniser. Crops are scaled to height 48, batched by width (each batch padded to its widest
 * crop) and decoded greedily; each result keeps per-character confidences and positions.
 */
final class TextRecognizer {

    static final int HEIGHT = 48;
    /** Lines wider than this (in pixels at height 48) are squeezed; about 130 characters. */
    static final int MAX_WIDTH = 6400;
    /** Bounds one batch's scores inside the model ({@code N x T x 6625} floats) to about 40 MB. */
    private static final int MAX_BATCH_PIXEL_WIDTH = 12_800;
    private static final int MAX_BATCH = 8;
    /**
     * Narrowest input. Stock PP-OCR pads every crop to 320 (its training ratio 320/48); on screens, with many
     * one-word cells and links, that padding was up to a fifth of a page's input columns, and 128 read as well or
     * better on the benchmark (a lone brace came out as a brace, not a CJK character).
     */
    private static final int MIN_WIDTH = 128;
    /**
     * A batch is padded to its widest crop, and the model's time grows with the padded width: crops share a
     * batch only when the widest is at most this much wider than the narrowest, so little time goes into
     * padding (one run per crop costs only a little more than one batched run).
     */
    private static final double MAX_WIDTH_SPREAD = 1.1;
    private static final float[] MEAN = {0.5f, 0.5f, 0.5f};
    private static final float[] STD = {0.5f, 0.5f, 0.5f};

    /**
     * What one crop reads: the characters, the probability of a space at each time step, how many input
     * pixels one time step covers, and the input crop at height 48.
     */
    record Reading(List<CtcDecoder.DecodedChar> chars, float[] spaceProbability, double pixelsPerStep,
                   BufferedImage input) {

        /** The mean confidence of the characters read; zero when none were. */
        double meanConfidence() {
            return chars.stream().mapToDouble(CtcDecoder.DecodedChar::confidence).average().orElse(0);
        }
    }

    private final OnnxModel model;
    private final CtcDecoder decoder;
    private final ExecutorService workers;

    /**
     * {@code workers} runs batches side by side (each on one core); null runs them one after the other on the
     * calling thread.
     */
    TextRecognizer(OnnxModel model, CharacterSet characters, ExecutorService workers) {
        this.model = model;
        this.decoder = new CtcDecoder(characters);
        this.workers = workers;
    }

    /** Readings in the order of {@code crops}; crops are any size and are scaled here. */
    List<Reading> recognize(List<BufferedImage> crops) {
        int n = crops.size();
        long mark = StageTimes.start();
        List<BufferedImage> scaled = new ArrayList<>(n);
        for (BufferedImage c : crops) {
            scaled.add(LineCropper.toHeight(c, HEIGHT, MAX_WIDTH));
        }
        StageTimes.add("rec.scale", mark);
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, java.util.Comparator.comparingInt(i -> scaled.get(i).getWidth()));
        Reading[] out = new Reading[n];
        List<List<Integer>> batches = new ArrayList<>();
        int start = 0;
        while (start < n) {
            int end = start + 1;
            int first = paddedWidth(scaled.get(order[start]).getWidth());
            while (end < n && end - start < MAX_BATCH
                    && (end - start + 1) * scaled.get(order[end]).getWidth() <= MAX_BATCH_PIXEL_WIDTH
                    && paddedWidth(scaled.get(order[end]).getWidth()) <= first * MAX_WIDTH_SPREAD) {
                end++;
            }
            batches.add(java.util.Arrays.asList(order).subList(start, end));
            start = end;
        }
        if (workers == null || batches.size() < 2) {
            batches.forEach(batch -> runBatch(batch, scaled, out));
        } else {
            runSideBySide(batches, scaled, out);
        }
        return java.util.Arrays.asList(out);
    }

    /** Widest batches first, so the last to finish is a short one and no core waits long for the other. */
    private void runSideBySide(List<List<Integer>> batches, List<BufferedImage> scaled, Reading[] out) {
        List<Future<?>> running = new ArrayList<>();
        for (int b = batches.size() - 1; b >= 0; b--) {
            List<Integer> batch = batches.get(b);
            running.add(workers.submit(() -> runBatch(batch, scaled, out)));
        }
        try {
            for (Future<?> f : running) {
                f.get();
            }
        } catch (InterruptedException e) {
            running.forEach(f -> f.cancel(true));
            Thread.currentThread().interrupt();
            throw new CancelledException();
        } catch (ExecutionException e) {
            running.forEach(f -> f.cancel(true));
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** The model downsamples width by 8, so inputs are multiples of 32 (and at least {@link #MIN_WIDTH}). */
    private static int paddedWidth(int width) {
        return Math.max(TextDetector.roundUp32(width), MIN_WIDTH);
    }

    private void runBatch(List<Integer> batch, List<BufferedImage> scaled, Reading[] out) {
        int maxW = 0;
        for (int i : batch) {
            maxW = Math.max(maxW, scaled.get(i).getWidth());
        }
        int width = paddedWidth(maxW);
        int plane = HEIGHT * width;
        int n = batch.size();
        long mark = StageTimes.start();
        float[] input = new float[n * 3 * plane];
        int usedWidth = 0;
        for (int k = 0; k < n; k++) {
            ImageTensors.putBgr(scaled.get(batch.get(k)), input, k * 3 * plane, width, HEIGHT, MEAN, STD);
            usedWidth += scaled.get(batch.get(k)).getWidth();
        }
        StageTimes.add("rec.tensor", mark);
        mark = StageTimes.start();
        long[] best;
        float[] bestScore;
        float[] spaceScore;
        long[] shape;
        try (NDManager manager = model.newManager()) {
            NDArray x = manager.create(input, new Shape(n, 3, HEIGHT, width));
            NDList y = model.run(new NDList(x));
            shape = y.get(0).getShape().getShape();
            best = y.get(0).toLongArray();
            bestScore = y.get(1).toFloatArray();
            spaceScore = y.get(2).toFloatArray();
        }
        StageTimes.add("rec.run", mark);
        StageTimes.count("rec.paddedColumns", n * width - usedWidth);
        StageTimes.count("rec.inputColumns", n * width);
        mark = StageTimes.start();
        int steps = (int) shape[1];
        double pixelsPerStep = (double) width / steps;
        for (int k = 0; k < n; k++) {
            BufferedImage img = scaled.get(batch.get(k));
            int used = (int) Math.ceil(img.getWidth() / pixelsPerStep) + 1;
            List<CtcDecoder.DecodedChar> chars = decoder.decode(best, bestScore, k * steps, steps, used);
            int usedSteps = Math.min(used, steps);
            float[] space = new float[usedSteps];
            System.arraycopy(spaceScore, k * steps, space, 0, usedSteps);
            out[batch.get(k)] = new Reading(chars, space, pixelsPerStep, img);
        }
        StageTimes.add("rec.decode", mark);
    }
}
