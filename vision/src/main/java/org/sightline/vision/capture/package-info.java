/**
 * Getting pixels to look at: the screen, a monitor, the active window (remembered at key-press time), the region
 * around the pointer, a file, the clipboard and cameras (or a video or image folder standing in for one), with
 * framing help and an opt-in history. {@link org.sightline.vision.capture.Captures} is the entry point.
 */
package org.sightline.vision.capture;
