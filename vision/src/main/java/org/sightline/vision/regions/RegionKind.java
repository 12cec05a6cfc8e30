package org.sightline.vision.regions;

import java.util.Locale;

/** What a region of a page is for, after the landmarks of HTML and ARIA. */
public enum RegionKind {
    HEADER, NAVIGATION, MAIN, COMPLEMENTARY, FOOTER;

    /** The name scripts see in JSON ("navigation"), also the suffix of its message keys. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
