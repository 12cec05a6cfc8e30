package org.sightline.speech.engine;

/**
 * One voice of an engine.
 *
 * @param name     what to pass as the voice setting
 * @param language a language tag as the engine reports it, e.g. {@code en-us} or {@code cmn}
 * @param description a human description, may repeat the name
 */
public record Voice(String name, String language, String description) {
}
