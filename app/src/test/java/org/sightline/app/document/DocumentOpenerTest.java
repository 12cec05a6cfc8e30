package org.sightline.app.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.app.document.DocumentViewModel.Key;
import org.sightline.i18n.Messages;
import org.sightline.speech.RecordingSpeechOutput;
import org.sightline.task.SynchronousTaskExecutor;
import org.sightline.task.TaskExecutor;
import org.sightline.task.ThreadPoolTaskExecutor;
import org.sightline.vision.documents.PageRecogniser;
import org.sightline.vision.documents.TestPdfs;

/** Opening documents as the window does: passwords, damaged and false files, and Escape while pages are read. */
class DocumentOpenerTest {

    @TempDir
    Path dir;

    private final RecordingSpeechOutput speech = new RecordingSpeechOutput();
    private final List<String> notices = new CopyOnWriteArrayList<>();
    private final List<String> problemsAsked = new ArrayList<>();

    @BeforeAll
    static void english() {
        Messages.setLocale(Locale.ENGLISH);
    }

    private DocumentOpener opener(TaskExecutor executor, java.util.concurrent.Executor ui, PageRecogniser ocr,
                                  Deque<String> passwords) {
        return new DocumentOpener(executor, ui, ocr, speech, notices::add, (where, text) -> { }, (name, problem) -> {
            problemsAsked.add(name + ": " + problem);
            return Optional.ofNullable(passwords.poll());
        }, () -> new ReadingProgress(speech, System::nanoTime, ReadingProgress.GAP_NANOS));
    }

    private DocumentViewModel open(Path file, String... passwords) {
        AtomicReference<DocumentViewModel> entered = new AtomicReference<>();
        opener(new SynchronousTaskExecutor(), Runnable::run, (image, context) -> {
            throw new AssertionError("no OCR expected");
        }, new java.util.ArrayDeque<>(List.of(passwords))).open(file, entered::set);
        return entered.get();
    }

    @Test
    void anEncryptedPdfAsksForItsPasswordAgainAfterAWrongOne() {
        Path locked = TestDocuments.locked(dir, "tulip");

        DocumentViewModel vm = open(locked, "rose", "tulip");

        assertThat(problemsAsked).containsExactly("locked.pdf: null",
                "locked.pdf: That password is not right. Type it again, or press Escape.");
        assertThat(vm).isNotNull();
        assertThat(vm.document().text()).isEqualTo("The locked letter is read.");
        assertThat(speech.spoken()).contains("The locked letter is read.");
    }

    @Test
    void cancellingThePasswordSaysWhyNothingOpened() {
        Path locked = TestDocuments.locked(dir, "tulip");

        assertThat(open(locked)).isNull();

        assertThat(notices).containsExactly("Not opened: locked.pdf needs its password.");
    }

    @Test
    void aDamagedPdfReadsThePagesItCanAndSaysWhichItCouldNot() {
        DocumentViewModel vm = open(TestDocuments.damaged(dir));

        assertThat(notices).last().isEqualTo("Page 2 could not be read.");
        assertThat(vm.document().text()).isEqualTo("Page one reads well.\n\nPage three reads well.");
        speech.clear();
        vm.key(Key.PAGE_DOWN, false);
        assertThat(speech.spoken()).containsExactly("Page 2 of 3", "This page could not be read.");
        speech.clear();
        vm.key(Key.DOWN, false);
        assertThat(speech.spoken()).containsExactly("Page 3 of 3", "Page three reads well.");
    }

    @Test
    void zeroPagesAndFalsePdfsGetOneClearSentenceAndNoMode() throws Exception {
        Path empty = dir.resolve("empty.pdf");
        try (TestPdfs pdf = new TestPdfs()) {
            pdf.doc.save(empty.toFile());
        }
        Path fake = Files.writeString(dir.resolve("notes.pdf"), "Shopping: tea, milk.");

        assertThat(open(empty)).isNull();
        assertThat(open(fake)).isNull();

        assertThat(notices).containsExactly(empty + " has no pages.",
                fake + " is not a PDF: it is named like one but does not start like one.");
    }

    @Test
    void escapeWhilePagesAreReadStopsAndKeepsWhatWasRead() throws Exception {
        Path file;
        try (TestPdfs pdf = new TestPdfs()) {
            pdf.page().paragraph(56, 100, List.of("A first page with text."));
            BufferedImage scan = TestPdfs.scan(72, 14, List.of("A scanned page."));
            pdf.page().image(scan);
            pdf.page().image(scan);
            file = pdf.save(dir.resolve("mixed.pdf"));
        }
        // An OCR that works until it is cancelled: the reading is stopped while on the second page.
        PageRecogniser slowOcr = (image, context) -> {
            while (true) {
                context.cancellation().throwIfCancelled();
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }
        };
        ExecutorService ui = Executors.newSingleThreadExecutor();
        try (ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor(1, ui)) {
            AtomicReference<DocumentViewModel> entered = new AtomicReference<>();
            opener(executor, ui, slowOcr, new java.util.ArrayDeque<>()).open(file, entered::set);
            await(() -> entered.get() != null && entered.get().page() == 1);
            DocumentViewModel vm = entered.get();
            // The first page is spoken as it is entered, by a task of its own on the UI thread: wait for it, or
            // it may be heard after the key below.
            await(() -> speech.spoken().contains("A first page with text."));
            speech.clear();
            ui.submit(() -> vm.key(Key.PAGE_DOWN, false)).get();
            assertThat(speech.spoken()).containsExactly("Page 2 is not read yet; 1 of 3 pages are read so far.");
            ui.submit(() -> vm.key(Key.ESCAPE, false)).get();
            await(() -> notices.contains("Stopped reading. One page is kept of 3."));

            assertThat(ui.submit(vm::isReading).get()).isFalse();
            assertThat(ui.submit(() -> vm.document().text()).get()).isEqualTo("A first page with text.");
            speech.clear();
            ui.submit(() -> vm.key(Key.PAGE_DOWN, false)).get();
            assertThat(speech.spoken()).containsExactly("Page 2 was not read: the reading stopped after 1 of 3 pages. "
                    + "Open the document again to read it all.");
            ui.submit(() -> vm.key(Key.ESCAPE, false)).get();
            assertThat(notices).last().isEqualTo("Left the document mixed.pdf.");
        } finally {
            ui.shutdownNow();
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        Instant end = Instant.now().plus(Duration.ofSeconds(20));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("timed out");
            }
            Thread.sleep(10);
        }
    }
}
