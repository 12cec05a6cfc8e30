package org.sightline.vision.documents;

/**
 * A file of pages (a PDF, a multi-page TIFF, a folder of page images), opened once and read one page at a
 * time, so a 1000-page file never has more than one page in memory.
 */
public interface PageSource extends AutoCloseable {

    /** How many pages the file has; at least one (a file with none is refused when it is opened). */
    int pageCount();

    /**
     * Page {@code index} (from 0).
     *
     * @throws org.sightline.error.SightlineException BAD_INPUT when this page cannot be read (the others may be)
     */
    SourcePage page(int index);

    @Override
    void close();
}
