package org.sightline.models;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** Where each platform keeps caches, so that models live where users and backup tools expect them. */
public final class CacheDirectories {

    private CacheDirectories() {
    }

    /** The models directory for this machine, honouring {@code SIGHTLINE_MODELS} and {@code XDG_CACHE_HOME}. */
    public static Path platformDefault() {
        return forPlatform(System.getenv(), System.getProperty("os.name", ""), System.getProperty("user.home"));
    }

    static Path forPlatform(Map<String, String> env, String osName, String userHome) {
        String explicit = env.get(ModelStoreConfig.ENV_CACHE);
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String local = env.get("LOCALAPPDATA");
            Path base = local != null && !local.isBlank() ? Path.of(local) : Path.of(userHome, "AppData", "Local");
            return base.resolve("Sightline").resolve("cache").resolve("models");
        }
        if (os.startsWith("mac")) {
            return Path.of(userHome, "Library", "Caches", "Sightline", "models");
        }
        String xdg = env.get("XDG_CACHE_HOME");
        // The XDG spec says a relative value is invalid and must be ignored.
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg) : Path.of(userHome, ".cache");
        return base.resolve("sightline").resolve("models");
    }
}
