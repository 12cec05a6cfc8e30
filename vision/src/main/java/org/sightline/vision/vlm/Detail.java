package org.sightline.vision.vlm;

/**
 * How closely a local model looks at an image. Each 512x512 view the vision encoder sees costs seconds on a
 * CPU, and a full-HD screen is thirteen of them, so the first words of a full look can take a minute there.
 */
public enum Detail {
    /** One view of the whole image: the first words come soonest; small text may be missed. */
    FAST,
    /**
     * As many views as let the first words come within a few seconds on this machine, measured as it runs;
     * when that is fewer than a full look, the user hears that a closer look is available.
     */
    ADAPTIVE,
    /** Every tile at the model's full resolution (up to 16 tiles and the whole image). */
    FULL
}
