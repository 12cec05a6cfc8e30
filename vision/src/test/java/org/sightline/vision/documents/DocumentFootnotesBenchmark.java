package org.sightline.vision.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sightline.i18n.Messages;

/**
 * Which footnotes the document reader finds on real PDFs, for checking by hand against the pages: every note with
 * its page and text, and the raised marks in the body that no note on their page answers (a note missed, or a
 * power such as 10²). Only text-layer pages are read. Input: {@code -Dbench.footnotes=FILE:FIRST-LAST,...} (PDF
 * files, already decompressed); output {@code target/bench-documents/footnotes.md}. Run with:
 * {@code mvn -B -pl vision -am test -Dtest=DocumentFootnotesBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * -DexcludedTestGroups= -Dgroups=bench -Dbench.footnotes=/tmp/dotguide.pdf:1-40}.
 */
@Tag("bench")
class DocumentFootnotesBenchmark {

    private static final Path OUT = Path.of("target/bench-documents");

    @Test
    void footnotesOnRealPages() throws Exception {
        String spec = System.getProperty("bench.footnotes", "");
        assumeTrue(!spec.isBlank(), "give -Dbench.footnotes=FILE:FIRST-LAST,...");
        Messages.setLocale(Locale.ENGLISH);
        Files.createDirectories(OUT);
        StringBuilder md = new StringBuilder(
                "| document | pages | footnotes | marks without a note |\n|---|---|---|---|\n");
        StringBuilder found = new StringBuilder();
        for (String item : spec.split(",")) {
            TextLayerSample sample = TextLayerSample.parse(item);
            Path file = sample.file();
            Document document = sample.read();
            assertThat(document.pages()).as("pages read from %s", item).isNotEmpty();
            int notes = 0;
            int unanswered = 0;
            for (DocumentPage page : document.pages()) {
                Set<String> marks = new HashSet<>();
                for (DocumentBlock block : page.blocks()) {
                    if (block.mark().isPresent()) {
                        notes++;
                        marks.add(block.mark().get());
                        found.append("- ").append(file.getFileName()).append(" p. ").append(page.number())
                                .append(": ").append(abbreviated(block.text())).append('\n');
                    }
                }
                for (DocumentBlock block : page.blocks()) {
                    for (String mark : Superscripts.references(block.text())) {
                        if (!marks.contains(mark)) {
                            unanswered++;
                            found.append("- ").append(file.getFileName()).append(" p. ").append(page.number())
                                    .append(": raised ").append(mark).append(" without a note, in: ")
                                    .append(abbreviated(block.text())).append('\n');
                        }
                    }
                }
            }
            md.append("| ").append(file.getFileName()).append(' ').append(sample.pages()).append(" | ")
                    .append(document.pages().size()).append(" | ").append(notes).append(" | ").append(unanswered)
                    .append(" |\n");
        }
        md.append('\n').append(found);
        Files.writeString(OUT.resolve("footnotes.md"), md.toString());
        System.out.println(md);
        System.out.println("written to " + OUT.toAbsolutePath().resolve("footnotes.md"));
    }

    private static String abbreviated(String text) {
        String one = text.replace('\n', ' ');
        return one.length() <= 120 ? one : one.substring(0, 117) + "...";
    }
}
