package org.sightline.vision.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Every capture sentence exists in English and Chinese, and every pattern is one MessageFormat can use. */
class CaptureMessagesTest {

    private static Properties load(String name) throws Exception {
        Properties p = new Properties();
        try (var in = new InputStreamReader(CaptureMessagesTest.class.getResourceAsStream(
                "/org/sightline/vision/capture/" + name), StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return p;
    }

    @Test
    void englishAndChineseHaveTheSameSentences() throws Exception {
        Properties en = load("messages.properties");
        Properties zh = load("messages_zh_CN.properties");
        assertThat(zh.stringPropertyNames()).isEqualTo(en.stringPropertyNames());
        for (Properties p : new Properties[] {en, zh}) {
            for (String key : p.stringPropertyNames()) {
                assertThat(new MessageFormat(p.getProperty(key), Locale.ROOT).format(new Object[] {1, 2, 3}))
                        .as(key).isNotBlank();
            }
        }
        for (FramingHint hint : FramingHint.values()) {
            // A missing key comes back as the key itself.
            assertThat(hint.message()).as(hint.name()).doesNotStartWith("framing.");
        }
    }
}
