/**
 * Keeping answers honest: blank captures are reported before any model runs, and quotes in an answer
 * that the text recognition did not find on the image are followed by a spoken caution.
 */
package org.sightline.vision.vlm.honesty;
