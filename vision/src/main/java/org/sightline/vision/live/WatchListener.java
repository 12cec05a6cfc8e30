package org.sightline.vision.live;

/**
 * Hears what a watch finds. Called on the watcher's thread, in order; keep each call quick (hand the line to
 * speech or a queue).
 */
public interface WatchListener {

    /** A line to tell the user. */
    void onLine(LiveLine line);

    /** Something to tell the user that is not text on the screen: an interval raised, a framing hint. */
    default void onNotice(String sentence) {
    }

    /** The watch ended; called once, last. */
    default void onStopped(StopReason reason) {
    }
}
