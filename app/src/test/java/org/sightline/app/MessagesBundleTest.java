package org.sightline.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sightline.app.chat.ChatAction;
import org.sightline.app.hotkeys.GlobalHotkey;
import org.sightline.i18n.Messages;

/** English and Simplified Chinese carry the same keys, every pattern is valid, and the language can be chosen. */
class MessagesBundleTest {

    @AfterEach
    void english() {
        Messages.setLocale(Locale.ENGLISH);
    }

    private static Properties load(String name) throws Exception {
        Properties p = new Properties();
        try (InputStream in = MessagesBundleTest.class.getResourceAsStream("/org/sightline/app/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void bothLanguagesHaveEveryKeyAndValidPatterns() throws Exception {
        Properties en = load("messages.properties");
        Properties zh = load("messages_zh_CN.properties");
        assertThat(zh.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(en.stringPropertyNames());
        for (Properties p : new Properties[] {en, zh}) {
            for (String key : p.stringPropertyNames()) {
                String pattern = p.getProperty(key);
                if (pattern.contains("{")) {
                    new MessageFormat(pattern);
                }
                assertThat(pattern).as(key).isNotBlank();
            }
        }
        for (ChatAction a : ChatAction.values()) {
            assertThat(en).containsKeys(a.messageKey(), a.helpKey());
        }
        for (GlobalHotkey h : GlobalHotkey.values()) {
            assertThat(en).containsKey(h.messageKey());
        }
    }

    @Test
    void englishCanBeChosenOnAChineseSystemAndChineseOnAnEnglishOne() {
        Locale system = Locale.getDefault();
        try {
            Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
            Messages.setLocale(Locale.ENGLISH);
            assertThat(AppText.get("answer.cancelled")).isEqualTo("Cancelled.");
            Messages.setLocale(Locale.SIMPLIFIED_CHINESE);
            assertThat(AppText.get("answer.cancelled")).isEqualTo("已取消。");
            Locale.setDefault(Locale.ENGLISH);
            assertThat(AppText.get("notBuilt.read")).isEqualTo("此版本尚不能朗读文字。");
        } finally {
            Locale.setDefault(system);
        }
    }
}
