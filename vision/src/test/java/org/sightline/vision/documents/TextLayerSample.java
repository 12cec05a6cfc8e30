package org.sightline.vision.documents;

import java.io.IOException;
import java.nio.file.Path;
import org.sightline.error.Problem;
import org.sightline.error.SightlineException;
import org.sightline.task.TaskContext;

/** A benchmark's sample of a real PDF, {@code FILE:FIRST-LAST}, read from its text layer alone (never by OCR). */
record TextLayerSample(Path file, String pages) {

    static TextLayerSample parse(String item) {
        int colon = item.lastIndexOf(':');
        return new TextLayerSample(Path.of(item.substring(0, colon)), item.substring(colon + 1));
    }

    Document read() throws IOException {
        Document document = new Document();
        try (PageSource source = DocumentFiles.open(file, null)) {
            new DocumentReader((image, context) -> {
                throw new SightlineException(Problem.BAD_INPUT, "text layers only");
            }).read(source, PageRange.parse(pages), document, TaskContext.none());
        }
        return document;
    }
}
