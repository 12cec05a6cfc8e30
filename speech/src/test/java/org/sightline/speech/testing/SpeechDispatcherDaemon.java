package org.sightline.speech.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real speech-dispatcher server for tests, with its own configuration, socket and logs under a temporary
 * folder, and audio sent nowhere (libao's null driver), so it runs on machines without sound and never
 * touches the user's own server. Two output modules: "recorder", a generic module whose "synthesiser"
 * appends each message to a file and takes a set time to "speak" it, and Debian's real espeak-ng module.
 */
public final class SpeechDispatcherDaemon implements AutoCloseable {

    private static final Path MODULES = Path.of("/usr/lib/speech-dispatcher-modules");

    private final Path dir;
    private final Process process;

    /**
     * Starts a server whose default module is {@code defaultModule} ("recorder" or "espeak-ng"); skips the test
     * with a clear message when speech-dispatcher is not installed.
     */
    public static SpeechDispatcherDaemon start(Path dir, String defaultModule, double secondsPerMessage)
            throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/speech-dispatcher")),
                "speech-dispatcher is not installed (Debian package speech-dispatcher); skipping");
        assumeTrue(Files.isExecutable(MODULES.resolve("sd_generic")),
                "speech-dispatcher's output modules are missing under " + MODULES + "; skipping");
        return new SpeechDispatcherDaemon(dir, defaultModule, secondsPerMessage);
    }

    private SpeechDispatcherDaemon(Path dir, String defaultModule, double secondsPerMessage)
            throws IOException, InterruptedException {
        this.dir = dir;
        Path conf = Files.createDirectories(dir.resolve("conf/modules"));
        Files.createDirectories(dir.resolve("log"));
        Files.createDirectories(dir.resolve("home"));
        Files.writeString(dir.resolve("home/.libao"), "default_driver=null\n");
        Files.writeString(dir.resolve("conf/speechd.conf"), String.join("\n",
                "LogLevel 3",
                "LogDir \"" + dir.resolve("log") + "\"",
                "AudioOutputMethod \"libao\"",
                "AddModule \"recorder\" \"sd_generic\" \"recorder.conf\"",
                "AddModule \"espeak-ng\" \"sd_espeak-ng\" \"espeak-ng.conf\"",
                "DefaultModule " + defaultModule,
                "DefaultLanguage \"en\"",
                ""));
        Files.writeString(conf.resolve("recorder.conf"), String.join("\n",
                "GenericExecuteSynth \"printf '%s|' '$DATA' >> '" + spokenFile() + "'; echo >> '" + spokenFile()
                        + "'; sleep " + secondsPerMessage + "\"",
                "GenericLanguage \"en\" \"en\" \"utf-8\"",
                "AddVoice \"en\" \"MALE1\" \"recorder-voice\"",
                ""));
        Files.writeString(conf.resolve("espeak-ng.conf"), "EspeakAudioChunkSize 300\n");
        ProcessBuilder pb = new ProcessBuilder(List.of("/usr/bin/speech-dispatcher", "-s",
                "-C", conf.getParent().toString(), "-c", "unix_socket", "-S", socket().toString(), "-t", "0",
                "-m", MODULES.toString()))
                .redirectErrorStream(true).redirectOutput(dir.resolve("log/stdout.txt").toFile());
        pb.environment().put("HOME", dir.resolve("home").toString());
        pb.environment().remove("DISPLAY");
        // Keep libpulse's probing (from the audio plugins) inside the test's folder.
        pb.environment().put("PULSE_RUNTIME_PATH", dir.resolve("home/pulse").toString());
        pb.environment().put("XDG_RUNTIME_DIR", dir.resolve("home").toString());
        process = pb.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!Files.exists(socket())) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                String log = Files.exists(dir.resolve("log/speech-dispatcher.log"))
                        ? Files.readString(dir.resolve("log/speech-dispatcher.log")) : "";
                process.destroyForcibly();
                throw new IOException("speech-dispatcher did not start: " + log);
            }
            Thread.sleep(20);
        }
    }

    public Path socket() {
        return dir.resolve("speechd.sock");
    }

    public Path spokenFile() {
        return dir.resolve("spoken.txt");
    }

    /** The messages the recorder module received, one per line. */
    public List<String> spoken() throws IOException {
        if (!Files.exists(spokenFile())) {
            return List.of();
        }
        return Files.readAllLines(spokenFile(), StandardCharsets.UTF_8).stream()
                .map(l -> l.endsWith("|") ? l.substring(0, l.length() - 1) : l).toList();
    }

    public String log() throws IOException {
        Path log = dir.resolve("log/speech-dispatcher.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    /** Kills the server the hard way, as a crash would. */
    public void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        awaitExit(5);
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        if (!awaitExit(1)) {
            kill();
        }
    }

    private boolean awaitExit(int seconds) {
        try {
            return process.waitFor(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
