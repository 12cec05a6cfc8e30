package org.sightline.app.assistant;

import org.sightline.app.AppText;
import org.sightline.error.Problem;
import org.sightline.error.SightlineException;
import org.sightline.task.TaskContext;
import org.sightline.vision.capture.Capture;

/** Stands in until screen and camera capture are wired in: every call says so, nothing is made up. */
public final class NotBuiltCaptureService implements CaptureService {

    @Override
    public Capture captureScreen(TaskContext context) {
        throw notBuilt("notBuilt.captureScreen");
    }

    @Override
    public Capture captureActiveWindow(WindowRef window, TaskContext context) {
        throw notBuilt("notBuilt.captureWindow");
    }

    @Override
    public Capture captureRegionAroundPointer(int size, TaskContext context) {
        throw notBuilt("notBuilt.captureRegion");
    }

    @Override
    public Capture cameraSnapshot(TaskContext context) {
        throw notBuilt("notBuilt.camera");
    }

    static SightlineException notBuilt(String key) {
        return new SightlineException(Problem.INTERNAL, AppText.get(key));
    }
}
