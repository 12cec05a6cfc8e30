package org.sightline.vision.documents;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A whole document as read so far: the pages in order, and the numbers of the pages that could not be read
 * with the reason. It is also the listener that collects them, so a reading cancelled half way keeps what was
 * read.
 */
public final class Document implements DocumentListener {

    private final List<DocumentPage> pages = new ArrayList<>();
    private final Map<Integer, String> failures = new TreeMap<>();
    private int pageCount;

    @Override
    public synchronized void onStart(int count, int selected) {
        this.pageCount = count;
    }

    @Override
    public synchronized void onPage(DocumentPage page) {
        pages.add(page);
    }

    @Override
    public synchronized void onPageFailed(int number, String message) {
        failures.put(number, message);
    }

    /** How many pages the file has (read or not). */
    public synchronized int pageCount() {
        return pageCount;
    }

    public synchronized List<DocumentPage> pages() {
        return List.copyOf(pages);
    }

    /** Page number to the reason it could not be read. */
    public synchronized Map<Integer, String> failures() {
        return Map.copyOf(failures);
    }

    /** The text of every page read, pages separated by an empty line. */
    public synchronized String text() {
        return String.join("\n\n", pages.stream().map(DocumentPage::text).toList());
    }
}
