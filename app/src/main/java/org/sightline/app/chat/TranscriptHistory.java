package org.sightline.app.chat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the transcript between runs when the user wants it: {@code history.json} beside the settings,
 * readable only by its owner (answers can hold what was on a bank statement). Only real exchanges are kept,
 * the newest {@link #MAX_TURNS}; a damaged file is ignored, never fatal.
 */
public final class TranscriptHistory {

    public static final int MAX_TURNS = 200;
    public static final String FILE_NAME = "history.json";

    private static final System.Logger LOG = System.getLogger(TranscriptHistory.class.getName());

    /** One stored exchange. */
    record Entry(String question, String lookedAt, String answer) {
    }

    private final Path file;
    private final ObjectMapper json = new ObjectMapper();

    public TranscriptHistory(Path directory) {
        this.file = directory.resolve(FILE_NAME);
    }

    public Path file() {
        return file;
    }

    public List<Turn> load() {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            List<Entry> entries = json.readValue(file.toFile(), new TypeReference<List<Entry>>() { });
            List<Turn> turns = new ArrayList<>();
            for (Entry e : entries == null ? List.<Entry>of() : entries) {
                if (e != null && e.lookedAt() != null && e.answer() != null) {
                    Turn t = new Turn(e.question(), e.lookedAt());
                    t.answer(e.answer());
                    turns.add(t);
                }
            }
            return turns;
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Ignoring a damaged transcript history " + file + ": " + e.getMessage());
            return List.of();
        }
    }

    /** Writes the exchanges among {@code turns} (notices and help are left out), atomically. */
    public void save(List<Turn> turns) {
        List<Entry> entries = new ArrayList<>();
        for (Turn t : turns) {
            if (t.lookedAt() != null && !t.answer().isEmpty()) {
                entries.add(new Entry(t.question(), t.lookedAt(), t.answer()));
            }
        }
        List<Entry> kept = entries.subList(Math.max(0, entries.size() - MAX_TURNS), entries.size());
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), "history", ".tmp");
            try {
                if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
                }
                json.writeValue(tmp.toFile(), kept);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "Cannot save the transcript history: " + e.getMessage());
        }
    }

    /** The user turned history off: nothing of it stays on disk. */
    public void forget() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "Cannot delete the transcript history: " + e.getMessage());
        }
    }
}
