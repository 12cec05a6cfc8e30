package org.sightline.vision.capture;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.sightline.error.Problem;
import org.sightline.error.SightlineException;
import org.sightline.task.TaskContext;
import org.sightline.vision.image.ImageFiles;

/**
 * Images played as camera frames, in file-name order and then from the start again, at a fixed rate. Tests and
 * demos use it to show the live framing help a page that gets better frame by frame.
 */
final class ImageSequenceCamera implements CameraSource {

    private static final Set<String> IMAGE_ENDINGS = Set.of("png", "jpg", "jpeg", "gif", "bmp", "wbmp");

    private final List<Path> files;
    private final List<BufferedImage> loaded;
    private final String description;
    private final FramePacer pacer;
    private int next;
    private volatile boolean closed;

    private ImageSequenceCamera(List<Path> files, List<BufferedImage> loaded, String description, double fps) {
        this.files = files;
        this.loaded = loaded;
        this.description = description;
        this.pacer = new FramePacer(fps);
    }

    static boolean looksLikeImage(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && IMAGE_ENDINGS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    static ImageSequenceCamera ofFolder(Path folder, CameraSettings settings) {
        List<Path> images;
        try (Stream<Path> listing = Files.list(folder)) {
            images = listing.filter(Files::isRegularFile).filter(ImageSequenceCamera::looksLikeImage).sorted()
                    .toList();
        } catch (IOException | SecurityException e) {
            throw new SightlineException(Problem.BAD_INPUT, CaptureText.get("camera.folderUnreadable", folder), e);
        }
        if (images.isEmpty()) {
            throw new SightlineException(Problem.BAD_INPUT, CaptureText.get("camera.folderEmpty", folder));
        }
        return new ImageSequenceCamera(images, null,
                CaptureText.get("describe.standIn", folder.getFileName()), settings.standInFramesPerSecond());
    }

    static ImageSequenceCamera ofImages(List<BufferedImage> images, Path from, CameraSettings settings) {
        return new ImageSequenceCamera(null, new ArrayList<>(images),
                CaptureText.get("describe.standIn", from.getFileName()), settings.standInFramesPerSecond());
    }

    @Override
    public synchronized BufferedImage nextFrame(TaskContext context) {
        if (closed) {
            throw new IllegalStateException("camera closed");
        }
        pacer.awaitNext(context);
        int count = files != null ? files.size() : loaded.size();
        int index = next;
        next = (next + 1) % count;
        // Files are read one at a time so a long folder does not sit in memory.
        BufferedImage frame = files != null ? ImageFiles.read(files.get(index)) : copy(loaded.get(index));
        return frame;
    }

    private static BufferedImage copy(BufferedImage image) {
        BufferedImage c = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        var g = c.createGraphics();
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return c;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public void close() {
        closed = true;
    }
}
