package org.sightline.vision.documents;

/** What a block of a page is, for navigation (H by heading) and for export (headings as headings). */
public enum BlockKind {
    HEADING,
    PARAGRAPH,
    LIST_ITEM
}
