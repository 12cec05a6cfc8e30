package org.sightline.app.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.app.assistant.OcrReadService;
import org.sightline.app.document.DocumentViewModel.Key;
import org.sightline.i18n.Messages;
import org.sightline.models.ModelStores;
import org.sightline.speech.RecordingSpeechOutput;
import org.sightline.task.SynchronousTaskExecutor;
import org.sightline.vision.documents.TestPdfs;
import org.sightline.vision.read.TextReader;

/** Scans in the app: a folder of page images and a multi-page TIFF, read by the real OCR the window uses. */
class DocumentScansTest {

    @TempDir
    Path dir;

    private static OcrReadService ocr;
    private final RecordingSpeechOutput speech = new RecordingSpeechOutput();
    private final List<String> notices = new ArrayList<>();

    @BeforeAll
    static void load() {
        Messages.setLocale(Locale.ENGLISH);
        ocr = new OcrReadService(new TextReader(ModelStores.standard()));
    }

    @AfterAll
    static void close() {
        ocr.close();
    }

    private static BufferedImage scan(String line) {
        return TestPdfs.scan(100, 16, List.of(line));
    }

    private DocumentViewModel open(Path file) {
        DocumentViewModel[] entered = new DocumentViewModel[1];
        new DocumentOpener(new SynchronousTaskExecutor(), Runnable::run, DocumentOpener.recogniser(ocr), speech,
                notices::add, (where, text) -> { }, (name, problem) -> Optional.empty(),
                () -> new ReadingProgress(speech, System::nanoTime, ReadingProgress.GAP_NANOS))
                .open(file, vm -> entered[0] = vm);
        return entered[0];
    }

    private void assertReadPageByPage(DocumentViewModel vm, String name) {
        assertThat(notices.get(0)).startsWith("Document, " + name + ", 2 pages.");
        assertThat(speech.spoken()).anyMatch(s -> s.contains("First page says hello"));
        speech.clear();
        vm.key(Key.PAGE_DOWN, false);
        assertThat(speech.spoken()).hasSize(2).first().isEqualTo("Page 2 of 2");
        assertThat(speech.spoken().get(1)).contains("Second page says goodbye");
    }

    @Test
    void aFolderOfPageImagesIsReadInPageOrder() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("letter"));
        ImageIO.write(scan("Second page says goodbye."), "png", folder.resolve("page10.png").toFile());
        ImageIO.write(scan("First page says hello."), "png", folder.resolve("page2.png").toFile());

        assertReadPageByPage(open(folder), "letter");
    }

    @Test
    void aMultiPageTiffIsReadPageByPage() throws Exception {
        Path tiff = dir.resolve("letter.tiff");
        ImageWriter writer = ImageIO.getImageWritersByFormatName("tiff").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(tiff.toFile())) {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            writer.writeToSequence(new IIOImage(scan("First page says hello."), null, null), null);
            writer.writeToSequence(new IIOImage(scan("Second page says goodbye."), null, null), null);
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }

        assertReadPageByPage(open(tiff), "letter.tiff");
    }
}
