package org.sightline.app.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.app.document.DocumentViewModel.Key;
import org.sightline.app.document.DocumentViewModel.Outcome;
import org.sightline.i18n.Messages;
import org.sightline.speech.Priority;
import org.sightline.speech.RecordingSpeechOutput;
import org.sightline.task.SynchronousTaskExecutor;

/** Document reading mode by its keys, over a real PDF read by the real document reader, without a toolkit. */
class DocumentViewModelTest {

    @TempDir
    Path dir;

    private final RecordingSpeechOutput speech = new RecordingSpeechOutput();
    private final List<String> notices = new ArrayList<>();
    private final List<String> transcribed = new ArrayList<>();

    @BeforeAll
    static void english() {
        Messages.setLocale(Locale.ENGLISH);
    }

    /** Opens {@code file} as the window does, reading every page before returning. */
    private DocumentViewModel open(Path file) {
        DocumentViewModel[] entered = new DocumentViewModel[1];
        opener((name, problem) -> Optional.empty()).open(file, vm -> entered[0] = vm);
        return entered[0];
    }

    private DocumentOpener opener(DocumentOpener.PasswordPrompt passwords) {
        return new DocumentOpener(new SynchronousTaskExecutor(), Runnable::run, (image, context) -> {
            throw new AssertionError("a page with a text layer needs no OCR");
        }, speech, text -> {
            notices.add(text);
            speech.speak(text, Priority.NEXT);
        }, (where, text) -> transcribed.add(where + ": " + text), passwords, () -> new ReadingProgress(speech, System::nanoTime,
                ReadingProgress.GAP_NANOS));
    }

    /** What a key said: the utterances it made. */
    private List<String> saidAfter(Runnable key) {
        speech.clear();
        key.run();
        return speech.spoken();
    }

    @Test
    void entersWithTheKeysAndReadsTheFirstPageAtOnce() {
        DocumentViewModel vm = open(TestDocuments.report(dir));

        assertThat(notices.get(0)).isEqualTo("Document, report.pdf, 3 pages. Page Down for the next page, H for the "
                + "next heading, T for the next table, Down for the next line, Ctrl+G to go to a page, Ctrl+F to find, "
                + "Ctrl+S to save as an accessible document, Escape to leave.");
        assertThat(speech.spoken()).containsSubsequence(notices.get(0),
                "Annual Report\n\nThe year began quietly. Sales rose in spring.\n\nCosts\n\nRent went up.");
        assertThat(vm.isReading()).isFalse();
        assertThat(vm.page()).isEqualTo(1);
        assertThat(vm.shownProperty().get()).startsWith("Annual Report");
    }

    @Test
    void pagesLinesAndEndsByKeys() {
        DocumentViewModel vm = open(TestDocuments.report(dir));

        assertThat(saidAfter(() -> vm.key(Key.PAGE_DOWN, false))).containsExactly("Page 2 of 3",
                "Staff, heading level 2");
        assertThat(saidAfter(() -> vm.key(Key.DOWN, false))).containsExactly("Four people joined.");
        assertThat(saidAfter(() -> vm.key(Key.PAGE_DOWN, false))).containsExactly("Page 3 of 3",
                "The end of the report.");
        assertThat(saidAfter(() -> vm.key(Key.PAGE_DOWN, false))).containsExactly("Last page.");
        assertThat(saidAfter(() -> vm.key(Key.DOWN, false))).containsExactly("End of the document.");
        // Up from the top of a page goes to the last line of the page before.
        assertThat(saidAfter(() -> vm.key(Key.UP, false))).containsExactly("Page 2 of 3",
                "Invoice number 4471 is paid.");
        assertThat(saidAfter(() -> vm.key(Key.FIRST, false))).containsExactly("Page 1 of 3",
                "Annual Report, heading level 1");
        assertThat(saidAfter(() -> vm.key(Key.PAGE_UP, false))).containsExactly("First page.");
        assertThat(saidAfter(() -> vm.key(Key.UP, false))).containsExactly("Start of the document.");
        assertThat(saidAfter(() -> vm.key(Key.DOWN, false))).containsExactly("The year began quietly.");
        assertThat(saidAfter(() -> vm.key(Key.LAST, false))).containsExactly("Page 3 of 3",
                "The end of the report.");
        assertThat(vm.shownProperty().get()).isEqualTo("Page 3 of 3: The end of the report.");
    }

    @Test
    void headingsWithTheirLevelAndTables() {
        DocumentViewModel vm = open(TestDocuments.report(dir));

        assertThat(saidAfter(() -> vm.key(Key.H, false))).containsExactly("Costs, heading level 2");
        assertThat(saidAfter(() -> vm.key(Key.H, false))).containsExactly("Page 2 of 3", "Staff, heading level 2");
        assertThat(saidAfter(() -> vm.key(Key.H, false))).containsExactly("No next heading.");
        assertThat(saidAfter(() -> vm.key(Key.H, true))).containsExactly("Page 1 of 3", "Costs, heading level 2");
        assertThat(saidAfter(() -> vm.key(Key.H, true))).containsExactly("Annual Report, heading level 1");
        assertThat(saidAfter(() -> vm.key(Key.H, true))).containsExactly("No previous heading.");
        assertThat(saidAfter(() -> vm.key(Key.T, false))).containsExactly("No next table.");
    }

