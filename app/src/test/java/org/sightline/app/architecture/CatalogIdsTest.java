package org.sightline.app.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.sightline.models.Catalog;

/**
 * Only engine providers name catalog entries, and they take them from the catalog's default for their task where
 * they can: a feature asks a provider for an engine, so changing a default model is a change to the catalog (and
 * at most one provider), not a hunt through the app. ArchUnit sees classes, not string literals, so this reads
 * the main sources.
 */
class CatalogIdsTest {

    @Test
    void catalogIdsAppearInMainCodeOnlyInsideProviders() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent();
        List<String> ids = Catalog.builtIn().ids();
        List<String> problems = new ArrayList<>();
        int files = 0;
        for (String module : List.of("models", "speech", "vision", "app")) {
            Path main = root.resolve(module).resolve("src/main/java");
            try (Stream<Path> paths = Files.walk(main)) {
                for (Path file : paths.filter(f -> f.toString().endsWith(".java")).toList()) {
                    files++;
                    if (file.getFileName().toString().endsWith("Provider.java")) {
                        continue;
                    }
                    List<String> lines = Files.readAllLines(file);
                    for (int i = 0; i < lines.size(); i++) {
                        String line = lines.get(i).strip();
                        if (line.startsWith("*") || line.startsWith("/*") || line.startsWith("//")) {
                            continue;
                        }
                        for (String id : ids) {
                            if (line.contains("\"" + id + "\"")) {
                                problems.add(root.relativize(file) + ":" + (i + 1) + " names \"" + id
                                        + "\"; ask the provider, or the catalog's default for the task");
                            }
                        }
                    }
                }
            }
        }
        assertThat(ids).as("catalog ids").contains("ppocr-v4");
        assertThat(files).as("main source files read (is the source root right?)").isGreaterThan(200);
        assertThat(problems).isEmpty();
    }
}
