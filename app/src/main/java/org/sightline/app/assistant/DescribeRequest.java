package org.sightline.app.assistant;

import java.util.List;
import java.util.Objects;
import org.sightline.vision.capture.Capture;

/**
 * What to describe and what the user asked. {@code question} is null for a plain description; {@code earlier}
 * holds the questions and answers already exchanged about the same capture, oldest first, for follow-ups.
 */
public record DescribeRequest(Capture capture, String question, List<Exchange> earlier) {

    /** One earlier question (null for the first plain description) and its answer. */
    public record Exchange(String question, String answer) {
    }

    public DescribeRequest {
        Objects.requireNonNull(capture, "capture");
        earlier = List.copyOf(earlier);
    }

    public boolean isFollowUp() {
        return question != null && !earlier.isEmpty();
    }
}
