package org.sightline.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CacheDirectoriesTest {

    @Test
    void linuxUsesXdgCacheHomeThenDotCache() {
        assertThat(CacheDirectories.forPlatform(Map.of("XDG_CACHE_HOME", "/var/c"), "Linux", "/home/a"))
                .isEqualTo(Path.of("/var/c/sightline/models"));
        assertThat(CacheDirectories.forPlatform(Map.of(), "Linux", "/home/a"))
                .isEqualTo(Path.of("/home/a/.cache/sightline/models"));
        // A relative XDG_CACHE_HOME is invalid by the spec and ignored.
        assertThat(CacheDirectories.forPlatform(Map.of("XDG_CACHE_HOME", "rel"), "Linux", "/home/a"))
                .isEqualTo(Path.of("/home/a/.cache/sightline/models"));
    }

    @Test
    void sightlineModelsWinsEverywhere() {
        Map<String, String> env = Map.of("SIGHTLINE_MODELS", "/data/m", "XDG_CACHE_HOME", "/var/c");
        assertThat(CacheDirectories.forPlatform(env, "Linux", "/home/a")).isEqualTo(Path.of("/data/m"));
        assertThat(CacheDirectories.forPlatform(env, "Mac OS X", "/Users/a")).isEqualTo(Path.of("/data/m"));
    }

    @Test
    void macAndWindowsUseTheirCacheFolders() {
        assertThat(CacheDirectories.forPlatform(Map.of(), "Mac OS X", "/Users/a"))
                .isEqualTo(Path.of("/Users/a/Library/Caches/Sightline/models"));
        assertThat(CacheDirectories.forPlatform(Map.of("LOCALAPPDATA", "/w/Local"), "Windows 11", "/w"))
                .isEqualTo(Path.of("/w/Local/Sightline/cache/models"));
    }

    @Test
    void environmentSwitches() {
        ModelStoreConfig c = ModelStoreConfig.fromEnvironment(Map.of("SIGHTLINE_OFFLINE", "1",
                "SIGHTLINE_MODELS", "/m", "SIGHTLINE_MODELS_MIRROR", "https://mirror.example/hf"));
        assertThat(c.offline()).isTrue();
        assertThat(c.resolvedCacheDirectory()).isEqualTo(Path.of("/m"));
        assertThat(c.mirror().toString()).isEqualTo("https://mirror.example/hf");
        assertThat(ModelStoreConfig.fromEnvironment(Map.of("SIGHTLINE_OFFLINE", "0")).offline()).isFalse();
    }
}
