/**
 * Reading text, the use case: one warm OCR engine shared by every feature that needs the text of a capture
 * (reading aloud, describing, the element map), for the app and the command line alike.
 */
package org.sightline.vision.read;
