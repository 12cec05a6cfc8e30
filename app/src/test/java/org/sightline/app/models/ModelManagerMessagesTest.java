package org.sightline.app.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Every string of the model manager and the models command exists in English and in Simplified Chinese. */
class ModelManagerMessagesTest {

    private static Properties load(String resource) throws Exception {
        Properties p = new Properties();
        try (var in = ModelManagerMessagesTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void englishAndChineseHaveTheSameKeys() throws Exception {
        Properties en = load("/org/sightline/app/models/messages.properties");
        Properties zh = load("/org/sightline/app/models/messages_zh_CN.properties");
        assertThat(zh.stringPropertyNames()).isEqualTo(en.stringPropertyNames());
    }
}
