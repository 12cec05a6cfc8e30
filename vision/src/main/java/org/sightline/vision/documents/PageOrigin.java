package org.sightline.vision.documents;

/** Where a page's text came from. */
public enum PageOrigin {
    /** The PDF's own text layer, with its positions and fonts. */
    TEXT_LAYER,
    /** Sightline's OCR of the rendered page: the page had no text layer, or only a garbage one. */
    OCR
}
