package org.sightline.vision.live;

import java.awt.image.BufferedImage;
import org.sightline.task.TaskContext;
import org.sightline.vision.capture.CameraSource;

/** Frames of an open camera, or of a video file standing in for one; closing this closes the camera. */
public final class CameraFrames implements FrameSource {

    private final CameraSource camera;

    public CameraFrames(CameraSource camera) {
        this.camera = camera;
    }

    @Override
    public BufferedImage next(TaskContext context) {
        return camera.nextFrame(context);
    }

    @Override
    public String description() {
        return camera.description();
    }

    @Override
    public boolean isCamera() {
        return true;
    }

    @Override
    public void close() {
        camera.close();
    }
}
