/**
 * The desktop app put together: the composition root that wires capabilities into the window, the JavaFX
 * application, global hotkeys, settings and self-voicing.
 */
package org.sightline.app.shell;
