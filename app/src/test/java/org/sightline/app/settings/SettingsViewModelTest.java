package org.sightline.app.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sightline.i18n.Messages;

/** The description fields of the settings screen: checked before saving, saved stripped. */
class SettingsViewModelTest {

    @AfterEach
    void english() {
        Messages.setLocale(Locale.ENGLISH);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "http://localhost:11434/v1", "https://vision.example.org/v1", " HTTP://127.0.0.1:8080 "})
    void anEmptyOrHttpAddressCanBeSaved(String url) {
        SettingsViewModel vm = new SettingsViewModel(Settings.defaults());
        vm.remoteUrlProperty().set(url);
        assertThat(vm.problems()).isEmpty();
        assertThat(vm.toSettings().remoteUrl()).isEqualTo(url.strip());
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost:11434/v1", "ftp://example.org/v1", "http://", "not an address", "file:///etc/passwd"})
    void anyOtherAddressIsRefusedWithOneClearSentence(String url) {
        Messages.setLocale(Locale.ENGLISH);
        SettingsViewModel vm = new SettingsViewModel(Settings.defaults());
        vm.remoteUrlProperty().set(url);
        assertThat(vm.problems()).containsExactly(
                "The description server address must start with http:// or https:// and name a host, or be empty.");
    }

    @Test
    void theProblemIsSaidInChineseToo() {
        Messages.setLocale(Locale.SIMPLIFIED_CHINESE);
        SettingsViewModel vm = new SettingsViewModel(Settings.defaults());
        vm.remoteUrlProperty().set("ftp://example.org");
        assertThat(vm.problems()).singleElement().asString().contains("http://").contains("留空");
    }

    @Test
    void theFieldsMakeTheSettings() {
        SettingsViewModel vm = new SettingsViewModel(Settings.defaults());
        assertThat(vm.describeFastProperty().get()).isFalse();
        assertThat(vm.remoteUrlProperty().get()).isEmpty();
        vm.describeFastProperty().set(true);
        vm.remoteUrlProperty().set("http://localhost:11434/v1 ");
        vm.remoteModelProperty().set(" llava ");
        vm.remoteApiKeyProperty().set(" key ");
        Settings s = vm.toSettings();
        assertThat(s.describeFast()).isTrue();
        assertThat(s.remoteUrl()).isEqualTo("http://localhost:11434/v1");
        assertThat(s.remoteModel()).isEqualTo("llava");
        assertThat(s.remoteApiKey()).isEqualTo("key");
        vm.remoteModelProperty().set("");
        assertThat(vm.toSettings().remoteModel()).isEqualTo(Settings.DEFAULT_REMOTE_MODEL);
    }

    @Test
    void theBrailleBoxIsOffByDefaultAndNamedInBothLanguages() {
        SettingsViewModel vm = new SettingsViewModel(Settings.defaults());
        assertThat(vm.brailleProperty().get()).isFalse();
        vm.brailleProperty().set(true);
        assertThat(vm.toSettings().braille()).isTrue();
        assertThat(new SettingsViewModel(vm.toSettings()).brailleProperty().get()).isTrue();
        Messages.setLocale(Locale.ENGLISH);
        assertThat(org.sightline.app.AppText.get("settings.braille"))
                .isEqualTo("Show speech on a braille display (BRLTTY)");
        Messages.setLocale(Locale.SIMPLIFIED_CHINESE);
        assertThat(org.sightline.app.AppText.get("settings.braille")).contains("点显器").contains("BRLTTY");
    }

    @Test
    void theServeBoxIsOffByDefaultKeptAndNamedInBothLanguages() {
        SettingsViewModel vm = new SettingsViewModel(Settings.defaults());
        assertThat(vm.serveRequestsProperty().get()).isFalse();
        vm.serveRequestsProperty().set(true);
        assertThat(vm.toSettings().serveRequests()).isTrue();
        assertThat(new SettingsViewModel(vm.toSettings()).serveRequestsProperty().get()).isTrue();
        Messages.setLocale(Locale.ENGLISH);
        assertThat(org.sightline.app.AppText.get("settings.serveRequests"))
                .isEqualTo("Answer screen-reader add-ons and scripts from this window");
        Messages.setLocale(Locale.SIMPLIFIED_CHINESE);
        assertThat(org.sightline.app.AppText.get("settings.serveRequests")).contains("插件").contains("脚本");
    }
}
