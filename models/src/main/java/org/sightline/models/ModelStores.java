package org.sightline.models;

import org.sightline.models.runtime.OnnxModels;

/**
 * The process-wide model store. Features call {@link #standard()}; the app calls {@link #configure} once at start
 * with the user's settings. {@code SIGHTLINE_OFFLINE=1} in the environment forces offline whatever the settings say.
 */
public final class ModelStores {

    private static volatile CatalogModelStore standard;

    private ModelStores() {
    }

    /** The store for this process, configured from the environment unless {@link #configure} was called. */
    public static CatalogModelStore standard() {
        CatalogModelStore s = standard;
        if (s == null) {
            synchronized (ModelStores.class) {
                if (standard == null) {
                    standard = create(ModelStoreConfig.fromEnvironment());
                }
                s = standard;
            }
        }
        return s;
    }

    /** Replaces the process-wide store with one built from {@code config} (the app's settings). */
    public static synchronized CatalogModelStore configure(ModelStoreConfig config) {
        ModelStoreConfig c = config;
        if (ModelStoreConfig.isTrue(System.getenv(ModelStoreConfig.ENV_OFFLINE))) {
            c = c.withOffline(true);
        }
        standard = create(c);
        return standard;
    }

    private static CatalogModelStore create(ModelStoreConfig config) {
        OnnxModels.setThreads(config.threads());
        return new CatalogModelStore(Catalog.builtIn(), config);
    }
}
