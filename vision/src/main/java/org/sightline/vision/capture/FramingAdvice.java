package org.sightline.vision.capture;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What {@link FramingAdvisor} found in one picture: the hints, most important first (empty when the picture is
 * good), with the measurements behind them for logs and tuning.
 */
public record FramingAdvice(List<FramingHint> hints, double meanLuminance, double sharpness) {

    public FramingAdvice {
        hints = List.copyOf(hints);
    }

    public boolean isGood() {
        return hints.isEmpty();
    }

    /** The hint to speak first, if any. */
    public Optional<FramingHint> first() {
        return hints.stream().findFirst();
    }

    /** Every hint as one text, sentence after sentence; empty when the picture is good. */
    public String spoken() {
        return hints.stream().map(FramingHint::message).collect(Collectors.joining(" "));
    }
}
