package org.sightline.vision.capture;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Which camera to use and how. {@code device} counts cameras from 0 (/dev/video0 on Linux); {@code deviceName}
 * names one where the system needs a name (DirectShow on Windows), else null. {@code width} and {@code height}
 * ask for a resolution (0 lets the camera choose). {@code standIn} is a video file, an image or a folder of
 * images played as if it were the camera, at {@code standInFramesPerSecond} for images (videos keep their own
 * rate). {@code timeout} bounds every wait for the camera, so an unplugged camera gives a message, not a hang.
 */
public record CameraSettings(int device, String deviceName, int width, int height, Path standIn,
                             double standInFramesPerSecond, Duration timeout) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    public CameraSettings {
        if (device < 0) {
            throw new IllegalArgumentException("device must be 0 or more: " + device);
        }
        if (width < 0 || height < 0) {
            throw new IllegalArgumentException("resolution must not be negative");
        }
        if (standInFramesPerSecond <= 0) {
            standInFramesPerSecond = 2;
        }
        if (timeout == null || timeout.isZero() || timeout.isNegative()) {
            timeout = DEFAULT_TIMEOUT;
        }
    }

    /** Camera {@code device} at the resolution it chooses. */
    public static CameraSettings device(int device) {
        return new CameraSettings(device, null, 0, 0, null, 2, DEFAULT_TIMEOUT);
    }

    /** A video file, an image or a folder of images standing in for a camera. */
    public static CameraSettings standIn(Path videoOrImages) {
        return new CameraSettings(0, null, 0, 0, videoOrImages, 2, DEFAULT_TIMEOUT);
    }

    public CameraSettings withResolution(int w, int h) {
        return new CameraSettings(device, deviceName, w, h, standIn, standInFramesPerSecond, timeout);
    }

    public CameraSettings withDeviceName(String name) {
        return new CameraSettings(device, name, width, height, standIn, standInFramesPerSecond, timeout);
    }

    public CameraSettings withTimeout(Duration t) {
        return new CameraSettings(device, deviceName, width, height, standIn, standInFramesPerSecond, t);
    }

    public CameraSettings withStandInFramesPerSecond(double fps) {
        return new CameraSettings(device, deviceName, width, height, standIn, fps, timeout);
    }

    public boolean usesStandIn() {
        return standIn != null;
    }
}
