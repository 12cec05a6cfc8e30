package org.sightline.vision.documents.export;

import org.sightline.vision.documents.DocumentListener;

/**
 * Writes a document as its pages arrive; {@link #finish} closes what the format opened (the HTML body, the
 * JSON array). The output is flushed after every page, so a reader following the file (or a terminal) sees the
 * first page while later ones are read.
 */
public interface DocumentWriter extends DocumentListener {

    /** Ends the document; the underlying writer stays open. */
    void finish();
}
