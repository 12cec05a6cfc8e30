package org.sightline.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The built-in catalog: every entry well formed, one default per task, and which entries are pinned. */
class CatalogTest {

    private final Catalog catalog = Catalog.builtIn();

    @Test
    void listsTheModelsSightlineNeeds() {
        assertThat(catalog.ids()).containsExactly("ppocr-v4", "smolvlm-256m", "smolvlm-500m", "clip-vit-b32",
                "bge-small-en");
        assertThat(catalog.get("ppocr-v4").files()).extracting(ModelFile::role)
                .containsExactly("det", "rec", "cls", "keys");
        assertThat(catalog.get("smolvlm-256m").files()).extracting(ModelFile::role).containsExactly(
                "vision_encoder", "embed_tokens", "decoder", "tokenizer", "tokenizer_config", "config",
                "preprocessor_config");
        assertThat(catalog.get("smolvlm-500m").files()).extracting(ModelFile::role)
                .isEqualTo(catalog.get("smolvlm-256m").files().stream().map(ModelFile::role).toList());
        assertThat(catalog.get("clip-vit-b32").files()).extracting(ModelFile::role).contains("image", "text");
    }

    @Test
    void descriptionsFollowTheLanguage() {
        java.util.Locale before = org.sightline.i18n.Messages.locale();
        try {
            org.sightline.i18n.Messages.setLocale(java.util.Locale.SIMPLIFIED_CHINESE);
            assertThat(catalog.get("ppocr-v4").description()).contains("中文");
            org.sightline.i18n.Messages.setLocale(java.util.Locale.UK);
            assertThat(catalog.get("ppocr-v4").description()).contains("Chinese and English");
        } finally {
            org.sightline.i18n.Messages.setLocale(before);
        }
        for (ModelEntry e : catalog.entries()) {
            assertThat(e.descriptions()).as(e.id()).containsKeys("en", "zh-CN");
        }
    }

    @Test
    void aDefaultOnlyForTasksSightlineUses() {
        assertThat(catalog.defaultFor("ocr")).map(ModelEntry::id).contains("ppocr-v4");
        assertThat(catalog.defaultFor("vlm")).map(ModelEntry::id).contains("smolvlm-256m");
        // Nothing in Sightline uses image or sentence embeddings: about 740 MB that no default may pull in.
        assertThat(catalog.defaultFor("clip")).isEmpty();
        assertThat(catalog.defaultFor("text-embedding")).isEmpty();
    }

    @Test
    void everyRemoteFileIsAHuggingFaceUrlPinnedToTheEntrysRevision() {
        for (ModelEntry e : catalog.entries()) {
            for (ModelFile f : e.files()) {
                if (f.bundled()) {
                    assertThat(Catalog.class.getResource(f.resource())).as(f.source()).isNotNull();
                    continue;
                }
                assertThat(e.revision()).as(e.id()).matches("[0-9a-f]{40}");
                assertThat(f.source()).as(f.source()).startsWith("https://huggingface.co/")
                        .contains("/resolve/" + e.revision() + "/");
                assertThat(f.expectedSize()).as(f.name() + " has a size or an estimate").isPositive();
            }
        }
    }

    /**
     * Which entries the catalog pins by SHA-256, and which are trusted on first use because their hashes could not
     * be read where the catalog was written. Update this list when a hash is pinned.
     */
    @Test
    void pinnedEntriesAreListedHere() {
        List<String> pinned = catalog.entries().stream().filter(ModelEntry::pinned).map(ModelEntry::id).toList();
        List<String> trustOnFirstUse = catalog.entries().stream().filter(e -> !e.pinned()).map(ModelEntry::id).toList();
        assertThat(pinned).containsExactly("ppocr-v4", "bge-small-en");
        assertThat(trustOnFirstUse).containsExactly("smolvlm-256m", "smolvlm-500m", "clip-vit-b32");
        // Pinned files also carry their exact size; trusted-on-first-use ones carry an estimate.
        catalog.entries().stream().flatMap(e -> e.files().stream()).forEach(f -> {
            if (f.pinned()) {
                assertThat(f.size()).as(f.name()).isPositive();
            } else {
                assertThat(f.approxSize()).as(f.name()).isPositive();
            }
        });
    }

    @Test
    void malformedCatalogsAreRejected() {
        String twoDefaults = """
                {"models": [
                  {"id": "a", "task": "t", "name": "A", "default": true,
                   "files": [{"role": "r", "name": "f", "source": "classpath:/x", "sha256": null}]},
                  {"id": "b", "task": "t", "name": "B", "default": true,
                   "files": [{"role": "r", "name": "f", "source": "classpath:/x", "sha256": null}]}]}""";
        assertThatThrownBy(() -> Catalog.parse(stream(twoDefaults))).hasMessageContaining("two defaults");
        String pinnedWithoutHash = """
                {"models": [{"id": "a", "task": "t", "name": "A",
                   "files": [{"role": "r", "name": "f", "source": "classpath:/x", "sha256": null, "pinned": true}]}]}""";
        assertThatThrownBy(() -> Catalog.parse(stream(pinnedWithoutHash))).hasMessageContaining("pinned");
        String pathInName = """
                {"models": [{"id": "a", "task": "t", "name": "A",
                   "files": [{"role": "r", "name": "../f", "source": "classpath:/x"}]}]}""";
        assertThatThrownBy(() -> Catalog.parse(stream(pathInName))).hasMessageContaining("plain file name");
    }

    private static ByteArrayInputStream stream(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
