/** Seeing for the user: capture, text recognition, the vision-language model and the element map. */
package org.sightline.vision;
