package org.sightline.vision.live;

import org.sightline.error.Problem;

/**
 * Why a watch ended, as a sentence to say. {@code problem} is null when the user stopped it, else what went
 * wrong (the window closed, the display or the camera went away), for an exit code.
 */
public record StopReason(String message, Problem problem) {

    /** The user (or the program) asked to stop. */
    public static StopReason byUser() {
        return new StopReason(LiveText.get("watch.stopped"), null);
    }

    /** The watch could not go on. */
    public static StopReason because(Problem problem, String why) {
        return new StopReason(LiveText.get("watch.stoppedBecause", why), problem);
    }

    public boolean byUserChoice() {
        return problem == null;
    }
}
