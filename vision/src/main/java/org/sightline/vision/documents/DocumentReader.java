package org.sightline.vision.documents;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.sightline.error.Problem;
import org.sightline.error.SightlineException;
import org.sightline.task.Progress;
import org.sightline.task.TaskContext;
import org.sightline.vision.ocr.OcrResult;
import org.sightline.vision.ocr.TextBlock;
import org.sightline.vision.ocr.TextLine;
import org.sightline.vision.ocr.layout.PageLayout;
import org.sightline.vision.ocr.layout.ReadingOrder;

/**
 * Reads a document page by page: a page with a usable text layer is put in reading order from the layer's
 * positions (columns one after the other, by the same XY-cut that orders OCR lines); a page without one, or
 * with a garbage one, is drawn and read by OCR. Each page is structured (headings, list items, footnotes after
 * the body, running headers and footers set apart) and handed to the listener before the next is read, so
 * speech can start on the first page; cancelling stops between pages (and inside OCR), keeping what was read.
 * A page that cannot be read is reported and skipped.
 */
public final class DocumentReader {

    /** A page number further than this many times its type's size from the rest of its row stands apart. */
    private static final double WIDE_GAP = 3;

    private final PageRecogniser ocr;

    public DocumentReader(PageRecogniser ocr) {
        this.ocr = ocr;
    }

    /**
     * Reads the pages of {@code source} in {@code range}.
     *
     * @throws SightlineException BAD_INPUT when the range selects no page of the document
     * @throws org.sightline.task.CancelledException when {@code context} is cancelled
     */
    public void read(PageSource source, PageRange range, DocumentListener listener, TaskContext context) {
        int count = source.pageCount();
        int selected = range.selected(count);
        if (selected == 0) {
            throw new SightlineException(Problem.BAD_INPUT,
                    DocumentFiles.MESSAGES.get("pages.outside", range.first(), count));
        }
        listener.onStart(count, selected);
        RunningLines running = new RunningLines();
        PageFootnotes footnotes = new PageFootnotes();
        int done = 0;
        for (int number = range.first(); number <= Math.min(range.last(), count); number++) {
            context.cancellation().throwIfCancelled();
            context.progress(new Progress(done, selected,
                    DocumentFiles.MESSAGES.get("progress.page", number, count)));
            try {
                listener.onPage(readPage(source, number, running, footnotes, context));
            } catch (SightlineException e) {
                if (e.problem() != Problem.BAD_INPUT) {
                    throw e;
                }
                listener.onPageFailed(number, e.getMessage());
            }
            done++;
        }
        context.progress(new Progress(selected, selected, DocumentFiles.MESSAGES.get("progress.done", selected)));
    }

    private DocumentPage readPage(PageSource source, int number, RunningLines running, PageFootnotes footnotes,
                                  TaskContext context) {
        SourcePage page = source.page(number - 1);
        TextLayer layer = page.layer();
        if (TextLayerCheck.isUsable(layer)) {
            Map<DocumentLine, DocumentBlock> tables = new IdentityHashMap<>();
            // Footnotes first: a note across the foot of the page must not become part of a column.
            PageFootnotes.Split split = footnotes.split(layer.runs(), layer.height());
            List<List<DocumentLine>> blocks = ordered(split.body(), tables, layer.height());
            return build(number, layer.width(), layer.height(), layer.dpi(), PageOrigin.TEXT_LAYER, blocks, tables,
                    split.notes(), running);
        }
        BufferedImage image = Deskew.straighten(page.image().get());
        int dpi = (int) Math.round(layer.dpi() * (double) image.getWidth() / Math.max(1, layer.width()));
        List<List<DocumentLine>> blocks;
        List<DocumentBlock> notes = List.of();
        Map<DocumentLine, DocumentBlock> tables = new IdentityHashMap<>();
        try {
            OcrResult result = ocr.recognise(image, context);
            // Footnotes first, as on a text layer: their lines are left out of the body's blocks and tables.
            Map<TextLine, DocumentLine> asLines = new IdentityHashMap<>();
            result.lines().stream().filter(l -> !l.text().isBlank()).forEach(l -> asLines.put(l, ocrLine(l)));
            PageFootnotes.Split split = PageFootnotes.scanned(new ArrayList<>(asLines.values()), image.getHeight(),
                    PageFootnotes.Rules.in(image));
            Map<DocumentLine, Boolean> body = new IdentityHashMap<>();
            split.body().forEach(l -> body.put(l, true));
            blocks = fromOcr(result, tables, line -> !body.containsKey(asLines.get(line)));
            notes = split.notes();
        } catch (SightlineException e) {
            if (e.problem() != Problem.BAD_INPUT) {
                throw e;
            }
            // A blank page: nothing to read on it, which is not a failure.
            blocks = List.of();
        }
        return build(number, image.getWidth(), image.getHeight(), dpi, PageOrigin.OCR, blocks, tables, notes,
                running);
    }

