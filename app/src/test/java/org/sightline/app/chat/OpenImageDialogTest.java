package org.sightline.app.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.i18n.Messages;

/** What the open dialog says about a typed path before it lets the dialog close. */
class OpenImageDialogTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void english() {
        Messages.setLocale(Locale.ENGLISH);
    }

    @Test
    void aPathThatNamesNoReadableFileIsSaidAndKeepsTheDialogOpen() throws Exception {
        Path picture = Files.write(dir.resolve("letter.png"), new byte[] {1, 2, 3});
        assertThat(OpenImageDialog.problemWith(picture.toString())).isEmpty();
        assertThat(OpenImageDialog.problemWith("  " + picture + " ")).as("spaces around a pasted path").isEmpty();

        assertThat(OpenImageDialog.problemWith(dir.resolve("lettr.png").toString())).hasValue(
                "There is no file at " + dir.resolve("lettr.png") + ". Check the path, or choose Browse.");
        assertThat(OpenImageDialog.problemWith(dir.toString())).as("a folder of page images").isEmpty();
        assertThat(OpenImageDialog.problemWith("bad\0path")).hasValueSatisfying(
                m -> assertThat(m).endsWith("is not a path. Type the path of an image file, or choose Browse."));
    }

    @Test
    void aLeadingTildeIsTheHomeFolder() {
        assertThat(OpenImageDialog.toPath("~/Pictures/a.png")).hasValue(
                Path.of(System.getProperty("user.home"), "Pictures", "a.png"));
        assertThat(OpenImageDialog.toPath("   ")).isEmpty();
    }
}
