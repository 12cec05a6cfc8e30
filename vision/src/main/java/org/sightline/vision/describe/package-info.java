/**
 * Describing a capture, the use case: the blank check, the backend the user chose, OCR text to ground and check
 * answers, and a summary of text and layout when no model is installed. The app and the command line are thin
 * adapters over it.
 */
package org.sightline.vision.describe;
