package org.sightline.vision.capture;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.sightline.error.Problem;
import org.sightline.error.SightlineException;

/**
 * The captures the user may come back to. Captures stay in memory (the last few, for follow-up questions);
 * nothing touches the disk unless the user turns saving on, because a screen can show a bank statement or a
 * medical letter. Saved pictures are PNG files in one folder, kept under a total size by deleting the oldest,
 * and {@link #clearAll()} removes every one of them together with the captures in memory.
 */
public final class CaptureHistory {

    private static final String PREFIX = "capture-";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final Path folder;
    private final long maxBytesOnDisk;
    private final int keptInMemory;
    private final Deque<Capture> recent = new ArrayDeque<>();
    private boolean savingToDisk;
    private long sequence;

    /**
     * @param folder where saved captures go once saving is on (created then)
     * @param maxBytesOnDisk total size the saved captures may take
     * @param keptInMemory how many recent captures stay in memory
     */
    public CaptureHistory(Path folder, long maxBytesOnDisk, int keptInMemory) {
        if (maxBytesOnDisk <= 0 || keptInMemory < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
        this.folder = folder;
        this.maxBytesOnDisk = maxBytesOnDisk;
        this.keptInMemory = keptInMemory;
    }

    /** The usual place: $XDG_DATA_HOME/sightline/history, or ~/.local/share/sightline/history. */
    public static Path defaultFolder() {
        String xdg = System.getenv("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".local", "share");
        return base.resolve("sightline").resolve("history");
    }

    public synchronized boolean isSavingToDisk() {
        return savingToDisk;
    }

    /** Turns saving on or off; turning it off keeps what was saved until {@link #clearAll()}. */
    public synchronized void setSavingToDisk(boolean on) {
        savingToDisk = on;
    }

    public Path folder() {
        return folder;
    }

    /** Remembers {@code capture}; when saving is on, also writes it, returning where. */
    public synchronized Optional<Path> add(Capture capture) {
        recent.addFirst(capture);
        while (recent.size() > keptInMemory) {
            recent.removeLast();
        }
        if (!savingToDisk) {
            return Optional.empty();
        }
        Path saved = save(capture);
        trimToLimit();
        return Files.exists(saved) ? Optional.of(saved) : Optional.empty();
    }

    /** The captures in memory, newest first. */
    public synchronized List<Capture> recent() {
        return List.copyOf(recent);
    }

    public synchronized Optional<Capture> latest() {
        return Optional.ofNullable(recent.peekFirst());
    }

    /** The saved files, oldest first. */
    public synchronized List<Path> savedFiles() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(CaptureHistory::isOurs).sorted().toList();
        } catch (IOException e) {
            throw folderProblem(e);
        }
    }

    public synchronized long bytesOnDisk() {
        long total = 0;
        for (Path p : savedFiles()) {
            total += sizeOf(p);
        }
        return total;
    }

    /** Forgets every capture in memory and deletes every saved one. */
    public synchronized void clearAll() {
        recent.clear();
        for (Path p : savedFiles()) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                throw folderProblem(e);
            }
        }
    }

    private Path save(Capture capture) {
        try {
            Files.createDirectories(folder);
            String name = PREFIX + STAMP.format(capture.takenAt()) + "-" + String.format(Locale.ROOT, "%06d",
                    sequence++) + "-" + capture.source().name().toLowerCase(Locale.ROOT) + ".png";
            Path target = folder.resolve(name);
            // Written beside and moved into place, so a crash never leaves half a picture in the history.
            Path temp = Files.createTempFile(folder, ".partial-", ".png");
            try {
                if (!ImageIO.write(capture.image(), "png", temp.toFile())) {
                    throw new IOException("no PNG writer");
                }
                try {
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
            return target;
        } catch (IOException e) {
            throw folderProblem(e);
        }
    }

    private void trimToLimit() {
        List<Path> files = new ArrayList<>(savedFiles());
        long total = 0;
        for (Path p : files) {
            total += sizeOf(p);
        }
        while (total > maxBytesOnDisk && !files.isEmpty()) {
            Path oldest = files.remove(0);
            total -= sizeOf(oldest);
            try {
                Files.deleteIfExists(oldest);
            } catch (IOException e) {
                throw folderProblem(e);
            }
        }
    }

    private static boolean isOurs(Path p) {
        String n = p.getFileName().toString();
        return n.startsWith(PREFIX) && n.endsWith(".png") && Files.isRegularFile(p);
    }

    private static long sizeOf(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }

    private SightlineException folderProblem(IOException e) {
        return new SightlineException(Problem.BAD_INPUT, CaptureText.get("history.folder", folder), e);
    }
}
