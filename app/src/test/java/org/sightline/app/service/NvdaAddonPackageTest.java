package org.sightline.app.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The add-on's build script: an .nvda-addon that NVDA can install, carrying the one Python client (a copy made
 * by the script, identical to installer/companion's) and the compiled Chinese messages.
 */
class NvdaAddonPackageTest {

    @Test
    void theBuildScriptPacksTheAddOnWithACopyOfTheClient() throws Exception {
        Path nvda = Path.of("../installer/nvda").toAbsolutePath().normalize();
        Process build = new ProcessBuilder("bash", nvda.resolve("build-addon.sh").toString(), "9.8.7")
                .redirectErrorStream(true).start();
        String output = new String(build.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(build.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(build.exitValue()).as(output).isZero();
        Path addon = nvda.resolve("target/sightline-9.8.7.nvda-addon");
        assertThat(output.strip()).endsWith(addon.toString());
        try (ZipFile zip = new ZipFile(addon.toFile())) {
            assertThat(zip.stream().map(ZipEntry::getName).sorted().toList()).containsExactly(
                    "globalPlugins/sightline/__init__.py", "globalPlugins/sightline/sightline_client.py",
                    "locale/zh_CN/LC_MESSAGES/nvda.mo", "manifest.ini", "readme.md");
            String manifest = new String(zip.getInputStream(zip.getEntry("manifest.ini")).readAllBytes(),
                    StandardCharsets.UTF_8);
            assertThat(manifest.lines().toList()).contains("name = sightline", "version = 9.8.7");
            byte[] client = zip.getInputStream(zip.getEntry("globalPlugins/sightline/sightline_client.py"))
                    .readAllBytes();
            assertThat(client).isEqualTo(Files.readAllBytes(nvda.resolve("../companion/sightline_client.py")));
            assertThat(List.of(new String(zip.getInputStream(zip.getEntry("globalPlugins/sightline/__init__.py"))
                    .readAllBytes(), StandardCharsets.UTF_8))).allSatisfy(plugin -> assertThat(plugin)
                    .contains("class GlobalPlugin(globalPluginHandler.GlobalPlugin)"));
        }
    }
}
