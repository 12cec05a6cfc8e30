package org.sightline.app.document;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.sightline.speech.Priority;
import org.sightline.speech.SpeechOutput;
import org.sightline.vision.documents.BlockKind;
import org.sightline.vision.documents.Document;
import org.sightline.vision.documents.DocumentBlock;
import org.sightline.vision.documents.DocumentLine;
import org.sightline.vision.documents.DocumentPage;
import org.sightline.vision.documents.DocumentTable;

/**
 * Document reading mode: a document walked by ear while it is still being read. Page Down and Page Up go page
 * by page ("Page 3 of 12", then its first line), Down and Up line by line across pages, Ctrl+Home and Ctrl+End
 * to the ends, H and T to the next heading or table (with Shift, the previous), go to page and find say where
 * they land. A heading is one stop however many lines it is set on, so Down never reads half a title; a table's
 * stops are its rows, and its first says the table's size ("Table, 4 rows, 3 columns") before the row.
 * Escape stops the reading while pages are still being read, keeping what was read, and otherwise leaves the
 * mode. Each page the user reaches is written to the transcript once, whole, so what was heard can be read
 * again and copied there, as the text read from an image can.
 *
 * <p>No toolkit is needed: the window passes {@link Key}s to {@link #key}, and the opener hands over pages as
 * they are read. Every method runs on the user-interface thread.
 */
public final class DocumentViewModel {

    /** The keys of the mode; FIRST and LAST are Ctrl+Home and Ctrl+End. */
    public enum Key { DOWN, UP, PAGE_DOWN, PAGE_UP, FIRST, LAST, H, T, ESCAPE }

    /** What a key did: {@code LEFT} when the mode ended and the window takes the keys back. */
    public enum Outcome { HANDLED, LEFT }

    /**
     * One stop of a page for navigation: a heading whole, or one line of any other block. {@code first} says
     * whether it starts its block.
     */
    private record Stop(String text, DocumentBlock block, boolean first) {
    }

    private final String name;
    private final SpeechOutput speech;
    private final Consumer<String> notice;
    private final BiConsumer<String, String> transcript;
    private final ReadingProgress progress;
    /** The pages already written to the transcript. */
    private final Set<Integer> transcribed = new HashSet<>();
    /** What has been read, kept whole for "Save as accessible document". */
    private final Document document = new Document();
    /** The stops of every page read, by page number; a page that could not be read has none. */
    private final TreeMap<Integer, List<Stop>> pages = new TreeMap<>();
    private final Map<Integer, String> failures = new TreeMap<>();
    private final ReadOnlyStringWrapper shown = new ReadOnlyStringWrapper("");
    private int pageCount;
    private boolean reading = true;
    /** Set once another document replaced this one: nothing more is said about it. */
    private boolean discarded;
    private Runnable stopReading = () -> { };
    /** The page the mode is on (from 1), or 0 before the first page arrives; and the stop on it. */
    private int page;
    private int stop;

    /**
     * @param name     the document's name as the user knows it (its file name)
     * @param notice   shows a sentence in the transcript and speaks it after what is being said (entering,
     *                 leaving, failures): the things a user must be able to read again
     * @param transcript writes a page the user reached into the transcript, without speaking it: where it is
     *                   from ("report.pdf, page 2 of 3") and its text
     * @param progress says how far the reading has come on a long document
     */
    public DocumentViewModel(String name, SpeechOutput speech, Consumer<String> notice,
                             BiConsumer<String, String> transcript, ReadingProgress progress) {
        this.name = Objects.requireNonNull(name);
        this.speech = Objects.requireNonNull(speech);
        this.notice = Objects.requireNonNull(notice);
        this.transcript = Objects.requireNonNull(transcript);
        this.progress = Objects.requireNonNull(progress);
    }

    public String name() {
        return name;
    }

    /** The last thing the mode said, for the window to show. */
    public ReadOnlyStringProperty shownProperty() {
        return shown.getReadOnlyProperty();
    }

    /** Whether pages are still being read. */
    public boolean isReading() {
        return reading;
    }

    /** The pages read so far, for saving. */
    public Document document() {
        return document;
    }

    /** How many pages the document has, read or not. */
    public int pageCount() {
        return pageCount;
    }

    /** The page the mode is on, from 1; 0 before any page was read. */
    public int page() {
        return page;
    }

    // ----- the reading, as the opener reports it

    /** How Escape stops the reading while it runs. */
    void whileReading(Runnable stop) {
        this.stopReading = Objects.requireNonNull(stop);
    }

    /** Another document replaces this one: its reading stops, without a word. */
    void discard() {
        discarded = true;
        if (reading) {
            stopReading.run();
        }
        reading = false;
    }

    private void tell(String sentence) {
        if (!discarded) {
            notice.accept(sentence);
        }
    }

