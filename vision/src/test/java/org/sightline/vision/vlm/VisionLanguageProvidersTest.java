package org.sightline.vision.vlm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sightline.error.Problem;
import org.sightline.error.SightlineException;
import org.sightline.i18n.Messages;
import org.sightline.models.Catalog;
import org.sightline.models.CatalogModelStore;
import org.sightline.models.ModelStoreConfig;
import org.sightline.task.TaskContext;
import org.sightline.vision.vlm.remote.RemoteProvider;
import org.sightline.vision.vlm.smolvlm.SmolVlmProvider;

/**
 * The vision-language door: the providers found through ServiceLoader, which one serves a choice, the one check
 * of a server address, and real backends opened from the tiny SmolVLM graphs and for a loopback server.
 */
class VisionLanguageProvidersTest {

    private static final Path TINY = Path.of("src/test/resources/vlm/smolvlm-tiny");

    @TempDir
    Path cache;
    private Locale saved;
    private final VisionLanguageProviders providers = VisionLanguageProviders.discover();

    @BeforeEach
    void english() {
        saved = Messages.locale();
        Messages.setLocale(Locale.ENGLISH);
    }

    @AfterEach
    void restore() {
        Messages.setLocale(saved);
    }

    private CatalogModelStore emptyStore() {
        return new CatalogModelStore(Catalog.builtIn(),
                ModelStoreConfig.defaults().withCacheDirectory(cache).withOffline(true));
    }

    @Test
    void bothProvidersAreRegisteredAndEachServesItsKindOfChoice() {
        assertThat(providers.all()).extracting(VisionLanguageProvider::id).containsExactly("smolvlm", "remote");
        assertThat(providers.providerFor(BackendChoice.installedModel())).get().isInstanceOf(SmolVlmProvider.class);
        assertThat(providers.providerFor(BackendChoice.folder(TINY))).get().isInstanceOf(SmolVlmProvider.class);
        assertThat(providers.providerFor(BackendChoice.remote("http://localhost:11434/v1", "llava", null)))
                .get().isInstanceOf(RemoteProvider.class);
        assertThat(new VisionLanguageProviders(java.util.List.of()).problem(BackendChoice.installedModel()))
                .hasValueSatisfying(s -> assertThat(s).startsWith("No description backend"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:11434/v1", "https://example.org/v1", "HTTP://127.0.0.1:8080"})
    void anHttpOrHttpsAddressWithAHostIsAccepted(String address) {
        assertThat(providers.accepts(BackendChoice.remote(address, "llava", null))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"httpx://localhost/v1", "http:///v1", "http:localhost", "ftp://example.org/v1",
            "localhost:11434", "not an address", ""})
    void anythingElseIsRefusedWithOneSentence(String address) {
        BackendChoice choice = BackendChoice.remote(address, "llava", null);
        assertThat(providers.accepts(choice)).isFalse();
        assertThatThrownBy(() -> providers.resolve(choice, emptyStore()))
                .isInstanceOfSatisfying(SightlineException.class, e -> {
                    assertThat(e.problem()).isEqualTo(Problem.BAD_INPUT);
                    assertThat(e.getMessage()).startsWith("The description server address must start with http://");
                });
    }

    @Test
    void theInstalledModelResolvesToNothingOnAnEmptyCacheAndANamedOneIsMissing() {
        CatalogModelStore store = emptyStore();
        assertThat(providers.resolve(BackendChoice.installedModel().withFast(true), store)).isEmpty();
        String named = Catalog.builtIn().defaultFor("vlm").orElseThrow().id();
        BackendChoice choice = BackendChoice.installed(named);
        assertThat(providers.resolve(choice, store)).contains(choice);
        assertThatThrownBy(() -> providers.open(choice, store, TaskContext.none()))
                .isInstanceOfSatisfying(SightlineException.class,
                        e -> assertThat(e.problem()).isEqualTo(Problem.MODEL_MISSING));
    }

    @Test
    void aFolderOpensTheTinyGraphsAndAServerChoiceOpensAClientThatSaysTheImageLeaves() {
        BufferedImage image = new BufferedImage(320, 200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 320, 200);
        g.setColor(Color.ORANGE);
        g.fillRect(100, 60, 120, 50);
        g.dispose();
        BackendChoice folder = BackendChoice.folder(TINY).withFast(true)
                .withGeneration(GenerationSettings.defaults().withMaxNewTokens(4));
        try (VisionLanguageBackend local = providers.open(folder, emptyStore(), TaskContext.none());
             Conversation conversation = local.startConversation(image, folder.options())) {
            assertThat(local.id()).isEqualTo("smolvlm-tiny");
            assertThat(local.privacyStatement()).isEmpty();
            assertThat(conversation.ask(Question.shortDescription(), TokenListener.IGNORE, TaskContext.none())
                    .text()).isNotBlank();
        }
        try (VisionLanguageBackend remote = providers.open(
                BackendChoice.remote("http://127.0.0.1:9/v1", "llava", "key"), emptyStore(), TaskContext.none())) {
            assertThat(remote.privacyStatement()).hasValueSatisfying(s -> assertThat(s)
                    .contains("127.0.0.1:9").contains("leave this computer"));
        }
    }

    @Test
    void twoChoicesForTheSameBackendShareItAndTheKeyNeverShows() {
        BackendChoice slow = BackendChoice.remote("http://localhost/v1", "llava", "secret");
        BackendChoice fast = slow.withFast(true).withGeneration(GenerationSettings.defaults().withMaxNewTokens(5));
        assertThat(fast).isNotEqualTo(slow);
        assertThat(fast.backend()).isEqualTo(slow.backend());
        assertThat(fast.toString()).doesNotContain("secret");
        assertThat(BackendChoice.remote("http://localhost/v1", "llava", "").apiKey()).isNull();
    }
}
