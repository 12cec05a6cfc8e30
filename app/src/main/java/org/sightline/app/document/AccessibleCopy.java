package org.sightline.app.document;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.sightline.error.Problem;
import org.sightline.error.SightlineException;
import org.sightline.vision.documents.Document;
import org.sightline.vision.documents.DocumentPage;
import org.sightline.vision.documents.export.DocumentFormat;
import org.sightline.vision.documents.export.DocumentWriter;

/**
 * "Save as accessible document": the pages read so far written through the document exporter as Markdown or
 * HTML (headings as headings, lists as lists, page markers), for the user's own screen reader later. The file
 * is written whole beside the target and then moved into place, and the sentence that says where it went is
 * only given once the file is seen there.
 */
public final class AccessibleCopy {

    private AccessibleCopy() {
    }

    /** Where a copy of {@code document} goes unless the user says otherwise: beside it, as Markdown. */
    public static Path suggested(Path document) {
        Path absolute = document.toAbsolutePath();
        String name = absolute.getFileName() == null ? "document" : absolute.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String base = dot > 0 && !Files.isDirectory(absolute) ? name.substring(0, dot) : name;
        return absolute.resolveSibling(base + ".md");
    }

    /** The format the name of {@code target} asks for: .md or .markdown, .html or .htm; empty for any other. */
    static Optional<DocumentFormat> formatOf(Path target) {
        String name = target.getFileName() == null ? "" : target.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".md") || name.endsWith(".markdown")) {
            return Optional.of(DocumentFormat.MD);
        }
        if (name.endsWith(".html") || name.endsWith(".htm")) {
            return Optional.of(DocumentFormat.HTML);
        }
        return Optional.empty();
    }

    /**
     * Writes {@code document}, titled {@code title}, to {@code target} and returns the sentence to say.
     *
     * @throws SightlineException BAD_INPUT, with the sentence to say, when the name has another ending, nothing
     *     has been read, or the file cannot be written
     */
    public static String save(Document document, String title, Path target) {
        DocumentFormat format = formatOf(target).orElseThrow(() -> new SightlineException(Problem.BAD_INPUT,
                DocumentText.get("save.badFormat", target.getFileName())));
        if (document.pages().isEmpty()) {
            throw new SightlineException(Problem.BAD_INPUT, DocumentText.get("save.nothing"));
        }
        Path partial = target.resolveSibling(target.getFileName() + ".part");
        try {
            try (Writer out = new OutputStreamWriter(Files.newOutputStream(partial), StandardCharsets.UTF_8)) {
                write(document, format.writer(out, title));
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | UncheckedIOException e) {
            deleteQuietly(partial);
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new SightlineException(Problem.BAD_INPUT, DocumentText.get("save.failed", target, why), e);
        }
        if (!Files.isRegularFile(target)) {
            throw new SightlineException(Problem.BAD_INPUT, DocumentText.get("save.missing", target));
        }
        return DocumentText.get("save.done", document.pages().size(),
                DocumentText.get("format." + format.extension()), target);
    }

    /** The pages in order, each page that could not be read noted in its place. */
    private static void write(Document document, DocumentWriter writer) {
        writer.onStart(document.pageCount(), document.pageCount());
        java.util.TreeMap<Integer, String> failures = new java.util.TreeMap<>(document.failures());
        for (DocumentPage page : document.pages()) {
            noteFailures(failures.headMap(page.number()), writer);
            writer.onPage(page);
        }
        noteFailures(failures, writer);
        writer.finish();
    }

    private static void noteFailures(Map<Integer, String> failures, DocumentWriter writer) {
        failures.forEach(writer::onPageFailed);
        failures.clear();
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // The half-written copy stays with its .part name, which no reader takes for the document.
        }
    }
}
