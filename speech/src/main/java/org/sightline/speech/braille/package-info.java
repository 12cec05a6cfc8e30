/**
 * Sightline's answers on a braille display, through BRLTTY's BrlAPI, as a speech-output sink beside the voice
 * for people who read braille without a screen reader, speaking BrlAPI's protocol itself. Absent, quietly, where
 * BRLTTY is not running.
 */
package org.sightline.speech.braille;
