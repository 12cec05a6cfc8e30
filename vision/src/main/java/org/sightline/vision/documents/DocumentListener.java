package org.sightline.vision.documents;

/**
 * Receives a document page by page while it is read, so the first page can be spoken (or printed) before the
 * last is read. Called on the reading thread, pages in order; keep it quick.
 */
public interface DocumentListener {

    /** Reading starts: {@code pageCount} pages in the file, of which {@code selected} will be read. */
    default void onStart(int pageCount, int selected) {
    }

    /** One page read. */
    void onPage(DocumentPage page);

    /** Page {@code number} could not be read; {@code message} says why, for the user. */
    default void onPageFailed(int number, String message) {
    }
}
