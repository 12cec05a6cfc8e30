package org.sightline.vision.capture;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.Java2DFrameConverter;
import org.bytedeco.javacv.OpenCVFrameGrabber;
import org.sightline.error.Problem;
import org.sightline.error.SightlineException;
import org.sightline.task.CancelledException;
import org.sightline.task.TaskContext;

/**
 * A camera, or a video file standing in for one, read through a JavaCV frame grabber (FFmpeg: video4linux2 on
 * Linux, avfoundation on macOS, DirectShow on Windows when the device is named; OpenCV by index otherwise).
 *
 * <p>Every grabber call runs on this camera's own thread and the caller waits at most the settings' timeout:
 * a native call into an unplugged camera can block for a long time, and the user must hear a message instead.
 * After a timeout the camera counts as lost; its thread is left to finish on its own.
 */
final class GrabberCamera implements CameraSource {

    static {
        // FFmpeg would print its own diagnostics on stderr; Sightline turns failures into its own messages.
        org.bytedeco.ffmpeg.global.avutil.av_log_set_level(org.bytedeco.ffmpeg.global.avutil.AV_LOG_QUIET);
    }

    /** Frames dropped after opening a real camera while its exposure settles. */
    private static final int WARM_UP_FRAMES = 3;

    private final FrameGrabber grabber;
    private final boolean isFile;
    private volatile String description;
    private final CameraSettings settings;
    private final ExecutorService thread;
    private volatile FramePacer pacer;
    private final Java2DFrameConverter converter = new Java2DFrameConverter();
    private volatile boolean lost;
    private volatile boolean closed;

