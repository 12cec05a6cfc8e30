package org.sightline.app.watch;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.Objects;
import java.util.function.Supplier;
import org.sightline.app.AppText;
import org.sightline.task.TaskContext;
import org.sightline.vision.capture.CameraSettings;
import org.sightline.vision.capture.Captures;
import org.sightline.vision.capture.WindowHandle;
import org.sightline.vision.live.CameraFrames;
import org.sightline.vision.live.FrameSource;
import org.sightline.vision.live.ScreenFrames;

/**
 * What one watch key asks to watch, decided when the key is pressed (the window, the square around the pointer)
 * and opened later on the watch's own thread, because opening can be slow (a camera warms up) or fail with a
 * sentence to say (no camera, a region off the screen). {@code description}, when not null, replaces the
 * source's own name in "Watching ..." and "Stopped watching ...": the user asked for "the camera" or "the
 * region around the pointer", not "camera 0" or a rectangle's coordinates.
 */
public record WatchTarget(Kind kind, String description, Supplier<FrameSource> frames) {

    /** The kinds of watch, one key each; a second press of the same key stops it. */
    public enum Kind { WINDOW, POINTER_REGION, REGION, CAMERA }

    public WatchTarget {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(frames, "frames");
    }

    /** {@code window} wherever it moves; the whole screen when it is null or stands for the screen. */
    public static WatchTarget window(WindowHandle window) {
        return new WatchTarget(Kind.WINDOW, null,
                () -> window == null ? ScreenFrames.screen() : ScreenFrames.window(window));
    }

    /** The square found by {@link Captures#squareAroundPointer(int)} at the key press; it stays put. */
    public static WatchTarget aroundPointer(Rectangle square) {
        Rectangle fixed = new Rectangle(square);
        return new WatchTarget(Kind.POINTER_REGION, AppText.get("watch.aroundPointer", fixed.width, fixed.height),
                () -> ScreenFrames.region(fixed));
    }

    /** A rectangle the user typed; one not wholly on the screen is refused with a sentence when it opens. */
    public static WatchTarget region(Rectangle region) {
        Rectangle fixed = new Rectangle(region);
        return new WatchTarget(Kind.REGION, null, () -> ScreenFrames.region(fixed));
    }

    /** The camera the app describes with (or the video file standing in for it). */
    public static WatchTarget camera(CameraSettings camera) {
        return new WatchTarget(Kind.CAMERA, AppText.get("watch.camera"),
                () -> new CameraFrames(Captures.camera(camera)));
    }

    /** The same target with {@code before} run first on the opening thread (Sightline's window stepping aside). */
    public WatchTarget after(Runnable before) {
        Supplier<FrameSource> open = frames;
        return new WatchTarget(kind, description, () -> {
            before.run();
            return open.get();
        });
    }

    /** Opens the frames, under this target's name. */
    FrameSource open() {
        FrameSource source = frames.get();
        return description == null ? source : new Named(source, description);
    }

    /** A source under another name; everything else is the source's own. */
    private record Named(FrameSource source, String description) implements FrameSource {
        @Override
        public BufferedImage next(TaskContext context) {
            return source.next(context);
        }

        @Override
        public boolean isCamera() {
            return source.isCamera();
        }

        @Override
        public void close() {
            source.close();
        }
    }
}
