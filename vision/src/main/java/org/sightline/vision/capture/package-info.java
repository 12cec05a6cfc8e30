/** Getting pixels to look at: the screen, the active window, the region around the pointer, a camera, a file. */
package org.sightline.vision.capture;
