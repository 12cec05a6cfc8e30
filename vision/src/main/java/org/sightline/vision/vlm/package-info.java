/**
 * Describing an image and talking about it with a vision-language model: one backend interface, the providers
 * that open backends for a {@link org.sightline.vision.vlm.BackendChoice}, the conversation a backend opens, the questions a user can ask, and token streaming into spoken sentences.
 */
package org.sightline.vision.vlm;
