package org.sightline.vision.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sightline.task.TaskContext;
import org.sightline.vision.ocr.BundledOcrModels;
import org.sightline.vision.ocr.OcrBenchmark;
import org.sightline.vision.ocr.OcrEngine;
import org.sightline.vision.ocr.ppocr.PpOcrEngine;

/**
 * Documents that Debian ships, read by Sightline and by Debian's tools in the same run: the text-layer form
 * against {@code pdftotext -layout}, the scanned forms (made by {@code vision/scripts/documents/bench-documents.sh})
 * against {@code ocrmypdf}. The truth is each page's text layer in the order of the file ({@code pdftotext -raw}),
 * which for these LaTeX, DocBook and Texinfo PDFs is the reading order. Scores per document: word recall, CER
 * (words joined by one space, hyphenation at line ends undone), word-pair recall (the share of the truth's
 * neighbouring word pairs that are neighbours in the output too: reading across columns breaks them) and time
 * per page. Results go to {@code target/bench-documents/results.md}. Run with:
 * {@code mvn -B -pl vision -am test -Dtest=DocumentBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * -DexcludedTestGroups= -Dgroups=bench [-Dbench.documents=/work/data-documents/bench]
 * [-Dbench.only=REGEX]}; {@code bench.only} keeps the files whose names match (e.g. {@code .*scan300.*}).
 * Each page's truth and reading go to {@code target/bench-documents/pages/} for diffing. On scans a second
 * recall counts the furniture Sightline set aside (running headers, footers, page numbers) as read.
 */
@Tag("bench")
class DocumentBenchmark {

    private static final Path DATA = Path.of(System.getProperty("bench.documents", "/work/data-documents/bench"));
    private static final Path OUT = Path.of("target/bench-documents");
    private static final Path LONG_PDF = Path.of("/usr/share/doc/octave/octave.pdf");
    private static final int FIRST_PAGES = 30;
    private static final String ONLY = System.getProperty("bench.only", ".*");

    /** One reader's scores on one document. */
    record Result(double recall, double cer, double pairs, double secondsPerPage, int pages) {
    }

    @Test
    void debianDocuments() throws Exception {
        assumeTrue(Files.isDirectory(DATA), "run vision/scripts/documents/bench-documents.sh first");
        Files.createDirectories(OUT);
        StringBuilder md = new StringBuilder();
        List<String> furnitureCounted = new ArrayList<>();
        try (OcrEngine engine = PpOcrEngine.load(BundledOcrModels.extractTo(OUT.resolve("models")))) {
            DocumentReader reader = new DocumentReader(engine::read);
            md.append("Text layer (Sightline's reading order vs `pdftotext -layout`; truth `pdftotext -raw`)\n\n")
                    .append("| document | pages | word recall S / P | CER % S / P | word pairs S / P | ms/page S / P |\n")
                    .append("|---|---|---|---|---|---|\n");
            for (Path pdf : files(p -> !p.contains(".scan"))) {
                List<String> truth = pdftotext(pdf, "-raw").pages();
                Timed poppler = pdftotext(pdf, "-layout");
                Timed ours = sightline(reader, pdf);
                writePages(name(pdf), truth, ours);
                Result text = score(ours, truth);
                // A floor far below every published row: a text layer read that loses a tenth of its words is broken.
                assertThat(text.recall()).as("word recall of %s's text layer", name(pdf)).isGreaterThan(0.9);
                md.append(row(name(pdf), truth.size(), text, score(poppler, truth), 1000));
            }
            md.append("\nScanned forms (Sightline's OCR vs `ocrmypdf` 14 / Tesseract, same truth)\n\n")
                    .append("| scan | pages | word recall S / O | CER % S / O | word pairs S / O | s/page S / O |\n")
                    .append("|---|---|---|---|---|---|\n");
            for (Path scan : files(p -> p.matches(".*\\.scan\\d+\\.pdf"))) {
                String base = name(scan).replaceAll("\\.scan\\d+$", "");
                List<String> truth = pdftotext(DATA.resolve(base + ".pdf"), "-raw").pages();
                Timed ours = sightline(reader, scan);
                writePages(name(scan), truth, ours);
                furnitureCounted.add(String.format(Locale.ROOT, "| %s | %.3f | %.3f |", name(scan),
                        score(ours, truth).recall(),
                        score(new Timed(ours.withFurniture(), ours.seconds()), truth).recall()));
                Path ocrmypdf = DATA.resolve(name(scan) + ".ocrmypdf.pdf");
                Result theirs = null;
                if (Files.exists(ocrmypdf)) {
                    double seconds = Double.parseDouble(Files.readString(
                            DATA.resolve(name(scan) + ".ocrmypdf.pdf.seconds")).strip());
                    Timed text = pdftotext(ocrmypdf, "-raw");
                    theirs = score(new Timed(text.pages(), seconds), truth);
                }
                md.append(row(name(scan), truth.size(), score(ours, truth), theirs, 1));
            }
            md.append("\nWord recall on scans, with the furniture Sightline set aside counted as read\n\n")
                    .append("| scan | word recall, full truth | word recall, furniture counted |\n|---|---|---|\n")
                    .append(String.join("\n", furnitureCounted)).append("\n");
            if (Files.exists(LONG_PDF) && ".*".equals(ONLY)) {
                md.append("\n").append(firstPage(reader)).append("\n");
            }
        }
        Files.writeString(OUT.resolve("results.md"), md.toString());
        System.out.println(md);
    }

