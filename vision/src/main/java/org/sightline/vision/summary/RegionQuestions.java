package org.sightline.vision.summary;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.sightline.i18n.Messages;
import org.sightline.vision.ocr.OcrResult;
import org.sightline.vision.ocr.TextLine;
import org.sightline.vision.regions.Region;
import org.sightline.vision.regions.RegionKind;

/**
 * Questions about the regions of a page, answered from its layout: "list the regions" (each with what it holds)
 * and "read the main content" (the main region alone, without the navigation beside it), in English and
 * Chinese. A description model cannot see landmarks better than the layout does, so these never go to one.
 */
public final class RegionQuestions {

    private static final Messages MESSAGES = new Messages("org.sightline.vision.summary.messages");
    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    private static final String OF_PAGE = "(?:\\s+(?:of|on|in)\\s+(?:the|this)\\s+\\w+)?";
    private static final Pattern LIST = Pattern.compile("^(?:please\\s+)?(?:(?:list|name|show)\\s+(?:me\\s+)?the"
            + "|what\\s+are\\s+the|which)\\s+(?:regions|landmarks|parts|panes)" + OF_PAGE
            + "(?:\\s+(?:are\\s+there|does\\s+it\\s+have))?[\\s?.!]*$", FLAGS);
    private static final Pattern LIST_ZH = Pattern.compile("^(?:请)?(?:列出|说出|有哪些|有什么)(?:页面的?|这页的?)?"
            + "(?:区域|地标|部分)(?:有哪些)?[？?。]*$");
    private static final Pattern MAIN = Pattern.compile("^(?:please\\s+)?read\\s+(?:me\\s+)?(?:only\\s+|just\\s+)?"
            + "the\\s+main\\s+(?:content|text|part|section|region)" + OF_PAGE
            + "(?:\\s+(?:out|aloud|to me))*[\\s?.!]*$", FLAGS);
    private static final Pattern MAIN_ZH = Pattern.compile("^(?:请)?(?:读|念|朗读)(?:一下)?(?:页面的?|这页的?)?"
            + "(?:主要内容|正文|主体内容)(?:部分)?[？?。]*$");

    private RegionQuestions() {
    }

    /** Whether {@code question} asks about the page's regions. */
    public static boolean asks(String question) {
        String q = question == null ? "" : question.strip();
        return LIST.matcher(q).matches() || LIST_ZH.matcher(q).matches() || MAIN.matcher(q).matches()
                || MAIN_ZH.matcher(q).matches();
    }

    /** The answer from {@code text}'s regions, or empty when the question is not about regions. */
    public static Optional<String> answer(String question, OcrResult text) {
        String q = question == null ? "" : question.strip();
        if (LIST.matcher(q).matches() || LIST_ZH.matcher(q).matches()) {
            List<String> parts = new ArrayList<>();
            for (Region r : text.regions().regions()) {
                parts.add(MESSAGES.get("question.regionItem", kindName(r.kind()), text.linesIn(r).size()));
            }
            return Optional.of(MESSAGES.get("question.regions", parts.size(),
                    String.join(MESSAGES.get("question.regionSeparator"), parts)));
        }
        if (MAIN.matcher(q).matches() || MAIN_ZH.matcher(q).matches()) {
            List<String> lines = text.regions().main().map(text::linesIn).orElseGet(text::lines).stream()
                    .map(TextLine::text).map(String::strip).filter(l -> !l.isEmpty()).toList();
            return Optional.of(lines.isEmpty() ? MESSAGES.get("question.noText")
                    : MESSAGES.get("question.mainContent", lines.size(), String.join("\n", lines)));
        }
        return Optional.empty();
    }

    /** The spoken name of a region kind ("navigation", "main content"). */
    public static String kindName(RegionKind kind) {
        return MESSAGES.get("region." + kind.jsonName());
    }
}
