package org.sightline.vision.live;

import java.time.Duration;
import java.util.Objects;

/**
 * How often to look ({@code interval}, raised to what the machine can keep up with) and how new lines meet
 * stale speech ({@code policy}).
 */
public record WatchSettings(Duration interval, LinePolicy policy) {

    /** Looking more often than this gains nothing a listener could hear and costs a core. */
    public static final Duration SHORTEST_INTERVAL = Duration.ofMillis(100);
    public static final Duration DEFAULT_INTERVAL = Duration.ofMillis(250);

    public WatchSettings {
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(policy, "policy");
    }

    public static WatchSettings standard(LinePolicy policy) {
        return new WatchSettings(DEFAULT_INTERVAL, policy);
    }
}
