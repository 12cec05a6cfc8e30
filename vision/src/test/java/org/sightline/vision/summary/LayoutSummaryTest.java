package org.sightline.vision.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sightline.i18n.Messages;
import org.sightline.vision.ocr.OcrResult;
import org.sightline.vision.ocr.TextBlock;
import org.sightline.vision.ocr.TextLine;
import org.sightline.vision.summary.LayoutSummary.Reason;

/** The summary built from hand-made OCR results: which line is the title, what is quoted, how it reads. */
class LayoutSummaryTest {

    private static final int W = 1280;
    private static final int H = 800;
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

    private static TextLine line(String text, int x, int y, int height) {
        return line(text, x, y, height, 0.95);
    }

    private static TextLine line(String text, int x, int y, int height, double confidence) {
        return new TextLine(text, new Rectangle(x, y, text.length() * height / 2, height), confidence,
                Collections.nCopies(text.length(), (float) confidence));
    }

    private static OcrResult result(TextBlock... blocks) {
        return new OcrResult(List.of(blocks), W, H, Duration.ofMillis(5));
    }

    /** White with a dark blue top bar of a fifth of the height. */
    private static BufferedImage screen() {
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, W, H);
        g.setColor(new Color(0x1E3A5F));
        g.fillRect(0, 0, W, H / 5);
        g.dispose();
        return img;
    }

    /** A menu bar, a big title, a long article and a small sidebar. */
    private static OcrResult article() {
        TextBlock menu = TextBlock.of(List.of(line("File Edit View Help", 10, 5, 18)));
        TextBlock title = TextBlock.of(List.of(line("Quarterly report", 100, 60, 48)));
        TextBlock body = TextBlock.of(List.of(
                line("Sales rose in every region this quarter.", 100, 200, 20),
                line("The north grew fastest, by twelve percent.", 100, 230, 20),
                line("Costs stayed flat for the third quarter running.", 100, 260, 20),
                line("Hiring resumes in the spring.", 100, 290, 20)));
        TextBlock sidebar = TextBlock.of(List.of(line("Contents", 900, 200, 20), line("Sales", 900, 230, 20)));
        return result(menu, title, body, sidebar);
    }

    @Test
    void namesTheTitleCountsTheTextAndQuotesTheMainTextFirstLines() {
        LayoutSummary summary = LayoutSummary.of(screen(), article());
        assertThat(summary.title()).contains("Quarterly report");
        assertThat(summary.lineCount()).isEqualTo(8);
        assertThat(summary.blockCount()).isEqualTo(4);
        assertThat(summary.opening()).containsExactly("Sales rose in every region this quarter.",
                "The north grew fastest, by twelve percent.", "Costs stayed flat for the third quarter running.");
        assertThat(summary.text(Reason.NO_MODEL)).isEqualTo(
                "No description model is installed, so here is a summary of the text and layout. "
                + "Title: Quarterly report. 8 lines of text in 4 blocks. "
                + "It begins: Sales rose in every region this quarter. The north grew fastest, by twelve percent. "
                + "Costs stayed flat for the third quarter running. "
                + "Mostly white with dark blue; light overall.");
    }

    @Test
    void aRepeatedLineIsQuotedOnce() {
        // An index's column of sections, each entry naming the same one.
        OcrResult page = result(TextBlock.of(List.of(line("8.3.12 C Sources Context", 10, 5, 20),
                line("8.3.12 C Sources Context", 10, 30, 20), line("8.3.12 C Sources Context", 10, 55, 20),
                line("8.3.9 Modifying Translations", 10, 80, 20))));
        assertThat(LayoutSummary.of(screen(), page).opening()).containsExactly("8.3.12 C Sources Context",
                "8.3.9 Modifying Translations");
    }

    @Test
    void linesOfOneSizeHaveNoTitleBecauseTheFirstLineMayBeAMenu() {
        OcrResult page = result(TextBlock.of(List.of(line("File Edit View", 10, 5, 20),
                line("Dear Sir or Madam,", 10, 60, 20), line("thank you for your letter.", 10, 90, 20))));
        LayoutSummary summary = LayoutSummary.of(screen(), page);
        assertThat(summary.title()).isEmpty();
        assertThat(summary.text(Reason.REQUESTED)).startsWith("Here is a summary of the text and layout. 3 lines of text in 1 block. "
                + "It begins: File Edit View Dear Sir or Madam, thank you for your letter.");
    }

    @Test
    void ofTwoHeadingsSideBySideTheLargerIsTheTitleEvenWhenTheSmallerStartsHigher() {
        // Measured on a real capture: an h1 of 44 px got a box 42 px high at y 159, the h2 of 33 px beside it
        // a box 38 px high at y 152. The h1 is set wider per character.
        TextLine h1 = new TextLine("Opening hours", new Rectangle(28, 159, 358, 42), 0.99,
                Collections.nCopies(13, 0.99f));
        TextLine h2 = new TextLine("Reading group", new Rectangle(527, 152, 269, 38), 0.99,
                Collections.nCopies(13, 0.99f));
        OcrResult page = result(TextBlock.of(List.of(line("Home Catalog Events", 20, 20, 26))),
                TextBlock.of(List.of(h1)), TextBlock.of(List.of(h2)),
                TextBlock.of(List.of(line("Open every day from nine to six.", 24, 234, 25))));
        assertThat(LayoutSummary.of(screen(), page).title()).contains("Opening hours");
    }

    @Test
    void aLargeLineLowDownIsNotTheTitle() {
        OcrResult page = result(TextBlock.of(List.of(line("Welcome back", 10, 40, 20), line("Your orders", 10, 70, 20))),
                TextBlock.of(List.of(line("SALE 50%", 10, 600, 80))));
        assertThat(LayoutSummary.of(screen(), page).title()).isEmpty();
    }

    @Test
    void unsureLinesAreCountedButNeverQuoted() {
        OcrResult page = result(TextBlock.of(List.of(line("Big garbled heading", 10, 20, 60, 0.3),
                line("Clear first line", 10, 120, 20), line("Clear second line", 10, 150, 20))));
        LayoutSummary summary = LayoutSummary.of(screen(), page);
        assertThat(summary.lineCount()).isEqualTo(3);
        assertThat(summary.title()).isEmpty();
        assertThat(summary.opening()).containsExactly("Clear first line", "Clear second line");
    }

    @Test
    void aTitleEndingInAQuestionMarkGetsNoExtraFullStop() {
        OcrResult page = result(TextBlock.of(List.of(line("Save changes?", 300, 40, 40))),
                TextBlock.of(List.of(line("Your edits will be lost", 300, 120, 18), line("if you close now", 300, 140, 18))));
        String text = LayoutSummary.of(screen(), page).body();
        assertThat(text).startsWith("Title: Save changes? 3 lines of text in 2 blocks. It begins: Your edits will be lost if you close now.");
    }

    @Test
    void aLongFirstLineIsCutAtAWord() {
        String longLine = "word ".repeat(80).strip();
        OcrResult page = result(TextBlock.of(List.of(line(longLine, 0, 300, 12), line("second", 0, 320, 12))));
        List<String> opening = LayoutSummary.of(screen(), page).opening();
        assertThat(opening).hasSize(1);
        assertThat(opening.get(0)).endsWith("word…").hasSizeLessThanOrEqualTo(LayoutSummary.OPENING_CHARS + 1);
    }

    @Test
    void elementCountsAreNamedInAFixedOrderWithPlurals() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("link", 4);
        counts.put("text", 30);
        counts.put("button", 1);
        counts.put("slider", 2);
        counts.put("heading", 2);
        counts.put("checkbox", 0);
        LayoutSummary summary = LayoutSummary.of(screen(), article(), counts);
        assertThat(summary.elementCounts()).containsExactly(Map.entry("heading", 2), Map.entry("button", 1),
                Map.entry("link", 4), Map.entry("slider", 2));
        assertThat(summary.body()).contains("It has 2 headings, 1 button, 4 links and slider (2). Mostly white");
    }

    @Test
    void noTextIsSaidPlainlyAndTheColoursStillCome() {
        LayoutSummary summary = LayoutSummary.of(screen(), result());
        assertThat(summary.text(Reason.QUESTION_NEEDS_MODEL)).isEqualTo(
                "Answering questions needs a description model, and none is installed. "
                + "Here is a summary of the text and layout instead. No text was found. "
                + "Mostly white with dark blue; light overall.");
    }

    @Test
    void oneLineIsSingular() {
        OcrResult page = result(TextBlock.of(List.of(line("OK", 10, 10, 20))));
        assertThat(LayoutSummary.of(screen(), page).body()).startsWith("1 line of text in 1 block. It begins: OK.");
    }

    @Test
    void wrappedLinesJoinWithASpaceExceptInsideChinese() {
        assertThat(LayoutSummary.joinLines(List.of("Renew it", "online."))).isEqualTo("Renew it online.");
        assertThat(LayoutSummary.joinLines(List.of("夜间模式将在", "晚上开启。", "蓝牙已关闭，", "OK"))).isEqualTo("夜间模式将在晚上开启。蓝牙已关闭， OK");
    }

    @Test
    void chineseReadsAsChinese() {
        Messages.setLocale(Locale.SIMPLIFIED_CHINESE);
        List<TextLine> body = new ArrayList<>();
        body.add(line("今天天气很好", 100, 200, 20));
        body.add(line("我们去公园散步", 100, 230, 20));
        OcrResult page = result(TextBlock.of(List.of(line("通知", 100, 50, 50))), TextBlock.of(body));
        assertThat(LayoutSummary.of(screen(), page, Map.of("button", 3)).text(Reason.NO_MODEL)).isEqualTo(
                "未安装描述模型，以下是文字和布局的摘要。标题：通知。共 3 行文字，分为 2 块。开头是：今天天气很好我们去公园散步。"
                + "其中有 3 个按钮。主要是白色，带有深蓝色；整体偏亮。");
    }
}
