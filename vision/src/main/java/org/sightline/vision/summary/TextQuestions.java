package org.sightline.vision.summary;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.sightline.i18n.Messages;
import org.sightline.vision.ocr.OcrResult;
import org.sightline.vision.ocr.TextLine;

/**
 * Questions that the recognised text answers without a description model: "what does this page say?", "read it",
 * "what is the main heading?", and the questions about regions ({@link RegionQuestions}), in English and Chinese.
 * Anything else needs a model. The describe use case asks here first when none is installed, so the app and the
 * command line answer such questions the same way. Asked to read the whole page, the main content comes right
 * after the header and before the side panes and the footer: the user asked for what the page says, and a
 * sidebar of fifty links read first would bury it.
 */
public final class TextQuestions {

    private static final Messages MESSAGES = new Messages("org.sightline.vision.summary.messages");
    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    private static final Pattern ALL_TEXT = Pattern.compile(
            "^(?:please\\s+)?(?:what\\s+(?:does|do)\\s+(?:it|this|that|the)?\\s*(?:page|screen|window|picture|image"
                    + "|photo|document|letter|sign|label|text|it)?\\s*say"
                    + "|what(?:'s|\\s+is)\\s+written(?:\\s+\\w+)*"
                    + "|read\\s+(?:it|this|that|everything|all(?:\\s+of\\s+it)?|(?:the|this)\\s+(?:text|page|screen"
                    + "|window|picture|image|document|letter|sign|label))(?:\\s+(?:out|aloud|to me))*"
                    + "|what\\s+text\\s+is\\s+(?:there|on\\s+it|on\\s+(?:the|this)\\s+\\w+))[\\s?.!]*$", FLAGS);
    private static final Pattern ALL_TEXT_ZH = Pattern.compile("^(?:请)?(?:这|上面|屏幕上|图片上|页面上)?.*(?:写着?什么|写了什么"
            + "|说了?什么|有什么字|读一下|读出来|念一下)[？?。]*$");
    private static final Pattern HEADING = Pattern.compile(
            "^(?:please\\s+)?(?:what(?:'s|\\s+is)\\s+the\\s+(?:main\\s+)?(?:heading|title|headline)"
                    + "|read\\s+(?:me\\s+)?the\\s+(?:main\\s+)?(?:heading|title|headline))"
                    + "(?:\\s+of\\s+(?:the|this)\\s+\\w+)?[\\s?.!]*$", FLAGS);
    private static final Pattern HEADING_ZH = Pattern.compile("^(?:请)?.*(?:标题|大标题)(?:是什么|写的什么|读一下)?[？?。]*$");

    private TextQuestions() {
    }

    /** Whether {@code question} asks for the text itself ("what does this page say?", "read the main heading"). */
    public static boolean asksForText(String question) {
        String q = question == null ? "" : question.strip();
        return RegionQuestions.asks(q) || ALL_TEXT.matcher(q).matches() || ALL_TEXT_ZH.matcher(q).matches() || HEADING.matcher(q).matches()
                || HEADING_ZH.matcher(q).matches();
    }

    /**
     * The answer to {@code question} from {@code text}, or empty when the question needs a description model.
     */
    public static Optional<String> answer(String question, OcrResult text) {
        String q = question == null ? "" : question.strip();
        Optional<String> aboutRegions = RegionQuestions.answer(q, text);
        if (aboutRegions.isPresent()) {
            return aboutRegions;
        }
        if (ALL_TEXT.matcher(q).matches() || ALL_TEXT_ZH.matcher(q).matches()) {
            List<String> lines = text.regions().contentFirst().stream().flatMap(r -> text.linesIn(r).stream())
                    .map(TextLine::text).map(String::strip).filter(l -> !l.isEmpty()).toList();
            return Optional.of(lines.isEmpty() ? MESSAGES.get("question.noText")
                    : MESSAGES.get("question.allText", lines.size(), String.join("\n", lines)));
        }
        if (HEADING.matcher(q).matches() || HEADING_ZH.matcher(q).matches()) {
            return Optional.of(LayoutSummary.title(text.lines(), text.imageHeight())
                    .map(t -> MESSAGES.get("question.heading", t.text().strip()))
                    .orElseGet(() -> MESSAGES.get("question.noHeading")));
        }
        return Optional.empty();
    }
}
