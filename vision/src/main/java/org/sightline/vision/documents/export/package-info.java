/**
 * Writing a read document out as an accessible file (plain text, Markdown, HTML, JSON) page by page, so a
 * long document is written while it is read: headings as headings, list items as lists, the reading order
 * fixed, and a marker at each page.
 */
package org.sightline.vision.documents.export;
