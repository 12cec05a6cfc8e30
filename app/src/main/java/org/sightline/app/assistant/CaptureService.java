package org.sightline.app.assistant;

import org.sightline.task.TaskContext;
import org.sightline.vision.capture.Capture;

/**
 * Gets pixels to look at. Each method may take a while (a camera warms up, a first X11 grab is slow), so it
 * runs off the user-interface thread, checks the cancellation token and fails with a
 * {@link org.sightline.error.SightlineException} whose message the user hears.
 */
public interface CaptureService {

    Capture captureScreen(TaskContext context);

    /** The window remembered at key-press time; with {@link WindowRef#UNKNOWN}, the window active now. */
    Capture captureActiveWindow(WindowRef window, TaskContext context);

    /** A square of {@code size} screen pixels centred on the mouse pointer. */
    Capture captureRegionAroundPointer(int size, TaskContext context);

    Capture cameraSnapshot(TaskContext context);
}
