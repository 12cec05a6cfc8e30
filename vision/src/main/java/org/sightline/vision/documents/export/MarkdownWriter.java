package org.sightline.vision.documents.export;

import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.sightline.vision.documents.BlockKind;
import org.sightline.vision.documents.DocumentBlock;
import org.sightline.vision.documents.DocumentPage;
import org.sightline.vision.documents.DocumentTable;

/**
 * Markdown: a rule and an emphasised "Page 3" at each page, headings as {@code #} headings of their level,
 * list items as {@code -} or {@code 1.} items, tables as pipe tables (a table without a header row gets an
 * empty one, which Markdown requires), paragraphs as paragraphs (text that would read as Markdown syntax at a
 * line start is escaped), footnotes as Markdown footnotes at the end of their page ({@code [^p3-1]}: labels
 * name the page, as marks start again on every page), each referred to where the body has its raised mark.
 */
final class MarkdownWriter implements DocumentWriter {

    private static final Pattern SYNTAX_AT_START = Pattern.compile("^(#|>|[-+*] |\\d+[.)] |=+$|-+$)");

    private final Writer out;
    private boolean first = true;

    MarkdownWriter(Writer out) {
        this.out = out;
    }

    @Override
    public void onPage(DocumentPage page) {
        StringBuilder md = new StringBuilder(marker(page.number()));
        Map<String, String> notes = ExportText.notes(page);
        Function<String, String> link = name -> "[^p" + page.number() + "-" + name + "]";
        int number = 0;
        boolean inList = false;
        for (DocumentBlock block : page.blocks()) {
            if (block.kind() == BlockKind.FOOTNOTE) {
                continue;
            }
            if (block.kind() == BlockKind.LIST_ITEM) {
                String mark = ExportText.isNumbered(block.text()) ? (++number) + ". " : "- ";
                md.append(mark).append(ExportText.linkNotes(escapeInline(ExportText.withoutMarker(block.text())),
                        notes, link)).append("\n");
                inList = true;
                continue;
            }
            if (inList) {
                // A list ends with an empty line, or the next paragraph would continue its last item.
                md.append('\n');
            }
            inList = false;
            number = 0;
            if (block.table().isPresent()) {
                table(block.table().get(), md);
                continue;
            }
            String text = ExportText.linkNotes(escapeInline(block.text()), notes, link);
            if (block.kind() == BlockKind.HEADING) {
                md.append("#".repeat(Math.min(6, block.level()))).append(' ').append(text).append("\n\n");
            } else {
                md.append(escapeStart(text)).append("\n\n");
            }
        }
        if (inList) {
            md.append('\n');
        }
        boolean anyNote = false;
        for (DocumentBlock block : page.blocks()) {
            if (block.kind() == BlockKind.FOOTNOTE) {
                md.append(link.apply(notes.get(block.mark().orElseThrow()))).append(": ")
                        .append(escapeInline(block.noteText())).append('\n');
                anyNote = true;
            }
        }
        if (anyNote) {
            md.append('\n');
        }
        ExportText.write(out, md.toString());
        ExportText.flush(out);
    }

    @Override
    public void onPageFailed(int number, String message) {
        ExportText.write(out, marker(number) + escapeStart(escapeInline(message)) + "\n\n");
        ExportText.flush(out);
    }

    private String marker(int number) {
        String rule = first ? "" : "---\n\n";
        first = false;
        return rule + "*" + ExportText.MESSAGES.get("md.page", number) + "*\n\n";
    }

    private static void table(DocumentTable table, StringBuilder md) {
        int first = 0;
        if (table.header()) {
            row(table.rows().get(0), md);
            first = 1;
        } else {
            md.append("|").append("  |".repeat(table.columnCount())).append('\n');
        }
        md.append("|").append(" --- |".repeat(table.columnCount())).append('\n');
        for (List<DocumentTable.Cell> row : table.rows().subList(first, table.rowCount())) {
            row(row, md);
        }
        md.append('\n');
    }

    private static void row(List<DocumentTable.Cell> cells, StringBuilder md) {
        md.append('|');
        for (DocumentTable.Cell cell : cells) {
            md.append(' ').append(escapeInline(cell.text().strip())).append(" |");
        }
        md.append('\n');
    }

    /** Backslashes before the characters that would turn plain text into emphasis, code or links. */
    static String escapeInline(String text) {
        return text.replaceAll("([\\\\`*_\\[\\]<>|])", "\\\\$1");
    }

    private static String escapeStart(String text) {
        return SYNTAX_AT_START.matcher(text).find() ? "\\" + text : text;
    }

    @Override
    public void finish() {
        ExportText.flush(out);
    }
}
