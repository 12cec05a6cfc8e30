/**
 * Describing an image and talking about it with a vision-language model: one backend interface, the
 * conversation it opens, the questions a user can ask, and token streaming into spoken sentences.
 */
package org.sightline.vision.vlm;
