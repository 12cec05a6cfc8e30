/**
 * Reading the text in an image: the engine interface and its providers ({@link org.sightline.vision.ocr.OcrProviders}
 * finds them through ServiceLoader and loads the best available one), its results (blocks of lines in reading order, with
 * boxes in image coordinates) and the listener that receives each line as soon as it is recognised.
 */
package org.sightline.vision.ocr;
