/**
 * What describe says when no vision-language model can answer: a summary of what is known for sure (the
 * title, the amount of text, its first lines, the controls found, the dominant colours and the brightness),
 * introduced as a summary of text and layout so that it is never taken for a description of a scene.
 */
package org.sightline.vision.summary;
