package org.sightline.vision.capture;

/** Where a capture came from; shown in the transcript as what was looked at. */
public enum CaptureSource {
    SCREEN, WINDOW, REGION, CAMERA, FILE, CLIPBOARD
}