    /** The time from opening a long PDF to its first page being read (what speech would start with). */
    private static String firstPage(DocumentReader reader) {
        long start = System.nanoTime();
        long[] first = new long[1];
        int[] count = new int[1];
        try (PageSource source = DocumentFiles.open(LONG_PDF, null)) {
            reader.read(source, new PageRange(1, FIRST_PAGES), page -> {
                if (count[0]++ == 0) {
                    first[0] = System.nanoTime();
                }
            }, TaskContext.none());
            count[0] = source.pageCount();
        }
        return String.format(Locale.ROOT, "%s (%d pages): first page read %.2f s after opening; the first %d "
                        + "pages in %.1f s.", LONG_PDF.getFileName(), count[0], (first[0] - start) / 1e9,
                FIRST_PAGES, (System.nanoTime() - start) / 1e9);
    }

    /** Pages read; {@code furniture} holds, page by page, the lines set aside (empty for other readers). */
    private record Timed(List<String> pages, double seconds, List<String> furniture) {

        Timed(List<String> pages, double seconds) {
            this(pages, seconds, List.of());
        }

        /** Each page's reading followed by its furniture, as if the furniture had been read too. */
        List<String> withFurniture() {
            List<String> all = new ArrayList<>();
            for (int i = 0; i < pages.size(); i++) {
                all.add(pages.get(i) + (i < furniture.size() ? "\n" + furniture.get(i) : ""));
            }
            return all;
        }
    }

    private static void writePages(String name, List<String> truth, Timed read) throws IOException {
        Path dir = Files.createDirectories(OUT.resolve("pages"));
        for (int i = 0; i < truth.size(); i++) {
            Files.writeString(dir.resolve(name + ".p" + (i + 1) + ".truth.txt"), truth.get(i));
            Files.writeString(dir.resolve(name + ".p" + (i + 1) + ".read.txt"),
                    i < read.pages().size() ? read.pages().get(i) : "");
            Files.writeString(dir.resolve(name + ".p" + (i + 1) + ".furniture.txt"),
                    i < read.furniture().size() ? read.furniture().get(i) : "");
        }
    }

