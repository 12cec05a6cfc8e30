package org.sightline.vision.documents.export;

import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.sightline.i18n.Messages;
import org.sightline.vision.documents.BlockKind;
import org.sightline.vision.documents.DocumentBlock;
import org.sightline.vision.documents.DocumentPage;
import org.sightline.vision.documents.DocumentTable;

/**
 * HTML that a screen reader navigates well: each page a {@code section} labelled "Page 3" (a landmark to jump
 * between) with a visible page marker, headings as {@code h1}-{@code h6}, list items in {@code ul} or
 * {@code ol}, tables as {@code table} with a caption that gives their size and the header row's cells as column
 * headers ({@code th scope="col"}), paragraphs as {@code p}; the page's footnotes in an {@code aside}
 * labelled "Footnotes of page 3" at the end of its section, each raised mark in the body a link to its note and
 * each note a link back; the language of the interface in {@code lang}.
 */
final class HtmlWriter implements DocumentWriter {

    private final Writer out;

    HtmlWriter(Writer out, String title) {
        this.out = out;
        ExportText.write(out, "<!DOCTYPE html>\n<html lang=\"" + Messages.locale().toLanguageTag() + "\">\n<head>\n"
                + "<meta charset=\"utf-8\">\n<title>" + escape(title) + "</title>\n</head>\n<body>\n");
    }

    @Override
    public void onPage(DocumentPage page) {
        StringBuilder html = new StringBuilder(open(page.number()));
        Map<String, String> notes = ExportText.notes(page);
        int p = page.number();
        Function<String, String> link = name -> "<sup><a href=\"#note-" + p + "-" + name + "\" id=\"ref-" + p + "-"
                + name + "\">" + name + "</a></sup>";
        String list = null;
        for (DocumentBlock block : page.blocks()) {
            if (block.kind() == BlockKind.FOOTNOTE) {
                continue;
            }
            String wanted = block.kind() != BlockKind.LIST_ITEM ? null
                    : ExportText.isNumbered(block.text()) ? "ol" : "ul";
            if (list != null && !list.equals(wanted)) {
                html.append("</").append(list).append(">\n");
                list = null;
            }
            if (wanted != null && list == null) {
                html.append('<').append(wanted).append(">\n");
                list = wanted;
            }
            if (block.kind() == BlockKind.HEADING) {
                String tag = "h" + Math.min(6, block.level());
                html.append('<').append(tag).append('>').append(ExportText.linkNotes(escape(block.text()), notes, link))
                        .append("</").append(tag).append(">\n");
            } else if (block.table().isPresent()) {
                table(block.table().get(), html);
            } else if (wanted != null) {
                html.append("<li>").append(ExportText.linkNotes(escape(ExportText.withoutMarker(block.text())), notes,
                        link)).append("</li>\n");
            } else {
                html.append("<p>").append(ExportText.linkNotes(escape(block.text()), notes, link)).append("</p>\n");
            }
        }
        if (list != null) {
            html.append("</").append(list).append(">\n");
        }
        if (!notes.isEmpty()) {
            html.append("<aside aria-label=\"").append(escape(ExportText.MESSAGES.get("html.notes", p)))
                    .append("\">\n");
            for (DocumentBlock block : page.blocks()) {
                if (block.kind() == BlockKind.FOOTNOTE) {
                    String mark = block.mark().orElseThrow();
                    String name = notes.get(mark);
                    html.append("<p id=\"note-").append(p).append('-').append(name).append("\"><a href=\"#ref-")
                            .append(p).append('-').append(name).append("\">").append(escape(mark)).append("</a> ")
                            .append(escape(block.noteText())).append("</p>\n");
                }
            }
            html.append("</aside>\n");
        }
        ExportText.write(out, html.append("</section>\n").toString());
        ExportText.flush(out);
    }

    @Override
    public void onPageFailed(int number, String message) {
        ExportText.write(out, open(number) + "<p>" + escape(message) + "</p>\n</section>\n");
        ExportText.flush(out);
    }

    private static void table(DocumentTable table, StringBuilder html) {
        html.append("<table>\n<caption>")
                .append(escape(ExportText.MESSAGES.get("table.size", table.rowCount(), table.columnCount())))
                .append("</caption>\n");
        int first = 0;
        if (table.header()) {
            html.append("<thead>\n<tr>");
            for (DocumentTable.Cell cell : table.rows().get(0)) {
                html.append("<th scope=\"col\">").append(escape(cell.text().strip())).append("</th>");
            }
            html.append("</tr>\n</thead>\n");
            first = 1;
        }
        html.append("<tbody>\n");
        for (List<DocumentTable.Cell> row : table.rows().subList(first, table.rowCount())) {
            html.append("<tr>");
            for (DocumentTable.Cell cell : row) {
                html.append("<td>").append(escape(cell.text().strip())).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n");
    }

    private static String open(int number) {
        String label = escape(ExportText.MESSAGES.get("html.page", number));
        return "<section id=\"page-" + number + "\" aria-label=\"" + label + "\">\n<p class=\"page-marker\">"
                + label + "</p>\n";
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    @Override
    public void finish() {
        ExportText.write(out, "</body>\n</html>\n");
        ExportText.flush(out);
    }
}
