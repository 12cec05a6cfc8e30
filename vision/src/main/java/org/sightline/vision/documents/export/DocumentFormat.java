package org.sightline.vision.documents.export;

import java.io.Writer;
import java.util.Locale;
import org.sightline.error.Problem;
import org.sightline.error.SightlineException;

/** The forms a document can be written in, each with its file extension. */
public enum DocumentFormat {
    TXT("txt"),
    MD("md"),
    HTML("html"),
    JSON("json");

    private final String extension;

    DocumentFormat(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }

    /**
     * The format named {@code name} (txt, md, markdown, html, json; any case).
     *
     * @throws SightlineException BAD_INPUT for any other name
     */
    public static DocumentFormat parse(String name) {
        String n = name.toLowerCase(Locale.ROOT).strip();
        return switch (n) {
            case "txt", "text" -> TXT;
            case "md", "markdown" -> MD;
            case "html", "htm" -> HTML;
            case "json" -> JSON;
            default -> throw new SightlineException(Problem.BAD_INPUT, ExportText.MESSAGES.get("format.unknown", name));
        };
    }

    /** A writer of this format onto {@code out}, for a document called {@code title}. */
    public DocumentWriter writer(Writer out, String title) {
        return switch (this) {
            case TXT -> new PlainTextWriter(out);
            case MD -> new MarkdownWriter(out);
            case HTML -> new HtmlWriter(out, title);
            case JSON -> new JsonDocumentWriter(out, title);
        };
    }
}
