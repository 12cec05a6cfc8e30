package org.sightline.app.assistant;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.sightline.task.TaskContext;
import org.sightline.vision.capture.CameraSettings;
import org.sightline.vision.capture.CameraSource;
import org.sightline.vision.capture.Capture;
import org.sightline.vision.capture.Captures;
import org.sightline.vision.capture.WindowHandle;

/**
 * Capture over the vision module, and the tracker that remembers the active window at key-press time. The
 * two share one object because a {@link WindowRef} handed to the chat is only a name for a
 * {@link WindowHandle} remembered here.
 *
 * <p>The camera is the device in {@code SIGHTLINE_CAMERA} (a number) or, when that names a video file or an
 * image folder, that stand-in; otherwise the first camera.
 */
public final class VisionCaptureService implements CaptureService, ActiveWindowTracker {

    private static final int REMEMBERED = 8;

    private final Map<Long, WindowHandle> remembered = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, WindowHandle> eldest) {
            return size() > REMEMBERED;
        }
    };

    private final CameraSettings camera;

    public VisionCaptureService(CameraSettings camera) {
        this.camera = camera;
    }

    /** The camera named by {@code SIGHTLINE_CAMERA}, or the first device. */
    public static CameraSettings cameraFromEnvironment() {
        String value = System.getenv("SIGHTLINE_CAMERA");
        if (value == null || value.isBlank()) {
            return CameraSettings.device(0);
        }
        if (value.strip().matches("\\d+")) {
            return CameraSettings.device(Integer.parseInt(value.strip()));
        }
        Path standIn = Path.of(value.strip());
        return Files.exists(standIn) ? CameraSettings.standIn(standIn) : CameraSettings.device(0);
    }

    @Override
    public WindowRef activeWindow() {
        WindowHandle handle = Captures.rememberActiveWindow();
        if (handle.isFallback()) {
            return WindowRef.UNKNOWN;
        }
        long id = parseId(handle.nativeId());
        synchronized (remembered) {
            remembered.put(id, handle);
        }
        return new WindowRef(id, handle.title() == null ? "" : handle.title());
    }

    @Override
    public Optional<WindowHandle> handle(WindowRef window) {
        if (window == null || !window.isKnown()) {
            return Optional.empty();
        }
        synchronized (remembered) {
            return Optional.ofNullable(remembered.get(window.nativeId()));
        }
    }

    @Override
    public boolean bringToFront(WindowRef window) {
        WindowHandle handle;
        synchronized (remembered) {
            handle = window == null ? null : remembered.get(window.nativeId());
        }
        return handle == null || Captures.bringToFront(handle);
    }

    @Override
    public Capture captureScreen(TaskContext context) {
        context.cancellation().throwIfCancelled();
        return Captures.screen();
    }

    @Override
    public Capture captureActiveWindow(WindowRef window, TaskContext context) {
        context.cancellation().throwIfCancelled();
        WindowHandle handle = null;
        if (window != null && window.isKnown()) {
            synchronized (remembered) {
                handle = remembered.get(window.nativeId());
            }
        }
        return handle == null ? Captures.activeWindow() : Captures.window(handle);
    }

    @Override
    public Capture captureRegionAroundPointer(int size, TaskContext context) {
        context.cancellation().throwIfCancelled();
        return Captures.regionAroundPointer(size);
    }

    @Override
    public Capture cameraSnapshot(TaskContext context) {
        try (CameraSource source = Captures.camera(camera)) {
            return source.snapshot(context);
        }
    }

    private static long parseId(String nativeId) {
        if (nativeId == null) {
            return 0;
        }
        String s = nativeId.strip();
        try {
            return s.startsWith("0x") || s.startsWith("0X") ? Long.parseUnsignedLong(s.substring(2), 16)
                    : Long.parseLong(s);
        } catch (NumberFormatException e) {
            return s.hashCode() & 0x7fffffffL;
        }
    }
}
