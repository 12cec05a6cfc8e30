package org.sightline.vision.documents.export;

import java.io.Writer;
import org.sightline.vision.documents.DocumentBlock;
import org.sightline.vision.documents.DocumentPage;

/**
 * Plain text: a marker line at each page ("--- Page 3 ---"), then its blocks in reading order separated by an
 * empty line; each paragraph on one line, so a braille display or a screen reader's say-all flows through it.
 */
final class PlainTextWriter implements DocumentWriter {

    private final Writer out;

    PlainTextWriter(Writer out) {
        this.out = out;
    }

    @Override
    public void onPage(DocumentPage page) {
        StringBuilder text = new StringBuilder();
        text.append(ExportText.MESSAGES.get("txt.page", page.number())).append("\n\n");
        for (DocumentBlock block : page.blocks()) {
            text.append(block.text()).append("\n\n");
        }
        ExportText.write(out, text.toString());
        ExportText.flush(out);
    }

    @Override
    public void onPageFailed(int number, String message) {
        ExportText.write(out, ExportText.MESSAGES.get("txt.page", number) + "\n\n" + message + "\n\n");
        ExportText.flush(out);
    }

    @Override
    public void finish() {
        ExportText.flush(out);
    }
}
