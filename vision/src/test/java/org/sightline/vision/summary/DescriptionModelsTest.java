package org.sightline.vision.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.i18n.Messages;
import org.sightline.models.Catalog;
import org.sightline.models.CatalogModelStore;
import org.sightline.models.ModelStoreConfig;

/** Which description model is there, and the offer to download one, against a real store on an empty cache. */
class DescriptionModelsTest {

    @TempDir
    Path cache;
    private Locale saved;

    @BeforeEach
    void english() {
        saved = Messages.locale();
        Messages.setLocale(Locale.ENGLISH);
    }

    @AfterEach
    void restore() {
        Messages.setLocale(saved);
    }

    @Test
    void anEmptyCacheHasNoDescriptionModelAndOffersTheDefault() {
        CatalogModelStore store = new CatalogModelStore(Catalog.builtIn(),
                ModelStoreConfig.defaults().withCacheDirectory(cache).withOffline(false));
        assertThat(DescriptionModels.installed(store)).isEmpty();
        assertThat(DescriptionModels.downloadHint(store)).hasValueSatisfying(hint -> assertThat(hint)
                .startsWith("A description model, SmolVLM-256M-Instruct, can be downloaded (about ")
                .matches(".*\\(about \\d+ MB\\).*")
                .endsWith("with: sightline models pull smolvlm-256m."));
    }

    @Test
    void offlineTheOfferSaysToAllowDownloadsFirst() {
        CatalogModelStore store = new CatalogModelStore(Catalog.builtIn(),
                ModelStoreConfig.defaults().withCacheDirectory(cache).withOffline(true));
        assertThat(DescriptionModels.downloadHint(store)).hasValueSatisfying(hint -> assertThat(hint)
                .contains("sightline models pull smolvlm-256m").contains("work offline"));
    }
}
