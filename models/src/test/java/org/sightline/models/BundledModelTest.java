package org.sightline.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.error.Problem;
import org.sightline.error.SightlineException;
import org.sightline.task.CancellationToken;
import org.sightline.task.Progress;
import org.sightline.task.TaskContext;

/** PP-OCR ships inside a jar: the store installs it from the classpath on first use, verified, offline. */
class BundledModelTest {

    @TempDir
    Path cache;

    private CatalogModelStore store() {
        // Offline: installing a bundled model must never need the network.
        return new CatalogModelStore(Catalog.builtIn(), ModelStoreConfig.defaults().withCacheDirectory(cache)
                .withOffline(true));
    }

    @Test
    void requireInstallsPpOcrFromTheClasspathWithAllFourRoles() throws Exception {
        CatalogModelStore store = store();
        assertThat(store.isInstalled("ppocr-v4")).isFalse();
        List<Progress> progress = new ArrayList<>();
        InstalledModel m = store.require("ppocr-v4", TaskContext.of(CancellationToken.NONE, progress::add));

        assertThat(m.id()).isEqualTo("ppocr-v4");
        assertThat(m.directory()).isEqualTo(cache.resolve("ppocr-v4"));
        assertThat(Sha256.of(m.file("det"))).isEqualTo("d2a7720d45a54257208b1e13e36a8479894cb74155a5efe29462512d42f49da9");
        assertThat(Sha256.of(m.file("rec"))).isEqualTo("01963c554a1a00203c5746bca5306fc05a1278a014495383ddd935d0d2ac0415");
        assertThat(Sha256.of(m.file("cls"))).isEqualTo("e47acedf663230f8863ff1ab0e64dd2d82b838fceb5957146dab185a89d6215c");
        assertThat(Files.readAllLines(m.file("keys"))).hasSize(6623);
        assertThat(store.isInstalled("ppocr-v4")).isTrue();
        assertThat(progress).isNotEmpty();
        assertThat(progress.get(progress.size() - 1).done()).isEqualTo(store.catalog().get("ppocr-v4").size());
        // No partial files are left beside the model.
        try (var s = Files.list(m.directory())) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
        }
        assertThatThrownBy(() -> m.file("decoder")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("det");
    }

    @Test
    void aSecondStoreFindsTheModelInstalledWithoutCopyingAgain() throws Exception {
        InstalledModel first = store().require("ppocr-v4", TaskContext.none());
        long modified = Files.getLastModifiedTime(first.file("rec")).toMillis();
        CatalogModelStore second = store();
        assertThat(second.isInstalled("ppocr-v4")).isTrue();
        InstalledModel again = second.require("ppocr-v4", TaskContext.none());
        assertThat(Files.getLastModifiedTime(again.file("rec")).toMillis()).isEqualTo(modified);
    }

    @Test
    void aDamagedBundledFileIsNeverHandedOutButReinstalled() throws Exception {
        CatalogModelStore store = store();
        InstalledModel m = store.require("ppocr-v4", TaskContext.none());
        Files.write(m.file("det"), new byte[] {1, 2, 3});
        assertThat(store.isInstalled("ppocr-v4")).isFalse();

        InstalledModel again = store.require("ppocr-v4", TaskContext.none());
        assertThat(Sha256.of(again.file("det"))).isEqualTo(store.catalog().get("ppocr-v4").file("det").orElseThrow().sha256());
        assertThat(store.isInstalled("ppocr-v4")).isTrue();
    }

    @Test
    void verifyPassesOnTheInstalledModelAndCatchesCorruptionOfTheSameSize() throws Exception {
        CatalogModelStore store = store();
        InstalledModel m = store.require("ppocr-v4", TaskContext.none());
        VerifyReport ok = store.verify("ppocr-v4", TaskContext.none());
        assertThat(ok.ok()).isTrue();
        assertThat(ok.files()).extracting(VerifyReport.FileCheck::state).containsOnly(VerifyReport.State.OK);

        // Flip one byte in place, keeping size and time: only a full hash can catch this.
        Path keys = m.file("keys");
        var time = Files.getLastModifiedTime(keys);
        byte[] bytes = Files.readAllBytes(keys);
        bytes[100] ^= 0x20;
        Files.write(keys, bytes);
        Files.setLastModifiedTime(keys, time);

        VerifyReport bad = store.verify("ppocr-v4", TaskContext.none());
        assertThat(bad.ok()).isFalse();
        assertThat(bad.files()).filteredOn(f -> f.role().equals("keys"))
                .extracting(VerifyReport.FileCheck::state).containsExactly(VerifyReport.State.CORRUPT);
        assertThat(keys).doesNotExist();
        assertThat(store.isInstalled("ppocr-v4")).isFalse();
    }

    @Test
    void unknownIdIsBadInputListingTheValidIds() {
        assertThatThrownBy(() -> store().require("ppocr-v9", TaskContext.none()))
                .isInstanceOfSatisfying(SightlineException.class, e -> {
                    assertThat(e.problem()).isEqualTo(Problem.BAD_INPUT);
                    assertThat(e.getMessage()).contains("ppocr-v9").contains("ppocr-v4");
                });
    }

    @Test
    void removeDeletesTheModelDirectory() {
        CatalogModelStore store = store();
        InstalledModel m = store.require("ppocr-v4", TaskContext.none());
        store.remove("ppocr-v4");
        assertThat(m.directory()).doesNotExist();
        assertThat(store.isInstalled("ppocr-v4")).isFalse();
    }

    @Test
    void configureReplacesTheProcessWideStore() {
        CatalogModelStore configured = ModelStores.configure(ModelStoreConfig.defaults().withCacheDirectory(cache)
                .withThreads(2));
        try {
            assertThat(ModelStores.standard()).isSameAs(configured);
            assertThat(ModelStores.standard().cacheDirectory()).isEqualTo(cache.toAbsolutePath());
            // Surefire sets SIGHTLINE_OFFLINE=1, which wins over the settings.
            if ("1".equals(System.getenv("SIGHTLINE_OFFLINE"))) {
                assertThat(ModelStores.standard().config().offline()).isTrue();
            }
            assertThat(ModelStores.standard().require("ppocr-v4", TaskContext.none()).file("rec")).exists();
        } finally {
            ModelStores.configure(ModelStoreConfig.fromEnvironment());
        }
    }
}
