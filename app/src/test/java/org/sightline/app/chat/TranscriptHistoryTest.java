package org.sightline.app.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TranscriptHistoryTest {

    @TempDir
    Path dir;

    private static Turn turn(String q, String at, String answer) {
        Turn t = new Turn(q, at);
        t.answer(answer);
        return t;
    }

    @Test
    void exchangesSurviveARestartNoticesDoNotAndOnlyTheOwnerReadsThem() throws Exception {
        TranscriptHistory h = new TranscriptHistory(dir.resolve("sightline"));
        h.save(List.of(turn(null, null, "Sightline ready."), turn("Describe the screen", "the screen", "A chart."),
                turn("what is the title?", "the screen", "Sales 2026.")));
        List<Turn> back = h.load();
        assertThat(back).extracting(Turn::question, Turn::lookedAt, Turn::answer).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Describe the screen", "the screen", "A chart."),
                org.assertj.core.groups.Tuple.tuple("what is the title?", "the screen", "Sales 2026."));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(h.file()))).isEqualTo("rw-------");
        h.forget();
        assertThat(h.file()).doesNotExist();
        assertThat(h.load()).isEmpty();
    }

    @Test
    void onlyTheNewestTurnsAreKept() {
        TranscriptHistory h = new TranscriptHistory(dir);
        List<Turn> many = new ArrayList<>();
        for (int i = 0; i < TranscriptHistory.MAX_TURNS + 5; i++) {
            many.add(turn("q" + i, "the screen", "a" + i));
        }
        h.save(many);
        List<Turn> back = h.load();
        assertThat(back).hasSize(TranscriptHistory.MAX_TURNS);
        assertThat(back.get(0).question()).isEqualTo("q5");
    }

    @Test
    void aDamagedHistoryIsIgnored() throws Exception {
        TranscriptHistory h = new TranscriptHistory(dir);
        Files.writeString(h.file(), "{{{");
        assertThat(h.load()).isEmpty();
    }
}
