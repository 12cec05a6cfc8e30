package org.sightline.vision.live;

import java.awt.image.BufferedImage;
import java.time.Duration;
import java.time.Instant;
import org.sightline.vision.capture.FramingAdvice;
import org.sightline.vision.capture.FramingAdvisor;
import org.sightline.vision.capture.FramingHint;

/**
 * Framing help while the camera is watched: whether a frame is worth reading, and a hint to say, at most once
 * every {@code every} so that the hints do not drown the text. A blurred frame taken while much of the picture
 * moved is motion blur, and the hint is then simply "Hold still".
 */
final class CameraHints {

    /** A frame where more than this share changed since the last one read is taken as moving. */
    private static final double MOVING = 0.3;

    /** Whether to read the frame, and what to say first (null for nothing). */
    record Verdict(boolean readable, String hint) {
    }

    private final FramingAdvisor advisor;
    private final Duration every;
    private Instant lastHint = Instant.MIN;

    CameraHints(FramingAdvisor advisor, Duration every) {
        this.advisor = advisor;
        this.every = every;
    }

    static CameraHints standard() {
        return new CameraHints(FramingAdvisor.forCamera(), Duration.ofSeconds(3));
    }

    Verdict look(BufferedImage frame, FrameChange change, Instant now) {
        FramingAdvice advice = advisor.advise(frame);
        boolean blurred = advice.hints().contains(FramingHint.TOO_BLURRY);
        boolean unreadable = blurred || advice.hints().contains(FramingHint.TOO_DARK)
                || advice.hints().contains(FramingHint.BLANK_CAMERA);
        String hint = null;
        if (!advice.isGood() && !Duration.between(lastHint, now).minus(every).isNegative()) {
            hint = blurred && change.changedFraction() > MOVING ? LiveText.get("watch.holdStill") : advice.spoken();
            lastHint = now;
        }
        return new Verdict(!unreadable, hint);
    }
}
