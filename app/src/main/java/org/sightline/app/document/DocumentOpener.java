package org.sightline.app.document;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.sightline.app.AppText;
import org.sightline.app.assistant.OcrReadService;
import org.sightline.app.assistant.ReadService;
import org.sightline.error.Problem;
import org.sightline.error.SightlineException;
import org.sightline.speech.SpeechOutput;
import org.sightline.task.Task;
import org.sightline.task.TaskExecutor;
import org.sightline.task.TaskListener;
import org.sightline.vision.documents.DocumentFiles;
import org.sightline.vision.documents.DocumentListener;
import org.sightline.vision.documents.DocumentPage;
import org.sightline.vision.documents.DocumentReader;
import org.sightline.vision.documents.PageRange;
import org.sightline.vision.documents.PageRecogniser;
import org.sightline.vision.documents.PageSource;
import org.sightline.vision.ocr.OcrListener;

/**
 * Opens a document and reads it on the executor, page by page, into a {@link DocumentViewModel}: the mode starts
 * as soon as the file is open, each page reaches it as soon as it is read, so the first page is spoken while the
 * others are still being read. An encrypted PDF asks for its password (again after a wrong one); a file that
 * cannot be opened at all gets one sentence, and the window goes on as before.
 */
public final class DocumentOpener {

    /** Asks for a document's password on the user-interface thread; empty when the user cancelled. */
    @FunctionalInterface
    public interface PasswordPrompt {
        /** @param problem what was wrong with the password given before, or null the first time */
        Optional<String> ask(String documentName, String problem);
    }

    private final TaskExecutor executor;
    private final Executor uiThread;
    private final PageRecogniser ocr;
    private final SpeechOutput speech;
    private final Consumer<String> notice;
    private final BiConsumer<String, String> transcript;
    private final PasswordPrompt passwords;
    private final Supplier<ReadingProgress> progress;

    /**
     * @param uiThread runs the reading's news on the user-interface thread ({@code Platform::runLater} in the
     *                 app, {@code Runnable::run} in tests); the executor must call back on the same thread
     * @param notice   shows and speaks a sentence the user must be able to read again
     * @param transcript writes a page the user reached into the transcript (see {@link DocumentViewModel})
     * @param progress a new progress announcer for each document
     */
    public DocumentOpener(TaskExecutor executor, Executor uiThread, PageRecogniser ocr, SpeechOutput speech,
                          Consumer<String> notice, BiConsumer<String, String> transcript, PasswordPrompt passwords,
                          Supplier<ReadingProgress> progress) {
        this.executor = Objects.requireNonNull(executor);
        this.uiThread = Objects.requireNonNull(uiThread);
        this.ocr = Objects.requireNonNull(ocr);
        this.speech = Objects.requireNonNull(speech);
        this.notice = Objects.requireNonNull(notice);
        this.transcript = Objects.requireNonNull(transcript);
        this.passwords = Objects.requireNonNull(passwords);
        this.progress = Objects.requireNonNull(progress);
    }

    /**
     * The OCR the app reads scanned pages with: the warm reader when this build has one; otherwise a scanned
     * page stops the reading with the reader's own sentence for what is missing.
     */
    public static PageRecogniser recogniser(ReadService reader) {
        if (reader instanceof OcrReadService ocr) {
            return (image, context) -> ocr.reader().read(image, OcrListener.NONE, context);
        }
        return (image, context) -> {
            throw new SightlineException(Problem.MODEL_MISSING, DocumentText.get("document.noOcr"));
        };
    }

    /** Whether {@code path} is opened as a document (a PDF, a TIFF, a folder of pages) rather than as an image. */
    public static boolean isDocument(Path path) {
        return DocumentFiles.isDocument(path);
    }

    /**
     * Opens {@code file} and reads it; {@code entered} gets the reading mode, on the user-interface thread, once
     * the file is open.
     */
    public void open(Path file, Consumer<DocumentViewModel> entered) {
        open(file, null, entered);
    }

    private void open(Path file, String password, Consumer<DocumentViewModel> entered) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        DocumentViewModel[] mode = new DocumentViewModel[1];
        Task<Void> task = context -> {
            try (PageSource source = DocumentFiles.open(file, password)) {
                new DocumentReader(ocr).read(source, PageRange.ALL, new DocumentListener() {
                    @Override
                    public void onStart(int pageCount, int selected) {
                        uiThread.execute(() -> {
                            mode[0] = new DocumentViewModel(name, speech, notice, transcript, progress.get());
                            // Escape cancels through the task's own token: no handle is needed, and none exists yet
                            // while the synchronous executor of tests is still inside submit.
                            mode[0].whileReading(() -> context.cancellation().cancel());
                            entered.accept(mode[0]);
                            mode[0].started(pageCount);
                        });
                    }

                    @Override
                    public void onPage(DocumentPage page) {
                        uiThread.execute(() -> mode[0].pageRead(page));
                    }

                    @Override
                    public void onPageFailed(int number, String message) {
                        uiThread.execute(() -> mode[0].pageFailed(number, message));
                    }
                }, context);
            }
            return null;
        };
        executor.submit(task, new TaskListener<>() {
            @Override
            public void succeeded(Void nothing) {
                if (mode[0] != null) {
                    mode[0].finished();
                }
            }

            @Override
            public void cancelled() {
                if (mode[0] != null) {
                    mode[0].stopped();
                }
            }

            @Override
            public void failed(Throwable error) {
                if (mode[0] != null) {
                    mode[0].failed(AppText.userMessage(error));
                } else if (isLocked(error)) {
                    askPassword(file, name, password, entered);
                } else {
                    notice.accept(AppText.userMessage(error));
                }
            }
        });
    }

    private void askPassword(Path file, String name, String tried, Consumer<DocumentViewModel> entered) {
        Optional<String> password = passwords.ask(name, tried == null ? null : DocumentText.get("password.wrong"));
        if (password.isEmpty()) {
            notice.accept(DocumentText.get("password.cancelled", name));
            return;
        }
        open(file, password.get(), entered);
    }

    /** Whether opening failed only for the want of the right password. */
    private static boolean isLocked(Throwable error) {
        return error instanceof SightlineException e && e.problem() == Problem.BAD_INPUT
                && e.getCause() instanceof InvalidPasswordException;
    }
}