    private static Timed sightline(DocumentReader reader, Path pdf) {
        Document document = new Document();
        long start = System.nanoTime();
        try (PageSource source = DocumentFiles.open(pdf, null)) {
            reader.read(source, PageRange.ALL, document, TaskContext.none());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Timed(document.pages().stream().map(DocumentPage::text).toList(), seconds,
                document.pages().stream().map(p -> p.furniture().stream().map(DocumentLine::text)
                        .collect(java.util.stream.Collectors.joining("\n"))).toList());
    }

    private static Timed pdftotext(Path pdf, String mode) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process p = new ProcessBuilder("pdftotext", mode, "-enc", "UTF-8", pdf.toString(), "-")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        List<String> pages = new ArrayList<>(List.of(text.split("\f", -1)));
        if (!pages.isEmpty() && pages.get(pages.size() - 1).isBlank()) {
            pages.remove(pages.size() - 1);
        }
        return new Timed(pages, seconds);
    }

    /** Scores page by page, weighted by the truth's words (recall, pairs) and characters (CER). */
    private static Result score(Timed read, List<String> truth) {
        double words = 0;
        double hits = 0;
        double chars = 0;
        double edits = 0;
        double pairs = 0;
        double pairHits = 0;
        for (int i = 0; i < truth.size(); i++) {
            String t = normal(truth.get(i));
            String o = i < read.pages().size() ? normal(read.pages().get(i)) : "";
            OcrBenchmark.Score s = OcrBenchmark.score(o, t);
            List<String> tw = OcrBenchmark.words(t);
            words += tw.size();
            hits += s.recall() * tw.size();
            chars += t.length();
            edits += s.cer() * t.length();
            pairs += Math.max(0, tw.size() - 1);
            pairHits += pairHits(OcrBenchmark.words(o), tw);
        }
        return new Result(hits / Math.max(1, words), edits / Math.max(1, chars), pairHits / Math.max(1, pairs),
                read.seconds() / Math.max(1, truth.size()), truth.size());
    }

    private static int pairHits(List<String> output, List<String> truth) {
        Map<String, Integer> wanted = new HashMap<>();
        for (int i = 1; i < truth.size(); i++) {
            wanted.merge(truth.get(i - 1) + " " + truth.get(i), 1, Integer::sum);
        }
        int hits = 0;
        for (int i = 1; i < output.size(); i++) {
            String pair = output.get(i - 1) + " " + output.get(i);
            Integer left = wanted.get(pair);
            if (left != null && left > 0) {
                hits++;
                wanted.put(pair, left - 1);
            }
        }
        return hits;
    }

    /** Ligatures and full-width forms unfolded, dot leaders dropped, words broken at line ends joined. */
    static String normal(String text) {
        String n = Normalizer.normalize(text, Normalizer.Form.NFKC);
        n = n.replaceAll("(?:\\s?[.\u00b7]){4,}", " ");
        n = n.replaceAll("(\\p{Ll})-\\s*\\n\\s*(\\p{Ll})", "$1$2");
        return n.replaceAll("\\s+", " ").strip();
    }

    private static String row(String name, int pages, Result ours, Result theirs, double timeScale) {
        return String.format(Locale.ROOT, "| %s | %d | %.3f / %s | %.2f / %s | %.3f / %s | %.0f / %s |\n", name,
                pages, ours.recall(), other(theirs, "%.3f", Result::recall), 100 * ours.cer(),
                other(theirs, "%.2f", r -> 100 * r.cer()), ours.pairs(), other(theirs, "%.3f", Result::pairs),
                timeScale * ours.secondsPerPage(), other(theirs, "%.0f", r -> timeScale * r.secondsPerPage()));
    }

    private static String other(Result theirs, String format, java.util.function.ToDoubleFunction<Result> value) {
        return theirs == null ? "-" : String.format(Locale.ROOT, format, value.applyAsDouble(theirs));
    }

    private static List<Path> files(java.util.function.Predicate<String> nameFilter) throws IOException {
        try (Stream<Path> list = Files.list(DATA)) {
            return list.filter(p -> p.toString().endsWith(".pdf") && !p.toString().contains(".ocrmypdf."))
                    .filter(p -> name(p).matches(ONLY))
                    .filter(p -> nameFilter.test(p.getFileName().toString())).sorted().toList();
        }
    }

    private static String name(Path pdf) {
        String n = pdf.getFileName().toString();
        return n.substring(0, n.length() - 4);
    }
}
