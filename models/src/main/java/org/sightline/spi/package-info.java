/**
 * The shared mechanics of Sightline's engine registries (speech engines, OCR engines, vision-language backends):
 * implementations found through ServiceLoader and ordered best first.
 */
package org.sightline.spi;