    /** The file is open and has {@code count} pages: the mode says what it is and which keys it has. */
    void started(int count) {
        pageCount = count;
        document.onStart(count, count);
        tell(DocumentText.get("document.enter", name, count));
    }

    /** One more page read; the first one is read aloud at once, while the others are still being read. */
    void pageRead(DocumentPage read) {
        document.onPage(read);
        pages.put(read.number(), stopsOf(read));
        if (discarded) {
            return;
        }
        progress.pageRead(read.number(), pageCount);
        if (page == 0) {
            page = read.number();
            stop = 0;
            String text = read.isEmpty() ? DocumentText.get("document.blankPage") : read.text();
            shown.set(text);
            speech.speak(text, Priority.NORMAL);
            transcribe(read.number());
        }
    }

    /**
     * Writes page {@code number} to the transcript the first time the user reaches it: one block per page (its
     * blocks one per line), however often the user comes back to it.
     */
    private void transcribe(int number) {
        if (discarded || !transcribed.add(number)) {
            return;
        }
        String text;
        if (failures.containsKey(number)) {
            text = DocumentText.get("document.pageFailed");
        } else {
            DocumentPage read = document.pages().stream().filter(p -> p.number() == number).findFirst().orElseThrow();
            text = read.isEmpty() ? DocumentText.get("document.blankPage")
                    : String.join("\n", read.blocks().stream().map(DocumentBlock::text).toList());
        }
        transcript.accept(DocumentText.get("document.transcriptPage", name, number, pageCount), text);
    }

    void pageFailed(int number, String message) {
        document.onPageFailed(number, message);
        failures.put(number, message);
        pages.put(number, List.of());
    }

    /** Every page has been read: the pages that could not be are named once. */
    void finished() {
        reading = false;
        if (!discarded) {
            progress.finished(pageCount);
        }
        if (!failures.isEmpty()) {
            tell(DocumentText.get("document.failedPages", failures.size(), numbers(failures.keySet())));
        }
        if (document.pages().stream().allMatch(DocumentPage::isEmpty)) {
            tell(DocumentText.get("document.noText"));
        }
    }

    /** Escape stopped the reading: what was read stays. */
    void stopped() {
        reading = false;
        tell(DocumentText.get("document.stopped", document.pages().size(), pageCount));
    }

    /** The reading failed part way; {@code message} says why, for the user. */
    void failed(String message) {
        reading = false;
        tell(DocumentText.get("document.failed", message, document.pages().size()));
    }

    // ----- keys

    public Outcome key(Key key, boolean shift) {
        if (key == Key.ESCAPE) {
            // As everywhere in Sightline, Escape silences first; what it did is said after.
            speech.stop();
            if (reading) {
                stopReading.run();
                return Outcome.HANDLED;
            }
            tell(DocumentText.get("document.left", name));
            return Outcome.LEFT;
        }
        if (page == 0) {
            say(DocumentText.get("document.noneYet"));
            return Outcome.HANDLED;
        }
        switch (key) {
            case DOWN -> moveStop(1);
            case UP -> moveStop(-1);
            case PAGE_DOWN -> movePage(1);
            case PAGE_UP -> movePage(-1);
            case FIRST -> enter(pages.firstKey(), false);
            case LAST -> enter(pages.lastKey(), true);
            case H -> jump(b -> b.kind() == BlockKind.HEADING, shift, "Heading");
            case T -> jump(DocumentViewModel::isTable, shift, "Table");
            default -> throw new IllegalStateException(key.name());
        }
        return Outcome.HANDLED;
    }

    /** Goes to the page the user typed; a number outside the document is said, and nothing moves. */
    public void goToPage(String typed) {
        String t = typed == null ? "" : typed.strip();
        int number = t.matches("\\d{1,9}") ? Integer.parseInt(t) : 0;
        if (number < 1 || number > pageCount) {
            say(DocumentText.get("document.goTo.bad", pageCount));
            return;
        }
        if (page == 0) {
            say(DocumentText.get("document.noneYet"));
            return;
        }
        enter(number, false);
    }

    /**
     * Finds {@code text} (ignoring case) after the stop the mode is on, going round to the start after the last
     * page read, and says the page and line it is on.
     */
    public void find(String text) {
        String wanted = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (wanted.isEmpty()) {
            say(DocumentText.get("document.find.empty"));
            return;
        }
        List<int[]> order = new ArrayList<>();
        pages.forEach((number, stops) -> addStops(order, number, stops));
        // Starting after the current stop, and coming back round to it last.
        int from = 0;
        while (from < order.size() && !(order.get(from)[0] == page && order.get(from)[1] == stop)) {
            from++;
        }
        for (int i = 1; i <= order.size(); i++) {
            int[] at = order.get((from + i) % order.size());
            Stop s = pages.get(at[0]).get(at[1]);
            if (s.text().toLowerCase(Locale.ROOT).contains(wanted)) {
                page = at[0];
                stop = at[1];
                say(DocumentText.get("document.find.found", page, stop + 1, s.text()));
                transcribe(page);
                return;
            }
        }
        say(DocumentText.get("document.find.notFound"));
    }

