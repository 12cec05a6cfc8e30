package org.sightline.vision.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sightline.vision.image.ImageFiles;
import org.sightline.vision.ocr.layout.PageLayout;
import org.sightline.vision.ocr.layout.ReadingOrder;
import org.sightline.vision.regions.PageRegions;
import org.sightline.vision.regions.RegionFinder;
import org.sightline.vision.testing.CorpusTruth;

/**
 * Reading order on real pages: the page corpus (vision/scripts/corpus) gives each screenshot's text in DOM
 * order; the character error rate of Sightline's reading order against it is measured with the page's regions
 * and without them (the reading order before regions existed), for single-column and multi-pane pages apart;
 * with regions both in their natural order (what {@code read} gives) and main content first (after the header, as
 * asking to read the page gives).
 * A page is multi-pane when two of its DOM regions holding text stand side by side. Only one side of the split
 * is read (validation unless {@code -Dsightline.corpus.split=training}); tune on training, report validation.
 * OCR is cached per screenshot under target/corpus-ocr, so a change to regions or ordering needs no new OCR;
 * both orders are computed here from the cached line boxes. Command in docs/benchmarks.md.
 */
@Tag("bench")
class PageCorpusBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SPLIT = Path.of("scripts/corpus/split.txt");
    /** Where recognised pages are kept; another folder ({@code -Dsightline.corpus.ocr}) for a corpus whose page
     *  names repeat another's. */
    private static final Path CACHE = Path.of(System.getProperty("sightline.corpus.ocr", "target/corpus-ocr"));

    /** Edits and reference characters, summed over pages, and the pages counted. */
    private static final class Tally {
        long before;
        long after;
        long mainFirst;
        long reference;
        /** Edits of the order alone: the same recognised lines, in Sightline's order against the DOM's. */
        long orderBefore;
        long orderAfter;
        /** The same with the DOM regions in whatever order Sightline first reaches them. */
        long freeBefore;
        long freeAfter;
        long orderReference;
        int pages;
        /** DOM regions with two lines or more, and how many of them each order reads in one piece. */
        int panes;
        int wholeBefore;
        int wholeAfter;

        String whole(int count) {
            return panes == 0 ? "-" : count + " of " + panes;
        }

        String cer(long edits) {
            return reference == 0 ? "-" : String.format(Locale.ROOT, "%.1f %%", 100.0 * edits / reference);
        }

        String orderCer(long edits) {
            return orderReference == 0 ? "-"
                    : String.format(Locale.ROOT, "%.1f %%", 100.0 * edits / orderReference);
        }
    }

    @Test
    void readingOrderCharacterErrorRate() throws Exception {
        Path corpus = Path.of(System.getProperty("sightline.corpus", "/work/corpus"));
        boolean validation = !"training".equals(System.getProperty("sightline.corpus.split", "validation"));
        int limit = Integer.getInteger("sightline.corpus.limit", 120);
        List<Path> pages = pages(corpus, validationPackages(), validation, limit);
        assertThat(pages).as("screenshots in " + corpus.toAbsolutePath()).isNotEmpty();
        Tally single = new Tally();
        Tally multi = new Tally();
        long ocrMillis = 0;
        long regionNanos = 0;
        StringBuilder perPage = new StringBuilder();
        try (OcrCache ocrCache = new OcrCache(CACHE.resolve("models"))) {
            for (Path png : pages) {
                JsonNode truth = JSON.readTree(Path.of(png.toString().replace(".png", ".json")).toFile());
                BufferedImage image = ImageFiles.read(png);
                String name = png.getParent().getFileName() + "/" + png.getFileName().toString().replace(".png", "");
                Path cache = CACHE.resolve(name + ".ocr.json");
                Files.createDirectories(cache.getParent());
                OcrResult ocr = ocrCache.read(image, cache);
                ocrMillis += ocr.elapsed().toMillis();
                List<TextLine> lines = ocr.lines();
                List<Rectangle> boxes = lines.stream().map(TextLine::box).toList();
                long start = System.nanoTime();
                PageRegions regions = RegionFinder.find(image, boxes);
                regionNanos += System.nanoTime() - start;
                String reference = reference(truth);
                PageLayout plain = ReadingOrder.of(boxes);
                String before = text(lines, plain);
                PageLayout layout = ReadingOrder.of(boxes, regions);
                String after = text(lines, layout);
                String mainFirst = mainFirst(lines, layout, regions);
                long referenceLength = OcrBenchmark.words(reference).stream().collect(Collectors.joining(" "))
                        .length();
                long editsBefore = Math.round(OcrBenchmark.score(before, reference).cer() * referenceLength);
                long editsAfter = Math.round(OcrBenchmark.score(after, reference).cer() * referenceLength);
                long editsMainFirst = Math.round(OcrBenchmark.score(mainFirst, reference).cer() * referenceLength);
                boolean multiPane = multiPane(truth);
                Tally tally = multiPane ? multi : single;
                tally.before += editsBefore;
                tally.after += editsAfter;
                tally.mainFirst += editsMainFirst;
                tally.reference += referenceLength;
                tally.pages++;
                if (List.of(System.getProperty("sightline.corpus.dump", "").split(",")).contains(name)) {
                    System.out.println("page " + name);
                    dump(lines, Boolean.getBoolean("sightline.corpus.dump.plain") ? plain : layout, regions, truth);
                }
                long[] orderBefore = orderEdits(lines, plain, truth, false);
                long[] orderAfter = orderEdits(lines, layout, truth, false);
                long[] freeBefore = orderEdits(lines, plain, truth, true);
                long[] freeAfter = orderEdits(lines, layout, truth, true);
                tally.orderBefore += orderBefore[0];
                tally.orderAfter += orderAfter[0];
                tally.freeBefore += freeBefore[0];
                tally.freeAfter += freeAfter[0];
                tally.orderReference += orderAfter[1];
                List<Rectangle> truthPanes = truthRegions(truth);
                int[] wholeBefore = piecesWhole(boxes, plain, truthPanes);
                int[] wholeAfter = piecesWhole(boxes, layout, truthPanes);
                tally.panes += wholeBefore[1];
                tally.wholeBefore += wholeBefore[0];
                tally.wholeAfter += wholeAfter[0];
                perPage.append(String.format(Locale.ROOT,
                        "%s %s regions=%s before=%.3f after=%.3f main-first=%.3f order-before=%.3f order-after=%.3f "
                                + "free-before=%.3f free-after=%.3f%n",
                        name, multiPane ? "multi " : "single", regions.regions().stream()
                                .map(r -> r.kind().jsonName()).collect(Collectors.joining("+")),
                        editsBefore / (double) Math.max(1, referenceLength),
                        editsAfter / (double) Math.max(1, referenceLength),
                        editsMainFirst / (double) Math.max(1, referenceLength),
                        orderBefore[0] / (double) Math.max(1, orderBefore[1]),
                        orderAfter[0] / (double) Math.max(1, orderAfter[1]),
                        freeBefore[0] / (double) Math.max(1, freeBefore[1]),
                        freeAfter[0] / (double) Math.max(1, freeAfter[1])));
            }
        }
        String table = String.format(Locale.ROOT, "| Pages (%s split) | Count | CER without regions "
                        + "| CER with regions, natural order | CER with regions, main content first "
                        + "| Order alone: CER without / with regions | Order alone, regions in any order "
                        + "| DOM regions read in one piece, without / with regions |%n"
                        + "|---|---|---|---|---|---|---|---|%n"
                        + "| single-column | %d | %s | %s | %s | %s / %s | %s / %s | %s / %s |%n"
                        + "| multi-pane | %d | %s | %s | %s | %s / %s | %s / %s | %s / %s |%n%n"
                        + "OCR %d ms per page (cached recognition time); regions %.1f ms per page%n",
                validation ? "validation" : "training", single.pages, single.cer(single.before),
                single.cer(single.after), single.cer(single.mainFirst), single.orderCer(single.orderBefore),
                single.orderCer(single.orderAfter), single.orderCer(single.freeBefore),
                single.orderCer(single.freeAfter), single.whole(single.wholeBefore),
                single.whole(single.wholeAfter), multi.pages, multi.cer(multi.before), multi.cer(multi.after),
                multi.cer(multi.mainFirst), multi.orderCer(multi.orderBefore), multi.orderCer(multi.orderAfter),
                multi.orderCer(multi.freeBefore), multi.orderCer(multi.freeAfter),
                multi.whole(multi.wholeBefore), multi.whole(multi.wholeAfter),
                ocrMillis / pages.size(), regionNanos / 1e6 / pages.size());
        System.out.println(perPage);
        System.out.println(table);
        Files.writeString(CACHE.resolve("results.md"), perPage + "\n" + table);
    }

    /** The packages named in split.txt (the validation side). */
    private static Set<String> validationPackages() throws IOException {
        return Files.readAllLines(SPLIT).stream().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).collect(Collectors.toSet());
    }

    /**
     * Up to {@code limit} screenshots of one side of the split, taken in turn from each package (in name order)
     * so a small limit still covers every package.
     */
    private static List<Path> pages(Path corpus, Set<String> validationPackages, boolean validation, int limit)
            throws IOException {
        List<List<Path>> perPackage = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(corpus)) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                if (validationPackages.contains(dir.getFileName().toString()) != validation) {
                    continue;
                }
                try (Stream<Path> files = Files.list(dir)) {
                    perPackage.add(files.filter(p -> p.toString().endsWith(".png"))
                            .filter(p -> Files.exists(Path.of(p.toString().replace(".png", ".json"))))
                            .sorted().toList());
                }
            }
        }
        List<Path> chosen = new ArrayList<>();
        for (int round = 0; chosen.size() < limit; round++) {
            boolean any = false;
            for (List<Path> pkg : perPackage) {
                if (round < pkg.size() && chosen.size() < limit) {
                    chosen.add(pkg.get(round));
                    any = true;
                }
            }
            if (!any) {
                break;
            }
        }
        return chosen;
    }

    /** The page's visible text in DOM order. */
    private static String reference(JsonNode truth) {
        List<String> runs = new ArrayList<>();
        for (JsonNode run : truth.get("runs")) {
            runs.add(run.get("text").asText());
        }
        return String.join(" ", runs);
    }

    /**
     * The error of the order alone: the recognised lines that lie on a DOM text run (the run covering most of the
     * line), read in the given order, against the same lines sorted by their runs' DOM order (lines on one run
     * keep the given order). Recognition errors and text the DOM has but OCR missed cancel out, so what is left is
     * lines read out of place. With {@code regionsFree}, the DOM's regions (each stretch of runs in one landmark or
     * pane, or in none) may come in any order, the order in which the given order first reaches them, when that
     * is closer than the DOM's own: a sidebar read before the content it follows in the DOM is not an error, a
     * sidebar read line by line between the content's lines is. Returns the edits and the reference's length.
     */
    private static long[] orderEdits(List<TextLine> lines, PageLayout layout, JsonNode truth, boolean regionsFree) {
        JsonNode runs = truth.get("runs");
        // A region's stretch of runs: runs next to each other in the DOM that lie in the same region (or in none).
        int[] segment = new int[runs.size()];
        for (int r = 1; r < runs.size(); r++) {
            boolean same = runs.get(r).get("region").asInt() == runs.get(r - 1).get("region").asInt();
            segment[r] = segment[r - 1] + (same ? 0 : 1);
        }
        List<int[]> read = new ArrayList<>(); // {line, run, stretch}
        for (List<List<Integer>> block : layout.blocks()) {
            for (List<Integer> row : block) {
                for (int i : row) {
                    int best = CorpusTruth.runUnder(lines.get(i).box(), runs);
                    if (best >= 0) {
                        read.add(new int[] {i, best, segment[best]});
                    }
                }
            }
        }
        List<Integer> regionRank = new ArrayList<>();
        for (int[] line : read) {
            if (!regionRank.contains(line[2])) {
                regionRank.add(line[2]);
            }
        }
        String hypothesis = read.stream().map(a -> lines.get(a[0]).text()).collect(Collectors.joining("\n"));
        long[] best = null;
        for (boolean free : regionsFree ? new boolean[] {false, true} : new boolean[] {false}) {
            List<int[]> dom = new ArrayList<>(read);
            // Stable: the lines of one run keep the order they were read in.
            dom.sort(java.util.Comparator.<int[]>comparingInt(a -> free ? regionRank.indexOf(a[2]) : 0)
                    .thenComparingInt(a -> a[1]));
            String reference = dom.stream().map(a -> lines.get(a[0]).text()).collect(Collectors.joining("\n"));
            long length = OcrBenchmark.words(reference).stream().collect(Collectors.joining(" ")).length();
            long edits = Math.round(OcrBenchmark.score(hypothesis, reference).cer() * length);
            if (best == null || edits < best[0]) {
                best = new long[] {edits, length};
            }
        }
        return best;
    }

    /**
     * Prints a page's lines in Sightline's order, each with its block, its region, the DOM run it lies on and that
     * run's DOM region ({@code -Dsightline.corpus.dump=PACKAGE/NNN-V}), to see where an order goes wrong.
     */
    private static void dump(List<TextLine> lines, PageLayout layout, PageRegions regions, JsonNode truth) {
        JsonNode runs = truth.get("runs");
        regions.regions().forEach(r -> System.out.println("region " + r.index() + " " + r.kind().jsonName() + " "
                + r.box()));
        for (int b = 0; b < layout.blocks().size(); b++) {
            for (List<Integer> row : layout.blocks().get(b)) {
                for (int i : row) {
                    Rectangle box = lines.get(i).box();
                    int best = CorpusTruth.runUnder(box, runs);
                    System.out.printf(Locale.ROOT, "block %3d region %d run %4d dom-region %2d %4d,%4d %4dx%3d %s%n",
                            b, layout.blockRegions().get(b), best,
                            best < 0 ? -9 : runs.get(best).get("region").asInt(), box.x, box.y, box.width,
                            box.height, lines.get(i).text());
                }
            }
        }
    }

    /** The lines' text in the given order. */
    private static String text(List<TextLine> lines, PageLayout layout) {
        StringBuilder sb = new StringBuilder();
        for (List<List<Integer>> block : layout.blocks()) {
            for (List<Integer> row : block) {
                for (int i : row) {
                    sb.append(lines.get(i).text()).append('\n');
                }
            }
        }
        return sb.toString();
    }

    /** The lines' text region by region in the order asking to read the page uses (main content first). */
    private static String mainFirst(List<TextLine> lines, PageLayout layout, PageRegions regions) {
        List<List<List<Integer>>> blocks = new ArrayList<>();
        List<Integer> blockRegions = new ArrayList<>();
        for (var region : regions.contentFirst()) {
            for (int b = 0; b < layout.blocks().size(); b++) {
                if (layout.blockRegions().get(b) == region.index()) {
                    blocks.add(layout.blocks().get(b));
                    blockRegions.add(region.index());
                }
            }
        }
        return text(lines, new PageLayout(blocks, blockRegions));
    }

    /** The boxes of the page's DOM regions (landmarks and panes). */
    private static List<Rectangle> truthRegions(JsonNode truth) {
        List<Rectangle> boxes = new ArrayList<>();
        for (JsonNode r : truth.get("regions")) {
            JsonNode b = r.get("box");
            boxes.add(new Rectangle(b.get("x").asInt(), b.get("y").asInt(), b.get("width").asInt(),
                    b.get("height").asInt()));
        }
        return boxes;
    }

    /**
     * How many DOM regions holding two lines or more the order reads in one piece (no line of another region in
     * between), and how many such regions there are. A line belongs to the first region holding its centre.
     */
    private static int[] piecesWhole(List<Rectangle> boxes, PageLayout layout, List<Rectangle> regions) {
        List<Integer> sequence = new ArrayList<>();
        for (List<List<Integer>> block : layout.blocks()) {
            for (List<Integer> row : block) {
                for (int i : row) {
                    Rectangle b = boxes.get(i);
                    for (int r = 0; r < regions.size(); r++) {
                        if (regions.get(r).contains(b.getCenterX(), b.getCenterY())) {
                            sequence.add(r);
                            break;
                        }
                    }
                }
            }
        }
        int whole = 0;
        int counted = 0;
        for (int r = 0; r < regions.size(); r++) {
            int region = r;
            int first = sequence.indexOf(r);
            int last = sequence.lastIndexOf(r);
            long count = sequence.stream().filter(x -> x == region).count();
            if (count >= 2) {
                counted++;
                if (last - first + 1 == count) {
                    whole++;
                }
            }
        }
        return new int[] {whole, counted};
    }

    /** Whether two DOM regions that hold text stand side by side (a sidebar beside the content). */
    private static boolean multiPane(JsonNode truth) {
        JsonNode regions = truth.get("regions");
        List<Rectangle> withText = new ArrayList<>();
        for (int r = 0; r < regions.size(); r++) {
            int index = r;
            boolean hasText = false;
            for (JsonNode run : truth.get("runs")) {
                hasText |= run.get("region").asInt() == index;
            }
            if (hasText) {
                JsonNode b = regions.get(r).get("box");
                withText.add(new Rectangle(b.get("x").asInt(), b.get("y").asInt(), b.get("width").asInt(),
                        b.get("height").asInt()));
            }
        }
        for (Rectangle a : withText) {
            for (Rectangle b : withText) {
                int xOverlap = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
                int yOverlap = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
                if (a != b && xOverlap <= 8 && yOverlap >= Math.max(100, 0.3 * Math.min(a.height, b.height))) {
                    return true;
                }
            }
        }
        return false;
    }
}
