/**
 * Journeys: Sightline used as a blind user uses it, by keys only, beside a real Chromium page under a window
 * manager, with every spoken line checked in order. Each journey's transcript goes to {@code target/journeys}.
 */
package org.sightline.app.journeys;
