package org.sightline.vision.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Rectangle;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sightline.i18n.Messages;
import org.sightline.vision.ocr.OcrResult;
import org.sightline.vision.ocr.TextBlock;
import org.sightline.vision.ocr.TextLine;
import org.sightline.vision.regions.PageRegions;
import org.sightline.vision.regions.Region;
import org.sightline.vision.regions.RegionKind;

class RegionQuestionsTest {

    private Locale saved;

    @BeforeEach
    void english() {
        saved = Messages.locale();
        Messages.setLocale(Locale.ENGLISH);
    }

    @AfterEach
    void restore() {
        Messages.setLocale(saved);
    }

    /** A sidebar of two links read first (it is on the left), then the main content's two lines. */
    private static OcrResult docsPage() {
        PageRegions regions = new PageRegions(List.of(
                new Region(RegionKind.NAVIGATION, new Rectangle(0, 0, 260, 800), 0),
                new Region(RegionKind.MAIN, new Rectangle(260, 0, 1020, 800), 1)));
        return new OcrResult(List.of(
                TextBlock.of(List.of(line("Installation", 20, 40), line("Quickstart", 20, 70))),
                TextBlock.of(List.of(line("Getting started", 300, 40), line("Install the package first.", 300, 90)))),
                regions, 1280, 800, Duration.ZERO);
    }

    private static TextLine line(String text, int x, int y) {
        return new TextLine(text, new Rectangle(x, y, 10 * text.length(), 20), 0.95, List.of());
    }

    @ParameterizedTest
    @ValueSource(strings = {"list the regions", "What are the landmarks on this page?", "which regions are there",
        "列出区域", "有哪些区域？"})
    void listsTheRegionsWithWhatTheyHold(String question) {
        assertThat(RegionQuestions.asks(question)).isTrue();
        assertThat(TextQuestions.asksForText(question)).isTrue();
        assertThat(RegionQuestions.answer(question, docsPage()).orElseThrow())
                .isEqualTo("The page has 2 regions: navigation, 2 lines; main content, 2 lines.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"read the main content", "Please read me just the main text of this page.", "读正文",
        "读一下主要内容"})
    void readsTheMainContentAlone(String question) {
        String answer = TextQuestions.answer(question, docsPage()).orElseThrow();
        assertThat(answer).contains("Getting started\nInstall the package first.").doesNotContain("Quickstart");
    }

    @Test
    void readingThePagePutsTheMainContentFirst() {
        String answer = TextQuestions.answer("read the page", docsPage()).orElseThrow();
        assertThat(answer).endsWith("Getting started\nInstall the package first.\nInstallation\nQuickstart");
    }

    @Test
    void answersInChinese() {
        Messages.setLocale(Locale.SIMPLIFIED_CHINESE);
        assertThat(RegionQuestions.answer("列出区域", docsPage()).orElseThrow())
                .isEqualTo("页面有 2 个区域：导航，2 行；主要内容，2 行。");
    }

    @Test
    void otherQuestionsAreNotAboutRegions() {
        assertThat(RegionQuestions.asks("what colour is the sidebar?")).isFalse();
        assertThat(RegionQuestions.answer("read the main heading", docsPage())).isEmpty();
    }
}
