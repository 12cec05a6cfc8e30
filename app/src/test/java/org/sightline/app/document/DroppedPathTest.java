package org.sightline.app.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** What counts as a path when text is dropped on the window. */
class DroppedPathTest {

    @Test
    void aPathOrAFileUriIsOpenedAndOtherTextIsNot() {
        assertThat(DocumentWindow.pathIn("/home/ann/letter.pdf\n")).hasValue(Path.of("/home/ann/letter.pdf"));
        assertThat(DocumentWindow.pathIn("file:///home/ann/My%20scans/")).hasValue(Path.of("/home/ann/My scans"));
        assertThat(DocumentWindow.pathIn("~/letter.pdf")).hasValue(
                Path.of(System.getProperty("user.home"), "letter.pdf"));
        assertThat(DocumentWindow.pathIn("letter.pdf")).as("relative: to what?").isEmpty();
        assertThat(DocumentWindow.pathIn("just some words")).isEmpty();
        assertThat(DocumentWindow.pathIn("file://bad host/%%")).isEmpty();
    }
}
