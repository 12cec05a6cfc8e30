package org.sightline.app.firstrun;

/** The pages of the first-run setup, in the order the user meets them. */
public enum FirstRunStep {
    WELCOME, SPEECH_ENGINE, MODELS, KEYS_TOUR, DONE;

    FirstRunStep next() {
        return this == DONE ? DONE : values()[ordinal() + 1];
    }

    FirstRunStep previous() {
        return this == WELCOME ? WELCOME : values()[ordinal() - 1];
    }

    /** 1-based position, for "step 2 of 5". */
    int number() {
        return ordinal() + 1;
    }
}
