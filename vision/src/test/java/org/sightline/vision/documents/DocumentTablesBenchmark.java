package org.sightline.vision.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sightline.i18n.Messages;

/**
 * Which tables the document reader finds on real PDFs, for checking by hand against the pages: every table found
 * with its page, size, whether it has a header row and its first rows as read. Only text-layer pages are read (a
 * page without one counts as blank here). Input: {@code -Dbench.tables=FILE:FIRST-LAST,...} (PDF files, already
 * decompressed); output {@code target/bench-documents/tables.md}. Run with:
 * {@code mvn -B -pl vision -am test -Dtest=DocumentTablesBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * -DexcludedTestGroups= -Dgroups=bench -Dbench.tables=/tmp/debmake.pdf:60-70}.
 */
@Tag("bench")
class DocumentTablesBenchmark {

    private static final Path OUT = Path.of("target/bench-documents");

    @Test
    void tablesOnRealPages() throws Exception {
        String spec = System.getProperty("bench.tables", "");
        assumeTrue(!spec.isBlank(), "give -Dbench.tables=FILE:FIRST-LAST,...");
        Messages.setLocale(Locale.ENGLISH);
        Files.createDirectories(OUT);
        StringBuilder md = new StringBuilder("| document | pages | tables | with header |\n|---|---|---|---|\n");
        StringBuilder found = new StringBuilder();
        for (String item : spec.split(",")) {
            TextLayerSample sample = TextLayerSample.parse(item);
            Path file = sample.file();
            Document document = sample.read();
            assertThat(document.pages()).as("pages read from %s", item).isNotEmpty();
            int tables = 0;
            int headed = 0;
            for (DocumentPage page : document.pages()) {
                for (DocumentBlock block : page.blocks()) {
                    if (block.table().isEmpty()) {
                        continue;
                    }
                    DocumentTable t = block.table().get();
                    tables++;
                    headed += t.header() ? 1 : 0;
                    found.append("- ").append(file.getFileName()).append(" p. ").append(page.number()).append(": ")
                            .append(t.rowCount()).append(" x ").append(t.columnCount())
                            .append(t.header() ? ", header" : ", no header").append(": ")
                            .append(String.join(" / ", block.lines().stream().limit(3).map(DocumentLine::text)
                                    .toList())).append('\n');
                }
            }
            md.append("| ").append(file.getFileName()).append(' ').append(sample.pages()).append(" | ")
                    .append(document.pages().size()).append(" | ").append(tables).append(" | ").append(headed)
                    .append(" |\n");
        }
        md.append('\n').append(found);
        Files.writeString(OUT.resolve("tables.md"), md.toString());
        System.out.println(md);
        System.out.println("written to " + OUT.toAbsolutePath().resolve("tables.md"));
    }
}
