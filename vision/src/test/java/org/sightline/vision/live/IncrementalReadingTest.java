package org.sightline.vision.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sightline.task.TaskContext;
import org.sightline.vision.ocr.LineImageCache;
import org.sightline.vision.ocr.OcrEngine;
import org.sightline.vision.ocr.TextLine;
import org.sightline.vision.testing.RealOcr;

/** Reading a window again after it scrolled recognises only the new lines, with the real PP-OCR models. */
class IncrementalReadingTest {

    @RegisterExtension
    static final RealOcr OCR = new RealOcr();

    private static List<String> texts(OcrEngine e, BufferedImage image) {
        return e.read(image, TaskContext.none()).lines().stream().map(TextLine::text).toList();
    }

    @Test
    void afterAScrollByThreeLinesOnlyThreeLinesAreRecognised() {
        LineImageCache cache = new LineImageCache(100);
        OcrEngine cached = OCR.engine().withLineCache(cache);
        BufferedImage before = ScrolledPage.window(1, 20, 560);
        BufferedImage after = ScrolledPage.window(4, 20, 560);

        List<String> first = texts(cached, before);
        assertThat(cache.hits()).isZero();
        assertThat(cache.misses()).isEqualTo(20);
        List<String> second = texts(cached, after);

        assertThat(cache.hits()).isEqualTo(17);
        assertThat(cache.misses()).isEqualTo(23);
        // The 17 lines still on the screen read as they did the first time; the page still reads as drawn (the
        // recogniser's own slips, such as "1l" for "11", aside).
        assertThat(second).hasSize(20);
        assertThat(second.subList(0, 17)).isEqualTo(first.subList(3, 20));
        List<String> drawn = ScrolledPage.logLines(4, 20);
        long right = java.util.stream.IntStream.range(0, 20).filter(i -> second.get(i).equals(drawn.get(i))).count();
        assertThat(right).isGreaterThanOrEqualTo(18);
    }

    @Test
    void anEngineWithoutTheCacheReadsAsBefore() {
        BufferedImage page = ScrolledPage.window(30, 6, 560);
        // A fresh cache reads the page exactly as the engine does without one.
        assertThat(OCR.engine().withLineCache(new LineImageCache(10)).read(page, TaskContext.none()).lines())
                .extracting(TextLine::text).isEqualTo(texts(OCR.engine(), page));
    }
}
