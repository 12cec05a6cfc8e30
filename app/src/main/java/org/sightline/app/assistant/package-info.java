/**
 * What the desktop shell needs from Sightline's capabilities, stated as ports (capture, read, describe, the
 * active window), and the plain "not available yet" implementations used until a capability is wired in.
 */
package org.sightline.app.assistant;
