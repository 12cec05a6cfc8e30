/**
 * Page layout from text boxes alone: which boxes form a line, which lines form a block, and the order a
 * person reads them in (columns, then top to bottom, left to right).
 */
package org.sightline.vision.ocr.layout;
