package org.sightline.vision.elements;

import java.util.Locale;

/**
 * What the pixels tell of an element's state, as a screen reader says it after the type: a disclosure's
 * triangle pointing down or its "[−]" is {@link #EXPANDED}, pointing right or "[+]" is {@link #COLLAPSED}; a
 * checkbox or radio button with a tick or a dot inside is {@link #CHECKED}, an empty one {@link #NOT_CHECKED}.
 * {@link #NONE} where the element has no such state or it cannot be seen.
 */
public enum ElementState {
    NONE, EXPANDED, COLLAPSED, CHECKED, NOT_CHECKED;

    /** The lower-case name used in JSON ("expanded", "collapsed", "checked", "not-checked"). */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
