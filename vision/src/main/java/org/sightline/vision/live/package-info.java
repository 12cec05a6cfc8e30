/**
 * Live mode: watch a window, the screen, a region or the camera and pass on only the text that changed. Each
 * frame is compared with the last one tile by tile, so a still screen costs a pixel comparison and no
 * recognition; only bands that changed are read again, through a line-image cache; and lines already told are
 * not told again, while a line that keeps changing (a percentage) is told at a bounded rate.
 */
package org.sightline.vision.live;
