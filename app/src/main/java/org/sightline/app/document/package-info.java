/**
 * Documents in the window: a PDF, a multi-page TIFF or a folder of page images opened by Ctrl+O, "Open with" or a
 * drop, read page by page off the JavaFX thread, walked by ear in a reading mode, and saved as an accessible copy.
 */
package org.sightline.app.document;
