package org.sightline.vision.capture;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.sightline.task.Progress;
import org.sightline.task.TaskContext;

/**
 * The camera's live framing mode: look at frame after frame, tell the user what to fix, and take the picture
 * as soon as the frame is good. A hint is passed on when it changes, and repeated every
 * {@code repeatEvery} while it stays the same, so the user is neither flooded nor left in silence. The picture
 * is taken only after {@code goodFramesNeeded} good frames in a row, so a hand passing steady for one frame
 * does not count. Stops with {@link org.sightline.task.CancelledException} when the task is cancelled.
 */
public final class LiveFraming {

    private final FramingAdvisor advisor;
    private final Function<BufferedImage, List<Rectangle>> textFinder;
    private final Duration repeatEvery;
    private final int goodFramesNeeded;

    /**
     * @param textFinder finds text boxes in a frame (OCR); {@code img -> List.of()} until OCR is wired in
     */
    public LiveFraming(FramingAdvisor advisor, Function<BufferedImage, List<Rectangle>> textFinder,
                       Duration repeatEvery, int goodFramesNeeded) {
        this.advisor = Objects.requireNonNull(advisor);
        this.textFinder = Objects.requireNonNull(textFinder);
        this.repeatEvery = Objects.requireNonNull(repeatEvery);
        this.goodFramesNeeded = Math.max(1, goodFramesNeeded);
    }

    /** Camera advice, no text boxes, a hint repeated every 3 seconds, 2 good frames in a row. */
    public static LiveFraming standard() {
        return new LiveFraming(FramingAdvisor.forCamera(), img -> List.of(), Duration.ofSeconds(3), 2);
    }

    /**
     * Repeats hints through {@code onHint} until the frame is good, then returns it as a camera capture.
     * {@code onHint} runs on the calling thread.
     */
    public Capture takeWhenFramed(CameraSource camera, Consumer<FramingAdvice> onHint, TaskContext context) {
        Optional<FramingHint> lastSaid = Optional.empty();
        Instant lastSaidAt = Instant.MIN;
        int goodInARow = 0;
        while (true) {
            context.cancellation().throwIfCancelled();
            BufferedImage frame = camera.nextFrame(context);
            FramingAdvice advice = advisor.advise(frame, textFinder.apply(frame));
            if (advice.isGood()) {
                goodInARow++;
                if (goodInARow >= goodFramesNeeded) {
                    return Capture.ofImage(frame, CaptureSource.CAMERA, camera.description());
                }
                continue;
            }
            goodInARow = 0;
            Optional<FramingHint> hint = advice.first();
            Instant now = Instant.now();
            boolean changed = !hint.equals(lastSaid);
            if (changed || Duration.between(lastSaidAt, now).compareTo(repeatEvery) >= 0) {
                onHint.accept(advice);
                context.progress(Progress.indeterminate(advice.spoken()));
                lastSaid = hint;
                lastSaidAt = now;
            }
        }
    }
}
