/**
 * Reading the text in an image: the engine interface, its results (blocks of lines in reading order, with
 * boxes in image coordinates) and the listener that receives each line as soon as it is recognised.
 */
package org.sightline.vision.ocr;
