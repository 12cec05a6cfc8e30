package org.sightline.vision.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.sightline.i18n.Messages;
import org.sightline.models.ModelStoreConfig;
import org.sightline.models.ModelStores;

/**
 * For a test class that runs Sightline end to end with the real bundled models: messages in English, and a model
 * store in a fresh folder that never downloads, so the test neither reads nor changes the user's cache. The
 * language is put back afterwards. Use with {@code @ExtendWith(EnglishOfflineStore.class)}.
 */
public final class EnglishOfflineStore implements BeforeAllCallback, AfterAllCallback {

    private Locale saved;
    private Path cache;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        saved = Messages.locale();
        Messages.setLocale(Locale.ENGLISH);
        cache = Files.createTempDirectory("sightline-models");
        ModelStores.configure(ModelStoreConfig.defaults().withCacheDirectory(cache).withOffline(true));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Messages.setLocale(saved);
        try (Stream<Path> files = Files.walk(cache)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
