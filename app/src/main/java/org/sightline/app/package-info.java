/** The Sightline application: the desktop shell, the command line, hotkeys and settings. */
package org.sightline.app;