    @Test
    void tJumpsByTableSayingItsSizeAndTheArrowsGoRowByRow() {
        DocumentViewModel vm = open(TestDocuments.tables(dir));

        assertThat(speech.spoken()).contains("The kitchen sells a few things at cost.\n\nRow 1: Item; Price; Stock\n"
                + "Row 2: Item, Tea; Price, 4.50; Stock, 12\nRow 3: Item, Coffee; Price, 3.20; Stock, 7\n"
                + "Row 4: Item, Cake; Price, 2.80; Stock, 3\n\nPay at the desk by the door.");
        assertThat(saidAfter(() -> vm.key(Key.T, false))).containsExactly(
                "Table, 4 rows, 3 columns. Row 1: Item; Price; Stock");
        assertThat(saidAfter(() -> vm.key(Key.DOWN, false))).containsExactly(
                "Row 2: Item, Tea; Price, 4.50; Stock, 12");
        assertThat(saidAfter(() -> vm.key(Key.DOWN, false))).containsExactly(
                "Row 3: Item, Coffee; Price, 3.20; Stock, 7");
        assertThat(saidAfter(() -> vm.key(Key.UP, false))).containsExactly(
                "Row 2: Item, Tea; Price, 4.50; Stock, 12");
        assertThat(saidAfter(() -> vm.key(Key.T, false))).containsExactly("Page 2 of 2",
                "Table, 3 rows, 3 columns. Row 1: Monday; Swimming; 7:00");
        assertThat(saidAfter(() -> vm.key(Key.DOWN, false))).containsExactly("Row 2: Tuesday; Running; 6:30");
        assertThat(saidAfter(() -> vm.key(Key.T, false))).containsExactly("No next table.");
        assertThat(saidAfter(() -> vm.key(Key.T, true))).containsExactly(
                "Table, 3 rows, 3 columns. Row 1: Monday; Swimming; 7:00");
        assertThat(saidAfter(() -> vm.key(Key.T, true))).containsExactly("Page 1 of 2",
                "Table, 4 rows, 3 columns. Row 1: Item; Price; Stock");
        assertThat(saidAfter(() -> vm.key(Key.T, true))).containsExactly("No previous table.");
        // Up from the table's first row leaves it: the paragraph above is read as it is.
        assertThat(saidAfter(() -> vm.key(Key.UP, false))).containsExactly("The kitchen sells a few things at cost.");
        assertThat(saidAfter(() -> vm.find("coffee"))).containsExactly(
                "Found on page 1, line 4: Row 3: Item, Coffee; Price, 3.20; Stock, 7");
    }

    @Test
    void goToPageAndFindSayWhereTheyLand() {
        DocumentViewModel vm = open(TestDocuments.report(dir));

        assertThat(saidAfter(() -> vm.goToPage(" 3 "))).containsExactly("Page 3 of 3", "The end of the report.");
        assertThat(saidAfter(() -> vm.goToPage("9"))).containsExactly("Type a page number from 1 to 3.");
        assertThat(saidAfter(() -> vm.goToPage("two"))).containsExactly("Type a page number from 1 to 3.");
        assertThat(vm.page()).isEqualTo(3);

        // Find goes round past the end to the start.
        assertThat(saidAfter(() -> vm.find("INVOICE number"))).containsExactly(
                "Found on page 2, line 3: Invoice number 4471 is paid.");
        assertThat(saidAfter(() -> vm.find("invoice number"))).as("the only match, found again")
                .containsExactly("Found on page 2, line 3: Invoice number 4471 is paid.");
        assertThat(saidAfter(() -> vm.key(Key.DOWN, false))).containsExactly("Page 3 of 3",
                "The end of the report.");
        assertThat(saidAfter(() -> vm.find("zebra"))).containsExactly("Not found.");
        assertThat(saidAfter(() -> vm.find("  "))).containsExactly("Type the text to find first.");
    }

    @Test
    void footnotesAreReadAfterThePageWithTheirMark() {
        DocumentViewModel vm = open(TestDocuments.footnoted(dir));

        assertThat(speech.spoken()).contains("The survey of this year asked what readers want\u00b9 and most asked "
                + "for larger print.\n\nFootnote 1: The survey asked 200 readers by telephone.");
        assertThat(saidAfter(() -> vm.key(Key.DOWN, false))).containsExactly("and most asked for larger print.");
        assertThat(saidAfter(() -> vm.key(Key.DOWN, false)))
                .containsExactly("Footnote 1: The survey asked 200 readers by telephone.");
        assertThat(saidAfter(() -> vm.key(Key.DOWN, false))).containsExactly("Page 2 of 2", "The second page.");
    }

    @Test
    void eachPageReachedIsWrittenToTheTranscriptOnce() {
        DocumentViewModel vm = open(TestDocuments.report(dir));
        assertThat(transcribed).containsExactly("report.pdf, page 1 of 3: Annual Report\nThe year began quietly. "
                + "Sales rose in spring.\nCosts\nRent went up.");

        vm.key(Key.PAGE_DOWN, false);
        vm.key(Key.DOWN, false);
        vm.key(Key.PAGE_UP, false);
        vm.key(Key.PAGE_DOWN, false);
        vm.find("4471");

        assertThat(transcribed).containsExactly("report.pdf, page 1 of 3: Annual Report\nThe year began quietly. "
                + "Sales rose in spring.\nCosts\nRent went up.",
                "report.pdf, page 2 of 3: Staff\nFour people joined.\nInvoice number 4471 is paid.");
        vm.key(Key.LAST, false);
        assertThat(transcribed).last().isEqualTo("report.pdf, page 3 of 3: The end of the report.");
    }

    @Test
    void escapeLeavesOnceTheReadingIsDone() {
        DocumentViewModel vm = open(TestDocuments.report(dir));

        assertThat(vm.key(Key.ESCAPE, false)).isEqualTo(Outcome.LEFT);
        assertThat(notices).last().isEqualTo("Left the document report.pdf.");
    }
}
