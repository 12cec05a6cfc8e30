package org.sightline.vision.documents;

/**
 * What a block of a page is, for navigation (H by heading, T by table) and for export (headings as headings,
 * tables as tables, footnotes as notes).
 */
public enum BlockKind {
    HEADING,
    PARAGRAPH,
    LIST_ITEM,
    TABLE,
    /** A note set at the foot of its page; read after the page's body. */
    FOOTNOTE
}
