package org.sightline.app.firstrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sightline.i18n.Messages;

class SizeTextTest {

    private final Locale saved = Messages.locale();

    @BeforeEach
    void english() {
        Messages.setLocale(Locale.ENGLISH);
    }

    @AfterEach
    void restore() {
        Messages.setLocale(saved);
    }

    @ParameterizedTest
    @CsvSource({"0, 0 B", "999, 999 B", "1000, 1 KB", "450000, 450 KB", "16200000, 16 MB", "999999999, 1 GB", "999999, 1 MB", "999400, 999 KB",
            "1300000000, 1.3 GB", "4000000000, 4 GB"})
    void sizesReadAsDownloadPagesWriteThem(long bytes, String expected) {
        assertThat(SizeText.format(bytes)).isEqualTo(expected);
    }

    @Test
    void aNegativeSizeIsABug() {
        assertThatThrownBy(() -> SizeText.format(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