    /**
     * The page from its blocks of lines; a block whose lines are the rows of a table in {@code tables} (each row
     * line to its table) becomes that table, and is never taken for running headers or footers; the footnotes
     * {@code notes} come after the body, before what stands below them.
     */
    private static DocumentPage build(int number, int width, int height, int dpi, PageOrigin origin,
                                      List<List<DocumentLine>> blocks, Map<DocumentLine, DocumentBlock> tables,
                                      List<DocumentBlock> notes, RunningLines running) {
        RunningLines.Split split = running.split(blocks, height, tables::containsKey);
        List<DocumentBlock> content = new ArrayList<>(PageStructure.of(split.content(), tables));
        // What stands below the notes (a footer that differs from page to page) is read after them.
        int notesTop = notes.stream().mapToInt(n -> n.lines().get(0).box().y).min().orElse(Integer.MAX_VALUE);
        int at = content.size();
        while (at > 0 && content.get(at - 1).lines().stream().allMatch(l -> l.box().y > notesTop)) {
            at--;
        }
        content.addAll(at, notes);
        return new DocumentPage(number, width, height, dpi, origin, content, split.furniture(), split.label());
    }

    /**
     * The runs of a text layer as blocks of lines in reading order: the page's columns first, then the XY-cut
     * within each; each row of a block is one line. Tables (see {@link PageTables}) are taken out of a column
     * before the cut, which would read a narrow table column by column, and put back as a block of their own
     * before the first block that starts below their top; their lines are their rows as read, each put in
     * {@code tables} with the table.
     */
    static List<List<DocumentLine>> ordered(List<DocumentLine> runs, Map<DocumentLine, DocumentBlock> tables,
                                           int pageHeight) {
        List<List<DocumentLine>> blocks = new ArrayList<>();
        for (List<DocumentLine> group : PageColumns.groups(runs)) {
            List<List<DocumentLine>> rows = PageTables.rows(group);
            List<PageTables.Found> found = PageTables.find(rows);
            Map<DocumentLine, Boolean> inTable = new IdentityHashMap<>();
            for (PageTables.Found f : found) {
                rows.subList(f.from(), f.to()).forEach(row -> row.forEach(piece -> inTable.put(piece, true)));
            }
            List<DocumentLine> rest = group.stream().filter(r -> !inTable.containsKey(r)).toList();
            List<List<DocumentLine>> own = new ArrayList<>();
            if (!rest.isEmpty()) {
                PageLayout layout = ReadingOrder.of(rest.stream().map(DocumentLine::box).toList());
                for (List<List<Integer>> block : layout.blocks()) {
                    List<DocumentLine> lines = new ArrayList<>();
                    for (List<Integer> row : block) {
                        apart(row.stream().map(rest::get).toList(), pageHeight).forEach(part -> lines.add(joinRow(part)));
                    }
                    own.add(lines);
                }
            }
            insertTables(found, own, tables);
            blocks.addAll(own);
        }
        return blocks;
    }

    /**
     * Puts each table found into {@code blocks} as a block of its own, before the first block that starts
     * below its top, and each of its lines into {@code tables} with the table.
     */
    private static void insertTables(List<PageTables.Found> found, List<List<DocumentLine>> blocks,
                                     Map<DocumentLine, DocumentBlock> tables) {
        for (PageTables.Found f : found) {
            List<DocumentLine> lines = f.table().lines();
            lines.forEach(line -> tables.put(line, f.table()));
            int top = lines.get(0).box().y;
            int at = 0;
            while (at < blocks.size() && (tables.containsKey(blocks.get(at).get(0)) || top(blocks.get(at)) <= top)) {
                at++;
            }
            blocks.add(at, lines);
        }
    }

    private static int top(List<DocumentLine> block) {
        return block.stream().mapToInt(l -> l.box().y).min().orElse(0);
    }

