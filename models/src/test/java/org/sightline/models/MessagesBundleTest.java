package org.sightline.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Every user-visible string of the model store exists in English and in Simplified Chinese. */
class MessagesBundleTest {

    static Properties load(String resource) throws Exception {
        Properties p = new Properties();
        try (var in = MessagesBundleTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void englishAndChineseHaveTheSameKeys() throws Exception {
        Properties en = load("/org/sightline/models/messages.properties");
        Properties zh = load("/org/sightline/models/messages_zh_CN.properties");
        assertThat(zh.stringPropertyNames()).isEqualTo(en.stringPropertyNames());
    }
}
