/**
 * System-wide hotkeys that work while another program has the focus, without taking it: key chords, the
 * actions they trigger, and the JNativeHook listener that watches for them.
 */
package org.sightline.app.hotkeys;
