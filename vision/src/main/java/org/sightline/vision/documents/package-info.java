/**
 * Documents: PDFs, multi-page TIFF scans and folders of page images read page by page into structured text
 * (headings, paragraphs, list items, running headers and footers set apart), from a PDF's text layer where it
 * is usable and by OCR where it is missing or garbage.
 */
package org.sightline.vision.documents;
