/**
 * Sound out through javax.sound: speech audio from the engines, earcons, WAV files. Every part survives a
 * machine with no sound device: the failure is logged once and the sound goes nowhere.
 */
package org.sightline.speech.audio;
