package org.sightline.app.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import org.sightline.error.Problem;
import org.sightline.error.SightlineException;
import org.sightline.i18n.Messages;
import org.sightline.models.ModelStores;
import org.sightline.task.TaskContext;
import org.sightline.vision.documents.Document;
import org.sightline.vision.documents.DocumentListener;
import org.sightline.vision.documents.DocumentPage;
import org.sightline.vision.documents.DocumentReader;
import org.sightline.vision.documents.PageRange;
import org.sightline.vision.documents.PageSource;
import org.sightline.vision.documents.DocumentFiles;
import org.sightline.vision.documents.export.DocumentFormat;
import org.sightline.vision.documents.export.DocumentWriter;
import org.sightline.vision.ocr.OcrListener;
import org.sightline.vision.read.TextReader;

/**
 * {@code sightline read FILE.pdf|FILE.tiff|FOLDER}: reads a document page by page and writes it in the chosen
 * format, on stdout as each page is read or into a file (written whole, then moved into place). The OCR models
 * load only when a page needs them, so a PDF with a text layer is read without them. Pages that could not be
 * read get one line each on stderr, the others are still written, and the exit code is then 3.
 */
final class ReadDocument {

    private static final Messages MESSAGES = new Messages("org.sightline.app.cli.read");

    private final Path file;
    private final String password;
    private final PageRange pages;
    private final DocumentFormat format;
    private final Path target;

    ReadDocument(Path file, String password, PageRange pages, DocumentFormat format, Path target) {
        this.file = file;
        this.password = password;
        this.pages = pages;
        this.format = format;
        this.target = target;
    }

    int run(PrintWriter out, PrintWriter err) throws IOException {
        Document failures = new Document();
        try (PageSource source = DocumentFiles.open(file, password);
             TextReader ocr = new TextReader(ModelStores.standard())) {
            DocumentReader reader = new DocumentReader((image, context) -> ocr.read(image, OcrListener.NONE, context));
            if (target == null) {
                read(reader, source, out, failures);
            } else {
                Path partial = target.resolveSibling(target.getFileName() + ".part");
                boolean written = false;
                try (Writer writer = new OutputStreamWriter(Files.newOutputStream(partial), StandardCharsets.UTF_8)) {
                    read(reader, source, writer, failures);
                    written = true;
                } catch (IOException | UncheckedIOException e) {
                    throw new SightlineException(Problem.BAD_INPUT, MESSAGES.get("read.cannotWrite", target), e);
                } finally {
                    // A half-written file is never left where the user would take it for the whole document.
                    if (!written) {
                        Files.deleteIfExists(partial);
                    }
                }
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                out.println(MESSAGES.get("read.wrote", target));
            }
        }
        for (Map.Entry<Integer, String> failure : failures.failures().entrySet()) {
            err.println(failure.getValue());
        }
        out.flush();
        err.flush();
        return failures.failures().isEmpty() ? ExitCode.OK : ExitCode.BAD_INPUT;
    }

    private void read(DocumentReader reader, PageSource source, Writer writer, Document failures) {
        DocumentWriter output = format.writer(writer, file.getFileName().toString());
        reader.read(source, pages, new DocumentListener() {
            @Override
            public void onStart(int pageCount, int selected) {
                output.onStart(pageCount, selected);
            }

            @Override
            public void onPage(DocumentPage page) {
                output.onPage(page);
            }

            @Override
            public void onPageFailed(int number, String message) {
                output.onPageFailed(number, message);
                failures.onPageFailed(number, message);
            }
        }, TaskContext.none());
        output.finish();
    }
}
