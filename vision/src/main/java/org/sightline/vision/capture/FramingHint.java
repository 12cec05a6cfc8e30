package org.sightline.vision.capture;

import org.sightline.vision.image.BlankImage;

/**
 * One thing wrong with how a picture is framed, in the order a person should fix them: a covered lens before
 * light, light before focus, focus before aiming. Each has one translated sentence to speak.
 */
public enum FramingHint {
    /** A screen capture of one flat colour: a screen curtain, a locked or sleeping screen. */
    BLANK_SCREEN(null),
    /** A camera frame of one flat colour: a covered lens, a camera facing a wall. */
    BLANK_CAMERA("framing.blankCamera"),
    TOO_DARK("framing.dark"),
    TOO_BLURRY("framing.blurry"),
    /** Text touches both the left and the right edge, or both top and bottom: the page is too close. */
    TOO_CLOSE("framing.tooClose"),
    CUT_OFF_LEFT("framing.cutLeft"),
    CUT_OFF_RIGHT("framing.cutRight"),
    CUT_OFF_TOP("framing.cutTop"),
    CUT_OFF_BOTTOM("framing.cutBottom");

    private final String key;

    FramingHint(String key) {
        this.key = key;
    }

    /** The sentence to speak, in the user's language. */
    public String message() {
        return key == null ? BlankImage.sentence() : CaptureText.get(key);
    }
}
