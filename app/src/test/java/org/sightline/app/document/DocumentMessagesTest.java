package org.sightline.app.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sightline.i18n.Messages;

/** The document mode speaks English and Chinese alike: the same sentences, with the numbers in their place. */
class DocumentMessagesTest {

    @AfterEach
    void english() {
        Messages.setLocale(Locale.ENGLISH);
    }

    private static Properties load(String file) throws Exception {
        Properties p = new Properties();
        try (InputStream in = DocumentMessagesTest.class.getResourceAsStream(file)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void chineseHasEverySentenceOfEnglish() throws Exception {
        Properties en = load("document.properties");
        Properties zh = load("document_zh_CN.properties");
        assertThat(zh.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(en.stringPropertyNames());
    }

    @Test
    void countsAndNumbersReadNaturallyInBothLanguages() {
        Messages.setLocale(Locale.ENGLISH);
        assertThat(DocumentText.get("document.stopped", 1, 80)).isEqualTo("Stopped reading. One page is kept of 80.");
        assertThat(DocumentText.get("document.failedPages", 2, "2, 5")).isEqualTo("Pages 2, 5 could not be read.");
        assertThat(DocumentText.get("document.enter", "a.pdf", 1)).startsWith("Document, a.pdf, one page.");
        Messages.setLocale(Locale.SIMPLIFIED_CHINESE);
        assertThat(DocumentText.get("document.page", 3, 12)).isEqualTo("第3页，共12页");
        assertThat(DocumentText.get("document.find.found", 4, 7, "发票号码")).isEqualTo("在第4页第7行找到：发票号码");
    }
}
