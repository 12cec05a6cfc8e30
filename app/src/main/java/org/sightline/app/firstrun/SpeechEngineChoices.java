package org.sightline.app.firstrun;

import java.util.List;

/**
 * The speech engines the user can choose from during setup. The app backs this with the speech registry;
 * the setup only needs names, a way to hear each one, and a way to keep one.
 */
public interface SpeechEngineChoices {

    /** One engine as the user sees it. {@code unavailableReason} is null when it can speak here. */
    record Option(String id, String displayName, String unavailableReason) {
        public boolean available() {
            return unavailableReason == null;
        }
    }

    /** Every engine Sightline knows, best first (the registry's rank), the unavailable ones included. */
    List<Option> engines();

    /**
     * Speaks {@code sample} with engine {@code id} so the user can judge it, returning when it has been
     * handed to the engine. Runs off the user-interface thread.
     *
     * @throws org.sightline.error.SightlineException when this engine cannot speak after all
     */
    void preview(String id, String sample);

    /** Makes {@code id} the engine Sightline speaks with from now on, and remembers it in the settings. */
    void choose(String id);

    /** The engine speaking now, or null when none is chosen yet. */
    String currentId();
}
