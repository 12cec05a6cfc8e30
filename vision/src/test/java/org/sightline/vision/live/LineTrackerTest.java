package org.sightline.vision.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Rectangle;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sightline.vision.ocr.TextLine;

/** De-duplication of the lines seen frame after frame. */
class LineTrackerTest {

    private static final Instant T0 = Instant.parse("2026-12-05T10:00:00Z");

    private static TextLine line(String text, int y) {
        return new TextLine(text, new Rectangle(10, y, 200, 20), 0.9, List.of());
    }

    private static Instant at(long millis) {
        return T0.plusMillis(millis);
    }

    private static List<String> texts(List<LiveLine> lines) {
        return lines.stream().map(LiveLine::text).toList();
    }

    @Test
    void aLineIsToldOnceWhileItStays() {
        LineTracker t = LineTracker.standard(LinePolicy.LATEST_FIRST);
        assertThat(texts(t.update(List.of(line("Hello there.", 100)), at(0)))).containsExactly("Hello there.");
        assertThat(t.update(List.of(line("Hello  there. ", 100)), at(250))).isEmpty();
        assertThat(t.update(List.of(line("Hello there.", 100)), at(3000))).isEmpty();
        assertThat(t.due(at(6000))).isEmpty();
    }

    @Test
    void subtitlesAreEachToldAndTheFirstOfABatchInterruptsUnderLatestFirst() {
        LineTracker t = LineTracker.standard(LinePolicy.LATEST_FIRST);
        t.update(List.of(line("Where are we going?", 100)), at(0));
        List<LiveLine> next = t.update(List.of(line("To the sea,", 100), line("before dark.", 130)), at(2000));
        assertThat(texts(next)).containsExactly("To the sea,", "before dark.");
        assertThat(next.get(0).interrupts()).isTrue();
        assertThat(next.get(1).interrupts()).isFalse();
        assertThat(texts(t.update(List.of(), at(3000)))).isEmpty();
        // The same words shown again later are a new subtitle.
        assertThat(texts(t.update(List.of(line("To the sea,", 100)), at(5000)))).containsExactly("To the sea,");
    }

    @Test
    void aScrollingLogTellsOnlyItsNewLinesAndNeverInterrupts() {
        LineTracker t = LineTracker.standard(LinePolicy.QUEUE);
        List<String> log = new ArrayList<>();
        List<String> told = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            log.add("Step " + i + " done");
            List<String> shown = log.subList(Math.max(0, log.size() - 5), log.size());
            List<TextLine> lines = new ArrayList<>();
            for (int k = 0; k < shown.size(); k++) {
                lines.add(line(shown.get(k), 20 + 30 * k));
            }
            List<LiveLine> out = t.update(lines, at(i * 300L));
            assertThat(out).noneMatch(LiveLine::interrupts);
            told.addAll(texts(out));
        }
        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            expected.add("Step " + i + " done");
        }
        assertThat(told).isEqualTo(expected);
    }

    @Test
    void aCounterIsToldAtABoundedRateAndItsLastValueIsNotLost() {
        LineTracker t = new LineTracker(LinePolicy.LATEST_FIRST, Duration.ofMillis(2500), Duration.ofSeconds(1));
        List<LiveLine> told = new ArrayList<>();
        for (int p = 0; p <= 40; p++) {
            told.addAll(t.update(List.of(line("Copying files", 50), line("Copying " + p + "%", 100)),
                    at(p * 200L)));
        }
        // 8 seconds of counting: the first value, then at most one every 2.5 s.
        assertThat(texts(told).subList(0, 2)).containsExactly("Copying files", "Copying 0%");
        List<LiveLine> counter = told.stream().filter(l -> l.text().endsWith("%")).toList();
        assertThat(counter).hasSizeBetween(3, 5);
        assertThat(counter.subList(1, counter.size())).allMatch(LiveLine::update);
        for (int i = 1; i < counter.size(); i++) {
            assertThat(Duration.between(counter.get(i - 1).seenAt(), counter.get(i).seenAt()))
                    .isGreaterThanOrEqualTo(Duration.ofMillis(2500));
        }
        // The counter stops at 40 %: that value is told once its time comes, while the screen stands still.
        List<LiveLine> later = new ArrayList<>(t.due(at(8100)));
        later.addAll(t.due(at(11_000)));
        later.addAll(t.due(at(20_000)));
        List<String> all = new ArrayList<>(texts(counter));
        all.addAll(texts(later));
        assertThat(all.get(all.size() - 1)).isEqualTo("Copying 40%");
        assertThat(all).doesNotHaveDuplicates();
    }

    @Test
    void aValueThatVanishesBeforeItsTimeIsDropped() {
        LineTracker t = new LineTracker(LinePolicy.QUEUE, Duration.ofMillis(2500), Duration.ofSeconds(1));
        t.update(List.of(line("Done 1 of 9", 100)), at(0));
        assertThat(t.update(List.of(line("Done 2 of 9", 100)), at(300))).isEmpty();
        assertThat(texts(t.update(List.of(line("All finished", 100)), at(600)))).containsExactly("All finished");
        assertThat(t.due(at(5000))).isEmpty();
    }

    @Test
    void aLineGoneForAMomentIsNotToldAgain() {
        LineTracker t = LineTracker.standard(LinePolicy.QUEUE);
        t.update(List.of(line("signed the window module", 100)), at(0));
        assertThat(texts(t.update(List.of(line("te", 100)), at(250)))).containsExactly("te");
        assertThat(t.update(List.of(line("signed the window module", 100)), at(500))).isEmpty();
    }

    @Test
    void shapesMaskDigits() {
        assertThat(LineTracker.shapeOf("Copying 41.5% of 1,024 files")).isEqualTo("Copying #% of # files");
    }
}
