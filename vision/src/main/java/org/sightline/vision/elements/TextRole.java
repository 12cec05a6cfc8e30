package org.sightline.vision.elements;

/**
 * The role of a piece of text on a page, as the text role model tells them apart. The order is the order of
 * the model's outputs ({@code ROLES} in {@code vision/scripts/text-roles/dataset.py}).
 */
public enum TextRole {
    /** Running text, code, captions, table cells. */
    TEXT(ElementType.TEXT, 0),
    HEADING_1(ElementType.HEADING, 1),
    HEADING_2(ElementType.HEADING, 2),
    /** A heading of level 3 or deeper. */
    HEADING_3(ElementType.HEADING, 3),
    /** A link in the content. */
    LINK(ElementType.LINK, 0),
    /** A link in a navigation pane, menu or header bar (a table of contents, a site menu). */
    NAVIGATION(ElementType.LINK, 0),
    /** The text of a button. */
    BUTTON(ElementType.BUTTON, 0),
    /** A field's label, placeholder or value. */
    FIELD_LABEL(ElementType.TEXT, 0);

    private final ElementType elementType;
    private final int headingLevel;

    TextRole(ElementType elementType, int headingLevel) {
        this.elementType = elementType;
        this.headingLevel = headingLevel;
    }

    /** The element a piece of text with this role becomes in the element map. */
    public ElementType elementType() {
        return elementType;
    }

    /** 1, 2 or 3 (3 and deeper) for headings, 0 for the rest. */
    public int headingLevel() {
        return headingLevel;
    }
}
