package org.sightline.app.firstrun;

/** One stop of the spoken tour of the keys: the keys to press and what they do, both translated. */
public record KeyTip(String keys, String action) {
}
