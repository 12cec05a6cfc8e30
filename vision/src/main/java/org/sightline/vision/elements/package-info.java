/**
 * The element map of a screenshot: headings, links, buttons, fields, checkboxes, radio buttons and images
 * recovered from pixels and OCR lines, in reading order, so an inaccessible page can be browsed by keys.
 */
package org.sightline.vision.elements;