    private GrabberCamera(FrameGrabber grabber, boolean isFile, String description, CameraSettings settings,
                          double pacedFps) {
        this.grabber = grabber;
        this.isFile = isFile;
        this.description = description;
        this.settings = settings;
        this.pacer = new FramePacer(pacedFps);
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "sightline-camera");
            t.setDaemon(true);
            return t;
        });
    }

    static GrabberCamera openDevice(CameraSettings settings) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        FrameGrabber grabber;
        String description = CaptureText.get("describe.camera", settings.device());
        if (os.contains("win")) {
            if (settings.deviceName() != null) {
                FFmpegFrameGrabber g = new FFmpegFrameGrabber("video=" + settings.deviceName());
                g.setFormat("dshow");
                grabber = g;
            } else {
                grabber = new OpenCVFrameGrabber(settings.device());
            }
        } else if (os.contains("mac")) {
            FFmpegFrameGrabber g = new FFmpegFrameGrabber(String.valueOf(settings.device()));
            g.setFormat("avfoundation");
            grabber = g;
        } else {
            Path node = Path.of("/dev/video" + settings.device());
            // Checking the device node first answers in microseconds; a grabber asked for a missing camera
            // can take ten seconds to give up.
            if (!Files.exists(node)) {
                throw new SightlineException(Problem.DEVICE_UNAVAILABLE,
                        CaptureText.get("camera.missing", settings.device()));
            }
            if (!Files.isReadable(node)) {
                throw new SightlineException(Problem.DEVICE_UNAVAILABLE,
                        CaptureText.get("camera.denied", node));
            }
            FFmpegFrameGrabber g = new FFmpegFrameGrabber(node.toString());
            g.setFormat("video4linux2");
            grabber = g;
        }
        if (settings.width() > 0 && settings.height() > 0) {
            grabber.setImageWidth(settings.width());
            grabber.setImageHeight(settings.height());
        }
        GrabberCamera camera = new GrabberCamera(grabber, false, description, settings, 0);
        try {
            camera.call(() -> {
                grabber.start();
                return null;
            }, TaskContext.none());
        } catch (SightlineException e) {
            camera.close();
            throw new SightlineException(Problem.DEVICE_UNAVAILABLE,
                    CaptureText.get("camera.cannotOpen", settings.device()), e);
        }
        for (int i = 0; i < WARM_UP_FRAMES; i++) {
            try {
                camera.grabOnce(TaskContext.none());
            } catch (SightlineException e) {
                camera.close();
                throw e;
            }
        }
        return camera;
    }

    static GrabberCamera openVideo(Path file, CameraSettings settings) {
        if (!Files.isReadable(file)) {
            throw new SightlineException(Problem.BAD_INPUT, CaptureText.get("camera.standInUnreadable", file));
        }
        FFmpegFrameGrabber g = new FFmpegFrameGrabber(file.toFile());
        GrabberCamera camera = new GrabberCamera(g, true, CaptureText.get("describe.standIn", file.getFileName()),
                settings, 0);
        try {
            camera.call(() -> {
                g.start();
                return null;
            }, TaskContext.none());
        } catch (SightlineException e) {
            camera.close();
            if (camera.lost) {
                // A pipe or network stream that never delivers: say it timed out, not that it is no video.
                throw e;
            }
            throw new SightlineException(Problem.BAD_INPUT, CaptureText.get("camera.notVideo", file), e.getCause());
        }
        if (g.getImageWidth() <= 0 || g.getImageHeight() <= 0) {
            // FFmpeg opens audio files and some documents too; without a picture stream they are no camera.
            camera.close();
            throw new SightlineException(Problem.BAD_INPUT, CaptureText.get("camera.notVideo", file));
        }
        double fps = g.getFrameRate() > 0 && g.getFrameRate() < 240 ? g.getFrameRate() : 25;
        camera.pacer = new FramePacer(fps);
        return camera;
    }

    @Override
    public BufferedImage nextFrame(TaskContext context) {
        if (closed) {
            throw new IllegalStateException("camera closed");
        }
        if (lost) {
            throw lostMessage(null);
        }
        pacer.awaitNext(context);
        return grabOnce(context);
    }

    private BufferedImage grabOnce(TaskContext context) {
        BufferedImage frame = call(this::grabAndConvert, context);
        if (frame == null && isFile) {
            // A stand-in video plays in a loop, as a camera never runs out of pictures.
            frame = call(() -> {
                grabber.setTimestamp(0L);
                return grabAndConvert();
            }, context);
            if (frame == null) {
                throw new SightlineException(Problem.BAD_INPUT, CaptureText.get("camera.noPictures", description));
            }
        }
        if (frame == null) {
            lost = true;
            throw lostMessage(null);
        }
        return frame;
    }

    /** Runs on the camera thread: the converter reuses its buffer, so the picture is copied out. */
    private BufferedImage grabAndConvert() throws FrameGrabber.Exception {
        Frame frame = grabber instanceof FFmpegFrameGrabber f ? f.grabImage() : grabber.grab();
        if (frame == null || frame.image == null) {
            return null;
        }
        BufferedImage view = converter.getBufferedImage(frame);
        if (view == null) {
            return null;
        }
        BufferedImage copy = new BufferedImage(view.getWidth(), view.getHeight(), BufferedImage.TYPE_INT_RGB);
        var g = copy.createGraphics();
        g.drawImage(view, 0, 0, null);
        g.dispose();
        return copy;
    }

    /** Runs {@code work} on the camera thread, waiting at most the timeout and noticing cancellation. */
    private <T> T call(Callable<T> work, TaskContext context) {
        Future<T> future;
        try {
            future = thread.submit(work);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            throw lostMessage(e);
        }
        long deadline = System.nanoTime() + settings.timeout().toNanos();
        while (true) {
            if (context.cancellation().isCancelled()) {
                future.cancel(true);
                throw new CancelledException();
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                future.cancel(true);
                lost = true;
                throw new SightlineException(Problem.DEVICE_UNAVAILABLE,
                        CaptureText.get("camera.timeout", description, settings.timeout().toSeconds()));
            }
            try {
                return future.get(Math.min(left, 50_000_000L), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                // Loop: check cancellation and the overall deadline again.
            } catch (InterruptedException e) {
                future.cancel(true);
                Thread.currentThread().interrupt();
                throw new CancelledException();
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof SightlineException se) {
                    throw se;
                }
                if (isFile) {
                    throw new SightlineException(Problem.BAD_INPUT, CaptureText.get("camera.badVideo", description),
                            cause);
                }
                lost = true;
                throw lostMessage(cause);
            }
        }
    }

    private SightlineException lostMessage(Throwable cause) {
        return new SightlineException(Problem.DEVICE_UNAVAILABLE, CaptureText.get("camera.lost", description), cause);
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (!lost) {
            Future<?> f = thread.submit(() -> {
                grabber.close();
                return null;
            });
            try {
                f.get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                // Releasing a broken device may fail; nothing more can be done for it.
            }
        }
        thread.shutdownNow();
    }
}
