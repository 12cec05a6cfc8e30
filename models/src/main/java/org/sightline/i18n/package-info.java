/** Lookup of translated user-visible strings; each module keeps its own bundle beside its code. */
package org.sightline.i18n;
