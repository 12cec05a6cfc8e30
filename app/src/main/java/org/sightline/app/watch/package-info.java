/** Watching the active window from the app: new lines are spoken as they appear, latest first. */
package org.sightline.app.watch;
