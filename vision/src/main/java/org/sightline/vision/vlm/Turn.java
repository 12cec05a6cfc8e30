package org.sightline.vision.vlm;

/** One question and its answer in a conversation's transcript. */
public record Turn(Question question, String prompt, String answer) {
}
