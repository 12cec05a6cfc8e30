package org.sightline.vision.documents.export;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.awt.Rectangle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sightline.vision.documents.DocumentBlock;
import org.sightline.vision.documents.DocumentLine;
import org.sightline.vision.documents.DocumentPage;
import org.sightline.vision.documents.DocumentTable;

/**
 * JSON for scripts, written as pages arrive: the document's name and page count, then each page with its
 * number, printed label, origin (text layer or OCR), size and resolution, its blocks (kind, heading level,
 * text, lines with boxes in page pixels, font size, bold; for a footnote its mark; for a table also its size,
 * whether its first row is a header, and its rows of cells, each with its text and box) and its furniture (running
 * headers, footers and page numbers left out of the reading); pages that could not be read are listed at the end
 * with the reason.
 */
final class JsonDocumentWriter implements DocumentWriter {

    private final JsonGenerator json;
    private final Map<Integer, String> failures = new LinkedHashMap<>();

    JsonDocumentWriter(Writer out, String title) {
        try {
            json = new JsonFactory().createGenerator(out).useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeStringField("document", title);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void onStart(int pageCount, int selected) {
        try {
            json.writeNumberField("pageCount", pageCount);
            json.writeArrayFieldStart("pages");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void onPage(DocumentPage page) {
        try {
            json.writeStartObject();
            json.writeNumberField("number", page.number());
            if (page.label().isPresent()) {
                json.writeStringField("label", page.label().get());
            }
            json.writeStringField("origin", page.origin().name().toLowerCase(Locale.ROOT));
            json.writeNumberField("width", page.width());
            json.writeNumberField("height", page.height());
            json.writeNumberField("dpi", page.dpi());
            json.writeStringField("text", page.text());
            json.writeArrayFieldStart("blocks");
            for (DocumentBlock block : page.blocks()) {
                json.writeStartObject();
                json.writeStringField("kind", block.kind().name().toLowerCase(Locale.ROOT));
                if (block.level() > 0) {
                    json.writeNumberField("level", block.level());
                }
                if (block.mark().isPresent()) {
                    json.writeStringField("mark", block.mark().get());
                }
                json.writeStringField("text", block.text());
                json.writeArrayFieldStart("lines");
                for (DocumentLine line : block.lines()) {
                    line(line);
                }
                json.writeEndArray();
                if (block.table().isPresent()) {
                    table(block.table().get());
                }
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("furniture");
            for (DocumentLine line : page.furniture()) {
                line(line);
            }
            json.writeEndArray();
            json.writeEndObject();
            json.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void table(DocumentTable table) throws IOException {
        json.writeObjectFieldStart("table");
        json.writeNumberField("rowCount", table.rowCount());
        json.writeNumberField("columnCount", table.columnCount());
        json.writeBooleanField("header", table.header());
        json.writeArrayFieldStart("rows");
        for (List<DocumentTable.Cell> row : table.rows()) {
            json.writeStartArray();
            for (DocumentTable.Cell cell : row) {
                json.writeStartObject();
                json.writeStringField("text", cell.text());
                box(cell.box());
                json.writeEndObject();
            }
            json.writeEndArray();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private void box(Rectangle b) throws IOException {
        json.writeNumberField("x", b.x);
        json.writeNumberField("y", b.y);
        json.writeNumberField("width", b.width);
        json.writeNumberField("height", b.height);
    }

    private void line(DocumentLine line) throws IOException {
        json.writeStartObject();
        json.writeStringField("text", line.text());
        box(line.box());
        json.writeNumberField("fontSize", Math.round(line.fontSize() * 10) / 10.0);
        json.writeBooleanField("bold", line.bold());
        json.writeEndObject();
    }

    @Override
    public void onPageFailed(int number, String message) {
        failures.put(number, message);
    }

    @Override
    public void finish() {
        try {
            json.writeEndArray();
            json.writeArrayFieldStart("failedPages");
            for (Map.Entry<Integer, String> f : failures.entrySet()) {
                json.writeStartObject();
                json.writeNumberField("number", f.getKey());
                json.writeStringField("message", f.getValue());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
            json.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
