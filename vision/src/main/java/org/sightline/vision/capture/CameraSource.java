package org.sightline.vision.capture;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import org.sightline.error.Problem;
import org.sightline.error.SightlineException;
import org.sightline.task.TaskContext;
import org.sightline.vision.image.ImageFiles;

/**
 * An open camera, or a file standing in for one. Frames come at the camera's pace; every wait is bounded by
 * {@link CameraSettings#timeout()} and checks the task's cancellation. Close it to release the device.
 */
public interface CameraSource extends AutoCloseable {

    /**
     * Opens the camera the settings name. Throws {@link SightlineException} with
     * {@link Problem#DEVICE_UNAVAILABLE} when there is no such camera or it may not be used, and with
     * {@link Problem#BAD_INPUT} when a stand-in file is missing or not a video or image.
     */
    static CameraSource open(CameraSettings settings) {
        if (!settings.usesStandIn()) {
            return GrabberCamera.openDevice(settings);
        }
        Path from = settings.standIn();
        if (!Files.exists(from)) {
            throw new SightlineException(Problem.BAD_INPUT, CaptureText.get("camera.standInMissing", from));
        }
        if (Files.isDirectory(from)) {
            return ImageSequenceCamera.ofFolder(from, settings);
        }
        if (ImageSequenceCamera.looksLikeImage(from)) {
            return ImageSequenceCamera.ofImages(java.util.List.of(ImageFiles.read(from)), from, settings);
        }
        return GrabberCamera.openVideo(from, settings);
    }

    /** The next frame, waiting for it at the camera's pace. The image is the caller's to keep. */
    BufferedImage nextFrame(TaskContext context);

    /** One picture, ready to describe or read. */
    default Capture snapshot(TaskContext context) {
        return Capture.ofImage(nextFrame(context), CaptureSource.CAMERA, description());
    }

    /** What the camera is, for the transcript ("camera 0", "video street.mp4"). */
    String description();

    @Override
    void close();
}
