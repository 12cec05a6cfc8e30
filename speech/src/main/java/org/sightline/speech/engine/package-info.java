/**
 * Speech engines behind one interface, found by {@link java.util.ServiceLoader}: each says whether it can run
 * here and how much it is preferred, and Sightline falls back down the list when one fails.
 */
package org.sightline.speech.engine;
