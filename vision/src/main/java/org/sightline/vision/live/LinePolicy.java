package org.sightline.vision.live;

/** How a new line meets speech that is still going on. */
public enum LinePolicy {
    /** A new line cuts off a stale one: subtitles, where only what is on the screen now matters. */
    LATEST_FIRST,
    /** New lines wait their turn: logs and chats, where every line matters. */
    QUEUE
}
