package org.sightline.vision.vlm.smolvlm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sightline.task.TaskContext;
import org.sightline.vision.vlm.Answer;
import org.sightline.vision.vlm.Conversation;
import org.sightline.vision.vlm.ConversationOptions;
import org.sightline.vision.vlm.Detail;
import org.sightline.vision.vlm.GenerationSettings;
import org.sightline.vision.vlm.Question;

/** How many views a look takes: fixed for fast and full looks, by the machine's measured speed for adaptive ones. */
class ViewChoiceTest {

    private static SmolVlmBackend backend;

    @BeforeAll
    static void load() {
        backend = TinyModel.open();
    }

    @AfterAll
    static void close() {
        backend.close();
    }

    private static int views(Detail detail, double secondsPerView) {
        ImagePreprocessor pre = backend.preprocessor();
        int edge = ViewChoice.longestEdge(detail, 1920, 1080, pre, backend.config(), secondsPerView);
        return pre.plan(1920, 1080, edge).imageCount();
    }

    @Test
    void fastAndFullLooksDoNotDependOnTheMachine() {
        assertThat(views(Detail.FAST, 0.01)).isEqualTo(1);
        assertThat(views(Detail.FULL, 60)).isEqualTo(13);
    }

    @Test
    void anAdaptiveLookTakesTheMostDetailThatBringsTheFirstWordsWithinThreeSeconds() {
        assertThat(views(Detail.ADAPTIVE, 0.1)).as("a GPU: 13 views in 1.3 s").isEqualTo(13);
        assertThat(views(Detail.ADAPTIVE, 0.3)).as("1536 px: 3 x 2 tiles and the whole").isEqualTo(7);
        assertThat(views(Detail.ADAPTIVE, 0.45)).as("1024 px: 2 x 2 tiles and the whole").isEqualTo(5);
        assertThat(views(Detail.ADAPTIVE, 2.5)).as("a laptop CPU").isEqualTo(1);
        assertThat(views(Detail.ADAPTIVE, 2.3)).as("these 2 cores, measured").isEqualTo(1);
    }

    @Test
    void beforeAnythingIsMeasuredTheCostIsEstimatedFromTheProcessors() {
        RunnerStats fresh = new RunnerStats();
        assertThat(ViewChoice.secondsPerView(fresh, 64, 2, false)).isEqualTo(2.5);
        assertThat(ViewChoice.secondsPerView(fresh, 64, 8, false)).isEqualTo(0.625);
        assertThat(ViewChoice.secondsPerView(fresh, 64, 8, true)).isEqualTo(0.1);
    }

    @Test
    void aQuickLookSaysACloserOneIsAvailableOnceAndAMeasuredFastMachineLooksCloser() {
        GenerationSettings short4 = GenerationSettings.defaults().withMaxNewTokens(4);
        try (SmolVlmBackend fresh = TinyModel.open()) {
            // Nothing measured yet: the estimate for these processors decides; the tiny graphs then run in
            // milliseconds, which the next look takes into account.
            try (Conversation c = fresh.startConversation(TinyModel.screen(1920, 1080), new ConversationOptions(Detail.FAST, short4))) {
                Answer first = c.ask(Question.shortDescription(), p -> { }, TaskContext.none());
                assertThat(first.closerLookAvailable()).isTrue();
                assertThat(c.ask(Question.of("And?"), p -> { }, TaskContext.none()).closerLookAvailable()).isFalse();
            }
            // Now measured: the tiny graphs cost a fraction of a second per view, so the look takes more.
            double measured = ViewChoice.secondsPerView(fresh.stats(), 64, 2, false);
            assertThat(measured).isLessThan(1.0);
            int expected = fresh.preprocessor().plan(1920, 1080, ViewChoice.longestEdge(Detail.ADAPTIVE, 1920, 1080,
                    fresh.preprocessor(), fresh.config(), measured)).imageCount();
            assertThat(expected).isGreaterThan(1);
            long before = fresh.stats().visionCalls() + fresh.stats().visionReused();
            Answer adaptive;
            try (Conversation c = fresh.startConversation(TinyModel.screen(1920, 1080), new ConversationOptions(Detail.ADAPTIVE, short4))) {
                adaptive = c.ask(Question.shortDescription(), p -> { }, TaskContext.none());
            }
            assertThat(fresh.stats().visionCalls() + fresh.stats().visionReused() - before).as("views looked at")
                    .isEqualTo(expected);
            assertThat(adaptive.closerLookAvailable()).isEqualTo(expected < 13);
        }
    }
}
