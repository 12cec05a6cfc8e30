package org.sightline.speech.engine;

/** An engine broke while speaking; the speech queue falls back to the next engine. Not shown to users as is. */
public final class EngineFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public EngineFailure(String message) {
        super(message);
    }

    public EngineFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
