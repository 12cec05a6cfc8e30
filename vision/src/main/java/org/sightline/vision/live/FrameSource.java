package org.sightline.vision.live;

import java.awt.image.BufferedImage;
import org.sightline.task.TaskContext;

/**
 * Where a watcher's frames come from: the screen, a window, a region or a camera. A source that can give no
 * more frames (the window closed, the display or the camera went away) throws a
 * {@link org.sightline.error.SightlineException} whose message says why, which ends the watch.
 */
public interface FrameSource extends AutoCloseable {

    /** The next frame; the image is the caller's to keep. */
    BufferedImage next(TaskContext context);

    /** What is watched, for "Watching ..." ("the window Terminal", "the screen"). */
    String description();

    /** True for a camera: frames never repeat exactly and may be blurred by motion. */
    default boolean isCamera() {
        return false;
    }

    @Override
    default void close() {
    }
}
