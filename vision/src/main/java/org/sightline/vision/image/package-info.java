/** Plain image facts every capability needs before any model runs: loading a file safely, blank detection. */
package org.sightline.vision.image;
