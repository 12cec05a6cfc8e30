package org.sightline.app.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Tests that draw text name their font files (through {@code org.sightline.vision.testing.TestFonts}): Java's
 * logical fonts resolve to whatever fontconfig picks on the machine, so their pixels, and the thresholds checked on
 * them, differ from one machine to the next.
 */
class DrawnTextFontsTest {

    private static final Pattern LOGICAL_FONT = Pattern.compile(
            "new Font\\(|Font\\.(SANS_SERIF|SERIF|MONOSPACED|DIALOG|DIALOG_INPUT)\\b"
                    + "|\"(SansSerif|Serif|Monospaced|Dialog|DialogInput)\"");
    /** Drawing text, or a Swing component that shows text. */
    private static final Pattern DRAWS_TEXT = Pattern.compile(
            "\\.drawString\\(|\\.drawChars\\(|new TextLayout\\(|new J(Label|Button|TextField|TextArea|CheckBox)\\(");

    @Test
    void testsThatDrawTextUseTheKeptFontFiles() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent();
        List<String> problems = new ArrayList<>();
        int drawing = 0;
        for (String module : List.of("models", "speech", "vision", "app")) {
            Path tests = root.resolve(module).resolve("src/test/java");
            if (!Files.isDirectory(tests)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(tests)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    if (file.getFileName().toString().equals("TestFonts.java")
                            || file.getFileName().toString().equals("DrawnTextFontsTest.java")) {
                        continue;
                    }
                    String source = Files.readString(file);
                    var logical = LOGICAL_FONT.matcher(source);
                    if (logical.find()) {
                        problems.add(root.relativize(file) + ": uses a logical font (" + logical.group()
                                + "); draw with TestFonts instead");
                    }
                    if (DRAWS_TEXT.matcher(source).find()) {
                        drawing++;
                        if (!source.contains("TestFonts.")) {
                            problems.add(root.relativize(file) + ": draws text without a font from TestFonts");
                        }
                    }
                }
            }
        }
        assertThat(drawing).as("test files that draw text (the check found none: is the source root right?)")
                .isGreaterThan(5);
        assertThat(problems).isEmpty();
    }
}
