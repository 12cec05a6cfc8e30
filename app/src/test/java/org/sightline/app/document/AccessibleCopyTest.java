package org.sightline.app.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.i18n.Messages;
import org.sightline.task.TaskContext;
import org.sightline.vision.documents.Document;
import org.sightline.vision.documents.DocumentFiles;
import org.sightline.vision.documents.DocumentReader;
import org.sightline.vision.documents.PageRange;
import org.sightline.vision.documents.PageSource;

/** "Save as accessible document": real files through the document exporter, and what is said about them. */
class AccessibleCopyTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void english() {
        Messages.setLocale(Locale.ENGLISH);
    }

    private Document read(Path file) {
        Document document = new Document();
        try (PageSource source = DocumentFiles.open(file, null)) {
            new DocumentReader((image, context) -> {
                throw new AssertionError("no OCR expected");
            }).read(source, PageRange.ALL, document, TaskContext.none());
        }
        return document;
    }

    @Test
    void writesMarkdownAndHtmlWithHeadingsAndSaysWhere() throws Exception {
        Document report = read(TestDocuments.report(dir));
        Path md = dir.resolve("out").resolve("report.md");
        Files.createDirectories(md.getParent());

        assertThat(AccessibleCopy.save(report, "report.pdf", md)).isEqualTo("Saved 3 pages as Markdown to " + md + ".");
        assertThat(Files.readString(md)).contains("# Annual Report", "## Costs", "*Page 2*", "Invoice number 4471");
        assertThat(md.resolveSibling("report.md.part")).doesNotExist();

        Path html = dir.resolve("report.HTML");
        assertThat(AccessibleCopy.save(report, "report.pdf", html)).isEqualTo(
                "Saved 3 pages as a web page to " + html + ".");
        assertThat(Files.readString(html)).contains("<title>report.pdf</title>", "<h1>Annual Report</h1>");
    }

    @Test
    void aFileNameItCannotWriteOrAFolderThatIsMissingIsSaid() {
        Document report = read(TestDocuments.report(dir));

        assertThatThrownBy(() -> AccessibleCopy.save(report, "report.pdf", dir.resolve("report.docx")))
                .hasMessage("Sightline saves accessible documents as .md or .html. Change the ending of report.docx.");
        Path nowhere = dir.resolve("no such folder").resolve("report.md");
        assertThatThrownBy(() -> AccessibleCopy.save(report, "report.pdf", nowhere))
                .hasMessageStartingWith("Could not save to " + nowhere + ":");
        assertThatThrownBy(() -> AccessibleCopy.save(new Document(), "empty", dir.resolve("empty.md")))
                .hasMessage("Nothing to save yet: no page has been read.");
    }

    @Test
    void theSuggestedCopyLiesBesideTheDocument() {
        assertThat(AccessibleCopy.suggested(dir.resolve("letter.pdf"))).isEqualTo(dir.resolve("letter.md"));
        assertThat(AccessibleCopy.suggested(dir)).isEqualTo(dir.resolveSibling(dir.getFileName() + ".md"));
    }
}
