package org.sightline.speech;

/** Short sounds that tell the user something is happening, so they are never left in silence. */
public enum Earcon {
    CAPTURING, WORKING, DONE, ERROR;

    /** The resource holding the sound, a small WAV under the app's assets. */
    public String resource() {
        return "/org/sightline/assets/earcons/" + name().toLowerCase(java.util.Locale.ROOT) + ".wav";
    }
}
