package org.sightline.vision.documents.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sightline.i18n.Messages;
import org.sightline.vision.documents.BlockKind;
import org.sightline.vision.documents.DocumentBlock;
import org.sightline.vision.documents.DocumentPage;
import org.sightline.vision.documents.Superscripts;

/** What the writers share: their messages, writing without checked exceptions, and list markers. */
final class ExportText {

    static final Messages MESSAGES = new Messages("org.sightline.vision.documents.export.messages");

    private static final Pattern BULLET = Pattern.compile(
            "^[\u2022\u25e6\u25aa\u25cf\u25cb\u25a0\u25a1\u2023\u2043\u2013\u2014*\u00b7-]\\s+");
    private static final Pattern NUMBER = Pattern.compile("^\\(?(\\d{1,3}|[a-zA-Z])[.)]\\s+");

    private ExportText() {
    }

    static void write(Writer out, String text) {
        try {
            out.write(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void flush(Writer out) {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The footnotes of a page by their mark, each with the name an exported file links it by: the mark when it is
     * a number, else its place among the page's notes ("n2" for a dagger), so a name is always a plain word.
     */
    static Map<String, String> notes(DocumentPage page) {
        Map<String, String> names = new LinkedHashMap<>();
        for (DocumentBlock block : page.blocks()) {
            if (block.kind() == BlockKind.FOOTNOTE) {
                String mark = block.mark().orElseThrow();
                names.putIfAbsent(mark, mark.matches("\\d+") ? mark : "n" + (names.size() + 1));
            }
        }
        return names;
    }

    /**
     * The text with each reference to one of the page's notes ({@code notes}, as {@link #notes} gives them)
     * replaced by what {@code link} makes of the note's name; raised digits that refer to no note are kept.
     */
    static String linkNotes(String text, Map<String, String> notes, Function<String, String> link) {
        if (notes.isEmpty()) {
            return text;
        }
        Matcher m = Superscripts.referenceMatcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = notes.get(Superscripts.lower(m.group(1)));
            m.appendReplacement(out, Matcher.quoteReplacement(name == null ? m.group(1) : link.apply(name)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Whether a list item is numbered ("1.", "a)") rather than bulleted. */
    static boolean isNumbered(String item) {
        return NUMBER.matcher(item).find();
    }

    /** The item's text without its bullet or number, which the exported list shows itself. */
    static String withoutMarker(String item) {
        Matcher bullet = BULLET.matcher(item);
        if (bullet.find()) {
            return item.substring(bullet.end());
        }
        Matcher number = NUMBER.matcher(item);
        return number.find() ? item.substring(number.end()) : item;
    }
}
