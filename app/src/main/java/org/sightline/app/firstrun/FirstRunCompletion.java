package org.sightline.app.firstrun;

/**
 * Where the setup records that it has run, so it opens by itself only once. The app maps this onto its
 * settings file; Shift+F1 replays the setup whatever this says.
 */
public interface FirstRunCompletion {

    /** How the setup ended. */
    enum Outcome {
        /** Every step was seen. */
        FINISHED,
        /** The user left early with Escape; they can replay it with Shift+F1. */
        SKIPPED
    }

    boolean isCompleted();

    void record(Outcome outcome);
}