    /**
     * A row's runs (left to right) in the pieces that stand apart on it: at the page's top or bottom edge, a page
     * number a wide space (more than {@code WIDE_GAP} times the type's size) from the running header at the other
     * margin is a line of its own, so it is recognised as the page number. Other runs far apart on a row (a
     * definition and its category at the right margin, a contents entry and its page) stay one line.
     */
    private static List<List<DocumentLine>> apart(List<DocumentLine> row, int pageHeight) {
        List<List<DocumentLine>> parts = new ArrayList<>();
        List<DocumentLine> part = new ArrayList<>();
        DocumentLine previous = null;
        for (DocumentLine run : row) {
            if (previous != null) {
                int gap = run.box().x - (previous.box().x + previous.box().width);
                double size = Math.max(Math.max(run.fontSize(), previous.fontSize()), 1);
                boolean atEdge = RunningLines.atEdge(run, pageHeight);
                if (gap > WIDE_GAP * size && atEdge
                        && (RunningLines.isPageNumber(run.text()) || RunningLines.isPageNumber(previous.text()))) {
                    parts.add(part);
                    part = new ArrayList<>();
                }
            }
            part.add(run);
            previous = run;
        }
        parts.add(part);
        return parts;
    }

    private static DocumentLine joinRow(List<DocumentLine> row) {
        if (row.size() == 1) {
            return row.get(0);
        }
        StringBuilder text = new StringBuilder();
        Rectangle box = null;
        DocumentLine widest = row.get(0);
        for (DocumentLine run : row) {
            TextJoin.append(text, run.text());
            box = box == null ? run.box() : box.union(run.box());
            widest = run.text().length() > widest.text().length() ? run : widest;
        }
        return new DocumentLine(text.toString(), box, widest.fontSize(), widest.bold());
    }

    /**
     * OCR lines as blocks of lines; the text height stands for the font size, and weight is unknown. The OCR's
     * blocks are rejoined where a line follows the one before it at ordinary line spacing in the same column:
     * on a scanned page the detector often gives each line of a paragraph its own block. Tables are found
     * among the text boxes as on a text layer (a line joined from several boxes is taken apart for that), and
     * put in {@code tables} as in {@link #ordered}.
     */
    static List<List<DocumentLine>> fromOcr(OcrResult result, Map<DocumentLine, DocumentBlock> tables) {
        return fromOcr(result, tables, line -> false);
    }

    /** As {@link #fromOcr(OcrResult, Map)}, leaving out the lines {@code skip} accepts (footnotes). */
    static List<List<DocumentLine>> fromOcr(OcrResult result, Map<DocumentLine, DocumentBlock> tables,
                                            Predicate<TextLine> skip) {
        Map<TextLine, List<DocumentLine>> piecesOf = new IdentityHashMap<>();
        List<DocumentLine> pieces = new ArrayList<>();
        for (TextLine line : result.lines()) {
            if (line.text().isBlank() || skip.test(line)) {
                continue;
            }
            List<DocumentLine> own = (line.pieces().isEmpty() ? List.of(line) : line.pieces()).stream()
                    .filter(p -> !p.text().isBlank()).map(DocumentReader::ocrLine).toList();
            piecesOf.put(line, own);
            pieces.addAll(own);
        }
        List<List<DocumentLine>> rows = PageTables.rows(pieces);
        List<PageTables.Found> found = PageTables.find(rows);
        Map<DocumentLine, Boolean> inTable = new IdentityHashMap<>();
        for (PageTables.Found f : found) {
            rows.subList(f.from(), f.to()).forEach(row -> row.forEach(piece -> inTable.put(piece, true)));
        }
        List<List<DocumentLine>> blocks = new ArrayList<>();
        DocumentLine previous = null;
        for (TextBlock block : result.blocks()) {
            for (TextLine line : block.lines()) {
                if (line.text().isBlank() || skip.test(line)
                        || piecesOf.get(line).stream().allMatch(inTable::containsKey)) {
                    continue;
                }
                DocumentLine current = ocrLine(line);
                if (previous == null || !continues(previous.box(), current.box())) {
                    blocks.add(new ArrayList<>());
                }
                blocks.get(blocks.size() - 1).add(current);
                previous = current;
            }
        }
        insertTables(found, blocks, tables);
        return blocks;
    }

    private static DocumentLine ocrLine(TextLine line) {
        return new DocumentLine(line.text(), line.box(), line.box().height, false);
    }

    /** Whether a line sits right under the previous one, in the same column, at about the same height. */
    private static boolean continues(Rectangle above, Rectangle below) {
        int height = Math.min(above.height, below.height);
        int gap = below.y - (above.y + above.height);
        boolean similar = Math.max(above.height, below.height) <= 1.3 * height;
        boolean sameColumn = Math.abs(above.x - below.x) <= height
                && Math.min(above.x + above.width, below.x + below.width) - Math.max(above.x, below.x) > 0;
        return similar && sameColumn && gap >= -height / 4 && gap <= 0.8 * height;
    }
}
