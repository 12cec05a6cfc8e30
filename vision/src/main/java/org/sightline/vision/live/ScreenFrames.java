package org.sightline.vision.live;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.function.Supplier;
import org.sightline.error.Problem;
import org.sightline.error.SightlineException;
import org.sightline.task.TaskContext;
import org.sightline.vision.capture.Captures;
import org.sightline.vision.capture.Monitor;
import org.sightline.vision.capture.ScreenCapturer;
import org.sightline.vision.capture.WindowHandle;

/** Frames of the screen, a window or a region, taken with the capture routes every other feature uses. */
public final class ScreenFrames implements FrameSource {

    private final Supplier<BufferedImage> grab;
    private final String description;

    private ScreenFrames(Supplier<BufferedImage> grab, String description) {
        this.grab = grab;
        this.description = description;
    }

    /** Every monitor together. */
    public static ScreenFrames screen() {
        return new ScreenFrames(() -> Captures.screen().image(), LiveText.get("watch.screen"));
    }

    /**
     * The remembered window wherever it moves; closing or minimising it ends the watch with a sentence that
     * names it. A handle that stands for the whole screen watches the screen.
     */
    public static ScreenFrames window(WindowHandle window) {
        if (window.isFallback()) {
            return screen();
        }
        String title = window.title().isBlank() ? LiveText.get("watch.screen") : window.title();
        return new ScreenFrames(() -> {
            try {
                return Captures.window(window).image();
            } catch (SightlineException e) {
                if (e.problem() == Problem.BAD_INPUT) {
                    throw new SightlineException(Problem.BAD_INPUT, LiveText.get("watch.windowGone", title), e);
                }
                throw e;
            }
        }, title);
    }

    /**
     * A fixed rectangle of the screen in click coordinates; one that does not lie wholly on the screen is refused
     * here, before anything is watched.
     *
     * @throws SightlineException BAD_INPUT for a region off the screen, DEVICE_UNAVAILABLE with no display
     */
    public static ScreenFrames region(Rectangle region) {
        Rectangle screen = null;
        for (Monitor m : ScreenCapturer.shared().monitors()) {
            screen = screen == null ? m.bounds() : screen.union(m.bounds());
        }
        if (region.isEmpty() || screen == null || !screen.contains(region)) {
            Rectangle s = screen == null ? new Rectangle() : screen;
            throw new SightlineException(Problem.BAD_INPUT, LiveText.get("watch.regionOffScreen", region.x, region.y,
                    region.width, region.height, s.x, s.y, s.width, s.height));
        }
        Rectangle fixed = new Rectangle(region);
        return new ScreenFrames(() -> Captures.region(fixed).image(),
                LiveText.get("watch.region", region.x, region.y, region.width, region.height));
    }

    @Override
    public BufferedImage next(TaskContext context) {
        context.cancellation().throwIfCancelled();
        return grab.get();
    }

    @Override
    public String description() {
        return description;
    }
}
