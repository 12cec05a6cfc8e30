package org.sightline.app.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sightline.app.hotkeys.GlobalHotkey;
import org.sightline.i18n.Messages;

class SettingsStoreTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void english() {
        Messages.setLocale(Locale.ENGLISH);
    }

    @Test
    void noFileMeansDefaultsAndNoComplaint() {
        SettingsStore.Loaded loaded = new SettingsStore(dir).load();
        assertThat(loaded.settings()).isEqualTo(Settings.defaults());
        assertThat(loaded.problem()).isEmpty();
        assertThat(loaded.settings().hotkey(GlobalHotkey.DESCRIBE_SCREEN)).isEqualTo("Ctrl+Alt+Shift+D");
    }

    @Test
    void savedSettingsComeBackAndOnlyTheOwnerMayReadThem() throws Exception {
        SettingsStore store = new SettingsStore(dir.resolve("sightline"));
        Settings s = new Settings(false, "zh-CN", Map.of("STOP", "Ctrl+Alt+Shift+X"), 300, "espeak-ng", 800, false);
        store.save(s);
        assertThat(store.load().settings()).isEqualTo(s);
        assertThat(store.load().settings().hotkey(GlobalHotkey.STOP)).isEqualTo("Ctrl+Alt+Shift+X");
        assertThat(store.load().settings().hotkey(GlobalHotkey.CAMERA)).isEqualTo("Ctrl+Alt+Shift+C");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file()))).isEqualTo("rw-------");
        try (var files = Files.list(store.directory())) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("settings.json");
        }
    }

    @Test
    void brailleIsOffByDefaultKeptWhenTurnedOnAndOffInAnOlderFile() throws Exception {
        SettingsStore store = new SettingsStore(dir);
        assertThat(Settings.defaults().braille()).isFalse();
        store.save(Settings.defaults().withBraille(true).withDescribeFast(true));
        assertThat(store.load().settings().braille()).isTrue();
        assertThat(store.load().settings().describeFast()).isTrue();
        Files.writeString(store.file(), "{\"speechRate\": 300}");
        assertThat(store.load().settings().braille()).isFalse();
    }

    @Test
    void servingRequestsFromTheAppIsOffByDefaultKeptWhenTurnedOnAndOffInAnOlderFile() throws Exception {
        SettingsStore store = new SettingsStore(dir);
        assertThat(Settings.defaults().serveRequests()).isFalse();
        store.save(Settings.defaults().withServeRequests(true).withBraille(true));
        assertThat(store.load().settings().serveRequests()).isTrue();
        assertThat(store.load().settings().braille()).isTrue();
        Files.writeString(store.file(), "{\"braille\": true}");
        assertThat(store.load().settings().serveRequests()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{ not json", "", "[1, 2, 3]", "{\"speechRate\": \"fast\"}", "null"})
    void aDamagedFileIsKeptAsBackupReplacedByDefaultsAndReportedOnce(String damaged) throws Exception {
        SettingsStore store = new SettingsStore(dir);
        Files.writeString(store.file(), damaged);
        SettingsStore.Loaded first = store.load();
        assertThat(first.settings()).isEqualTo(Settings.defaults());
        assertThat(first.problem()).hasValueSatisfying(m -> assertThat(m)
                .startsWith("Your settings file was damaged").contains("settings.json.bak"));
        assertThat(Files.readString(dir.resolve("settings.json.bak"))).isEqualTo(damaged);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("settings.json.bak"))))
                .isEqualTo("rw-------");
        SettingsStore.Loaded second = store.load();
        assertThat(second.problem()).isEmpty();
        assertThat(second.settings()).isEqualTo(Settings.defaults());
    }

    @Test
    void unknownAndOutOfRangeValuesFallBackInsteadOfFailing() throws Exception {
        SettingsStore store = new SettingsStore(dir);
        Files.writeString(store.file(), "{\"selfVoicing\": true, \"language\": \"klingon\", \"speechRate\": 5,"
                + " \"regionSize\": 100000, \"futureSetting\": 1}");
        SettingsStore.Loaded loaded = store.load();
        assertThat(loaded.problem()).isEmpty();
        assertThat(loaded.settings().language()).isEqualTo("system");
        assertThat(loaded.settings().speechRate()).isEqualTo(Settings.DEFAULT_RATE);
        assertThat(loaded.settings().regionSize()).isEqualTo(Settings.DEFAULT_REGION);
    }

    @Test
    void aFileWithOnlySomeSettingsKeepsTheDefaultsForTheRest() throws Exception {
        SettingsStore store = new SettingsStore(dir);
        Files.writeString(store.file(), "{\"language\": \"zh-CN\"}");
        Settings s = store.load().settings();
        assertThat(s.language()).isEqualTo("zh-CN");
        assertThat(s).isEqualTo(Settings.defaults().withLanguage("zh-CN"));
    }

    @Test
    void theFolderFollowsEachPlatformsConvention() {
        assertThat(SettingsStore.defaultDirectory(Map.of("XDG_CONFIG_HOME", "/x/cfg"),
                Map.of("os.name", "Linux", "user.home", "/home/ann"))).isEqualTo(Path.of("/x/cfg/sightline"));
        assertThat(SettingsStore.defaultDirectory(Map.of(), Map.of("os.name", "Linux", "user.home", "/home/ann")))
                .isEqualTo(Path.of("/home/ann/.config/sightline"));
        assertThat(SettingsStore.defaultDirectory(Map.of("APPDATA", "/c/Users/ann/AppData/Roaming"),
                Map.of("os.name", "Windows 11", "user.home", "/c/Users/ann")))
                .isEqualTo(Path.of("/c/Users/ann/AppData/Roaming/Sightline"));
        assertThat(SettingsStore.defaultDirectory(Map.of(), Map.of("os.name", "Mac OS X", "user.home", "/Users/ann")))
                .isEqualTo(Path.of("/Users/ann/Library/Application Support/Sightline"));
        assertThat(SettingsStore.defaultDirectory(Map.of("SIGHTLINE_CONFIG", "/tmp/t", "XDG_CONFIG_HOME", "/x"),
                Map.of("os.name", "Linux"))).isEqualTo(Path.of("/tmp/t"));
    }

    @Test
    void settingsViewModelReportsBadHotkeysBeforeSaving() {
        SettingsViewModel vm = new SettingsViewModel(Settings.defaults());
        assertThat(vm.problems()).isEmpty();
        vm.hotkeyProperty(GlobalHotkey.CAMERA).set("D");
        vm.hotkeyProperty(GlobalHotkey.STOP).set("Ctrl+Alt+Shift+D");
        vm.hotkeyProperty(GlobalHotkey.READ_TEXT).set("banana");
        List<String> problems = vm.problems();
        assertThat(problems).hasSize(3);
        assertThat(String.join("\n", problems)).contains("D for Camera snapshot needs at least two modifiers",
                "Ctrl+Alt+Shift+D is already used by another action", "\"banana\" is not a key for Read the text");
        vm.hotkeyProperty(GlobalHotkey.CAMERA).set("ctrl + alt + shift + k");
        vm.hotkeyProperty(GlobalHotkey.STOP).set("Ctrl+Alt+Shift+S");
        vm.hotkeyProperty(GlobalHotkey.READ_TEXT).set("Ctrl+Alt+Shift+T");
        vm.selfVoicingProperty().set(false);
        assertThat(vm.problems()).isEmpty();
        Settings out = vm.toSettings();
        assertThat(out.selfVoicing()).isFalse();
        assertThat(out.hotkey(GlobalHotkey.CAMERA)).isEqualTo("ctrl + alt + shift + k");
    }

    @Test
    void theFirstRunIsDueForAnOldFileAndRememberedOnceDone() throws Exception {
        SettingsStore store = new SettingsStore(dir);
        // A settings file written before the setup existed: everything but the new field.
        Files.writeString(store.file(), "{\"selfVoicing\": true, \"language\": \"en\", \"speechRate\": 200,"
                + " \"speechEngine\": \"espeak-ng\", \"regionSize\": 400, \"keepHistory\": false}");
        Settings old = store.load().settings();
        assertThat(old.firstRunDone()).isFalse();
        assertThat(old.speechEngine()).isEqualTo("espeak-ng");
        assertThat(Settings.defaults().firstRunDone()).isFalse();

        store.save(old.withFirstRunDone(true));
        assertThat(Files.readString(store.file())).contains("\"firstRunDone\"");
        Settings back = store.load().settings();
        assertThat(back.firstRunDone()).isTrue();
        assertThat(back).isEqualTo(old.withFirstRunDone(true));
        // The settings screen does not show the flag; saving from it must keep it.
        assertThat(new SettingsViewModel(back).toSettings().firstRunDone()).isTrue();
        assertThat(back.withSpeechEngine("freetts").withLanguage("zh-CN").firstRunDone()).isTrue();
    }

    @Test
    void theDescriptionSettingsComeBackOwnerOnlyAndTheKeyIsNeverInTheirText() throws Exception {
        SettingsStore store = new SettingsStore(dir.resolve("sightline"));
        Settings s = Settings.defaults().withDescribeFast(true)
                .withRemote(" https://vision.example.org/v1 ", "llava", "sk-very-secret");
        assertThat(s.remoteUrl()).isEqualTo("https://vision.example.org/v1");
        store.save(s);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file()))).isEqualTo("rw-------");
        String json = Files.readString(store.file());
        assertThat(json).contains("\"describeFast\" : true", "\"remoteUrl\" : \"https://vision.example.org/v1\"",
                "\"remoteModel\" : \"llava\"", "\"remoteApiKey\" : \"sk-very-secret\"");
        assertThat(json).doesNotContain("remoteDescriptions");
        Settings back = new SettingsStore(dir.resolve("sightline")).load().settings();
        assertThat(back).isEqualTo(s);
        assertThat(back.remoteDescriptions()).isTrue();
        assertThat(back.describeFast()).isTrue();
        assertThat(back.remoteApiKey()).isEqualTo("sk-very-secret");
        assertThat(store.current()).isEqualTo(s);
        // Whatever logs a settings object shows that a key is set, never the key.
        assertThat(back.toString()).doesNotContain("sk-very-secret").contains("remoteApiKey=(set)");
        // The settings screen keeps the values it does not change.
        assertThat(new SettingsViewModel(back).toSettings()).isEqualTo(s);
    }

    @Test
    void aFileFromBeforeTheDescriptionSettingsDescribesLocallyAndInDetail() throws Exception {
        SettingsStore store = new SettingsStore(dir);
        Files.writeString(store.file(), "{\"selfVoicing\": true, \"language\": \"en\", \"speechRate\": 200,"
                + " \"speechEngine\": \"\", \"regionSize\": 400, \"keepHistory\": true, \"firstRunDone\": true}");
        Settings old = store.load().settings();
        assertThat(old.describeFast()).isFalse();
        assertThat(old.remoteUrl()).isEmpty();
        assertThat(old.remoteDescriptions()).isFalse();
        assertThat(old.remoteModel()).isEqualTo(Settings.DEFAULT_REMOTE_MODEL);
        assertThat(old.remoteApiKey()).isEmpty();
        assertThat(Settings.defaults().remoteDescriptions()).isFalse();
        assertThat(Settings.defaults().describeFast()).isFalse();
    }

    @Test
    void savingFollowsInCurrentSoServicesSeeWhatTheUserSaved() {
        SettingsStore store = new SettingsStore(dir);
        assertThat(store.current()).isEqualTo(Settings.defaults());
        Settings remote = Settings.defaults().withRemote("http://localhost:11434/v1", "llava", "");
        store.save(remote);
        assertThat(store.current()).isEqualTo(remote);
    }
}
