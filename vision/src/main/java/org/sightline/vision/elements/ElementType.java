package org.sightline.vision.elements;

import java.util.Locale;

/** What an element of the screen is, as a screen reader would call it. */
public enum ElementType {
    HEADING, LINK, BUTTON, FIELD, CHECKBOX, RADIO, IMAGE, TEXT;

    /** The lower-case name used in JSON ("heading", "link", ...). */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True for the types a click makes sense on. */
    public boolean isClickable() {
        return this == LINK || this == BUTTON || this == FIELD || this == CHECKBOX || this == RADIO;
    }

    /** True for form controls (the F key of browse mode). */
    public boolean isFormField() {
        return this == FIELD || this == CHECKBOX || this == RADIO;
    }
}
