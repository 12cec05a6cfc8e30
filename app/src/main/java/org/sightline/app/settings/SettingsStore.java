package org.sightline.app.settings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.sightline.app.AppText;
import org.sightline.error.Problem;
import org.sightline.error.SightlineException;

/**
 * Reads and writes {@code settings.json} in the platform's configuration folder. A damaged file never stops
 * the app: it is kept as {@code settings.json.bak}, replaced by the defaults, and the problem is reported once.
 * The file is readable by its owner only, since it may later hold an API key.
 */
public final class SettingsStore {

    public static final String FILE_NAME = "settings.json";
    public static final String BACKUP_NAME = "settings.json.bak";

    private static final System.Logger LOG = System.getLogger(SettingsStore.class.getName());

    /** The outcome of {@link #load()}: the settings to use and, once, a message about a damaged file. */
    public record Loaded(Settings settings, Optional<String> problem) {
    }

    private final Path directory;
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** What was last loaded or saved here: what the app runs with, for services that read it on each use. */
    private volatile Settings current;

    public SettingsStore(Path directory) {
        this.directory = directory;
    }

    /** The store in the folder {@link #defaultDirectory} names. */
    public static SettingsStore standard() {
        return new SettingsStore(defaultDirectory(System.getenv(), System.getProperties().entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(e -> e.getKey().toString(), e -> e.getValue().toString()))));
    }

    /**
     * {@code SIGHTLINE_CONFIG} (or the system property {@code sightline.config}) wins; otherwise
     * XDG_CONFIG_HOME/sightline (default ~/.config/sightline) on Linux, %APPDATA%\Sightline on Windows and
     * ~/Library/Application Support/Sightline on macOS.
     */
    static Path defaultDirectory(Map<String, String> env, Map<String, String> props) {
        String override = props.getOrDefault("sightline.config", env.get("SIGHTLINE_CONFIG"));
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String home = props.getOrDefault("user.home", ".");
        String os = props.getOrDefault("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = env.get("APPDATA");
            return appData == null ? Path.of(home, "AppData", "Roaming", "Sightline") : Path.of(appData, "Sightline");
        }
        if (os.contains("mac")) {
            return Path.of(home, "Library", "Application Support", "Sightline");
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        return (xdg == null || xdg.isBlank() ? Path.of(home, ".config") : Path.of(xdg)).resolve("sightline");
    }

    public Path directory() {
        return directory;
    }

    public Path file() {
        return directory.resolve(FILE_NAME);
    }

    /**
     * The settings last loaded or saved through this store (loaded now if neither happened yet), so that a
     * service can follow what the user saved without being told.
     */
    public Settings current() {
        Settings s = current;
        return s != null ? s : load().settings();
    }

    public Loaded load() {
        Path file = file();
        if (!Files.exists(file)) {
            current = Settings.defaults();
            return new Loaded(current, Optional.empty());
        }
        try {
            Settings s = json.readValue(Files.readString(file), Settings.class);
            if (s == null) {
                throw new IOException("empty settings file");
            }
            current = s;
            return new Loaded(s, Optional.empty());
        } catch (JsonProcessingException | RuntimeException e) {
            return recoverFromDamage(file, e);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "Cannot read " + file + ": " + e.getMessage());
            return recoverFromDamage(file, e);
        }
    }

    private Loaded recoverFromDamage(Path file, Exception cause) {
        Path backup = directory.resolve(BACKUP_NAME);
        String why = String.valueOf(cause.getMessage()).lines().findFirst().orElse("");
        LOG.log(System.Logger.Level.WARNING, "Settings file " + file + " is damaged (" + why + "); keeping it as "
                + backup + " and using the defaults");
        Settings defaults = Settings.defaults();
        current = defaults;
        try {
            Files.move(file, backup, StandardCopyOption.REPLACE_EXISTING);
            // The damaged file may hold a key too.
            ownerOnly(backup);
            save(defaults);
        } catch (IOException | SightlineException e) {
            LOG.log(System.Logger.Level.WARNING, "Cannot replace the damaged settings file: " + e.getMessage());
        }
        return new Loaded(defaults, Optional.of(AppText.get("settings.damaged", backup.toString())));
    }

    /** Writes atomically: a crash mid-write leaves the old file, never half a file. */
    public void save(Settings settings) {
        try {
            Files.createDirectories(directory);
            Path tmp = Files.createTempFile(directory, "settings", ".tmp");
            try {
                ownerOnly(tmp);
                Files.writeString(tmp, json.writeValueAsString(settings));
                try {
                    Files.move(tmp, file(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file(), StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
            ownerOnly(file());
            current = settings;
        } catch (IOException e) {
            throw new SightlineException(Problem.BAD_INPUT, AppText.get("settings.cannotSave", file().toString()), e);
        }
    }

    private static void ownerOnly(Path p) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-------"));
        }
    }
}