    private static void addStops(List<int[]> order, int number, List<Stop> stops) {
        for (int i = 0; i < stops.size(); i++) {
            order.add(new int[] {number, i});
        }
    }

    private void moveStop(int step) {
        int next = stop + step;
        if (next >= 0 && next < stops().size()) {
            stop = next;
            say(words(stops().get(stop)));
            return;
        }
        int other = page + step;
        if (other < 1 || other > pageCount) {
            say(DocumentText.get(step > 0 ? "document.end" : "document.start"));
            return;
        }
        enter(other, step < 0);
    }

    private void movePage(int step) {
        int other = page + step;
        if (other < 1 || other > pageCount) {
            say(DocumentText.get(step > 0 ? "document.lastPage" : "document.firstPage"));
            return;
        }
        enter(other, false);
    }

    /**
     * Goes to page {@code number}, on its last stop when {@code atEnd}, and says "Page 3 of 12" and that stop; a
     * page not read yet is said, and nothing moves.
     */
    private void enter(int number, boolean atEnd) {
        List<Stop> stops = pages.get(number);
        if (stops == null) {
            say(DocumentText.get(reading ? "document.notReadYet" : "document.notRead", number,
                    document.pages().size(), pageCount));
            return;
        }
        page = number;
        stop = atEnd ? Math.max(0, stops.size() - 1) : 0;
        String where = DocumentText.get("document.page", number, pageCount);
        String what = failures.containsKey(number) ? DocumentText.get("document.pageFailed")
                : stops.isEmpty() ? DocumentText.get("document.blankPage") : words(stops.get(stop));
        speech.speak(where, Priority.NOW);
        speech.speak(what, Priority.NEXT);
        shown.set(where + ": " + what);
        transcribe(number);
    }

    /** H or T: the next (or previous) stop starting a block of that kind, on this page or a later one. */
    private void jump(Predicate<DocumentBlock> kind, boolean back, String what) {
        List<Integer> numbers = new ArrayList<>(back ? pages.headMap(page, true).descendingKeySet()
                : pages.tailMap(page, true).keySet());
        for (int number : numbers) {
            List<Stop> stops = pages.get(number);
            int i = number != page ? (back ? stops.size() - 1 : 0) : stop + (back ? -1 : 1);
            for (; i >= 0 && i < stops.size(); i += back ? -1 : 1) {
                Stop s = stops.get(i);
                if (s.first() && kind.test(s.block())) {
                    boolean turned = number != page;
                    page = number;
                    stop = i;
                    if (turned) {
                        speech.speak(DocumentText.get("document.page", number, pageCount), Priority.NOW);
                        speech.speak(words(s), Priority.NEXT);
                        shown.set(DocumentText.get("document.page", number, pageCount) + ": " + words(s));
                        transcribe(number);
                    } else {
                        say(words(s));
                    }
                    return;
                }
            }
        }
        say(DocumentText.get("document.no" + (back ? "Previous" : "Next") + what));
    }

    /**
     * Whether a block is a table: the document reader marks a block as one when its pieces line up in columns
     * row by row (see the decision record 0019); its lines are then its rows as read, so Down and Up go row by row.
     */
    static boolean isTable(DocumentBlock block) {
        return block.kind() == BlockKind.TABLE;
    }

    private List<Stop> stops() {
        return pages.getOrDefault(page, List.of());
    }

    private static String words(Stop s) {
        if (s.block().kind() == BlockKind.HEADING) {
            return DocumentText.get("document.heading", s.text(), s.block().level());
        }
        if (s.first() && s.block().table().isPresent()) {
            // Arriving at a table, by T or by the arrows, its size comes first, as screen readers announce tables.
            DocumentTable table = s.block().table().get();
            return DocumentText.get("document.table", table.rowCount(), table.columnCount(), s.text());
        }
        return s.text();
    }

    /** A page as stops: each heading whole, every other line on its own (a footnote's first after its mark). */
    private static List<Stop> stopsOf(DocumentPage page) {
        List<Stop> stops = new ArrayList<>();
        for (DocumentBlock block : page.blocks()) {
            if (block.kind() == BlockKind.HEADING) {
                stops.add(new Stop(block.text(), block, true));
                continue;
            }
            List<DocumentLine> lines = block.lines();
            for (int i = 0; i < lines.size(); i++) {
                stops.add(new Stop(block.lineReading(i), block, i == 0));
            }
        }
        return stops;
    }

    private static String numbers(Set<Integer> numbers) {
        return String.join(", ", numbers.stream().map(String::valueOf).toList());
    }

    private void say(String text) {
        shown.set(text);
        speech.speak(text, Priority.NOW);
    }
}
