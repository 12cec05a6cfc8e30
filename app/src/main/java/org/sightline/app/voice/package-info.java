/**
 * Sightline's own voice: speaking focus changes on Linux (where JavaFX exposes nothing to Orca), progress
 * without chatter, and answers sentence by sentence as they are generated.
 */
package org.sightline.app.voice;
