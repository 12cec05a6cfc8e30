package org.sightline.app.testing;

import java.awt.image.BufferedImage;
import java.util.function.Supplier;
import org.sightline.app.assistant.CaptureService;
import org.sightline.app.assistant.WindowRef;
import org.sightline.task.TaskContext;
import org.sightline.vision.capture.Capture;
import org.sightline.vision.capture.CaptureSource;

/** A capture port for tests: the screen, any window, the region and the camera all show the same picture. */
public final class OnePictureCapture implements CaptureService {

    private final Supplier<BufferedImage> picture;
    private final String description;

    public OnePictureCapture(Supplier<BufferedImage> picture, String description) {
        this.picture = picture;
        this.description = description;
    }

    @Override
    public Capture captureScreen(TaskContext context) {
        return Capture.ofImage(picture.get(), CaptureSource.SCREEN, description);
    }

    @Override
    public Capture captureActiveWindow(WindowRef window, TaskContext context) {
        return captureScreen(context);
    }

    @Override
    public Capture captureRegionAroundPointer(int size, TaskContext context) {
        return captureScreen(context);
    }

    @Override
    public Capture cameraSnapshot(TaskContext context) {
        return captureScreen(context);
    }
}
