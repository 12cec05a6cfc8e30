/**
 * Sightline's answers on a braille display, through BRLTTY's BrlAPI, as a speech-output sink beside the voice
 * for people who read braille without a screen reader. Absent, quietly, where BRLTTY or its Java binding is not.
 */
package org.sightline.speech.braille;
