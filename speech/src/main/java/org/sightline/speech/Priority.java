package org.sightline.speech;

/** Speech priorities in the manner of screen readers. */
public enum Priority {
    /** Interrupts and drops everything queued, then speaks at once (a new answer, an error, focus). */
    NOW,
    /** Speaks after the current utterance, ahead of everything queued. */
    NEXT,
    /** Queued behind everything else. */
    NORMAL
}
