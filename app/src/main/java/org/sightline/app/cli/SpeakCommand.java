package org.sightline.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.sightline.error.Problem;
import org.sightline.error.SightlineException;
import org.sightline.i18n.Messages;
import org.sightline.speech.Priority;
import org.sightline.speech.SpeechOutputs;
import org.sightline.speech.SpeechQueue;
import org.sightline.speech.SpeechRenderer;
import org.sightline.speech.SpeechSettings;
import org.sightline.speech.audio.AudioDevices;
import org.sightline.speech.engine.TtsEngine;
import org.sightline.speech.engine.TtsEngines;
import org.sightline.speech.engine.Voice;
import org.sightline.task.CancellationToken;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sightline speak}: says text aloud, writes it to a WAV file, or lists the engines and voices. */
@Command(name = "speak", mixinStandardHelpOptions = true,
        description = {"Speak text aloud or into a WAV file.",
                "Engines, best first: speech-dispatcher (when running), sapi / say (Windows / macOS), espeak-ng, "
                        + "freetts, silent."})
public final class SpeakCommand implements Callable<Integer> {

    private static final Messages MESSAGES = new Messages("org.sightline.speech.messages");

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "TEXT", description = "What to say; \"-\" reads it from standard input.")
    private List<String> words = List.of();

    @Option(names = "--engine", paramLabel = "E", description = "Engine id (see --list); default: the best available.")
    private String engine = SpeechSettings.AUTO;

    @Option(names = "--voice", paramLabel = "V", description = "Voice name of that engine (see --list).")
    private String voice;

    @Option(names = "--language", paramLabel = "L", description = "Language, e.g. en or cmn (Mandarin).")
    private String language;

    @Option(names = "--rate", paramLabel = "R", description = "Speed: 1 normal, 3 three times as fast (0.25 to 4).")
    private double rate = 1.0;

    @Option(names = "--pitch", paramLabel = "P", description = "Pitch: 1 the voice's own (0.25 to 2).")
    private double pitch = 1.0;

    @Option(names = "--volume", paramLabel = "V", description = "Volume: 0 to 1 (default 1).")
    private double volume = 1.0;

    @Option(names = "--out", paramLabel = "FILE.wav", description = "Write the speech to this WAV file instead.")
    private Path out;

    @Option(names = "--list", description = "List the engines and their voices.")
    private boolean list;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        TtsEngines engines = TtsEngines.discover();
        if (list) {
            SpeakListing.print(engines, stdout, MESSAGES);
            return ExitCode.OK;
        }
        SpeechSettings settings = settings();
        String text = text();
        if (text.isBlank()) {
            throw new SightlineException(Problem.BAD_INPUT, MESSAGES.get("text.empty"));
        }
        if (out != null) {
            SpeechRenderer renderer = new SpeechRenderer(engines);
            checkVoice(renderer.engineFor(settings), settings);
            SpeechRenderer.Rendered r = renderer.render(text, settings, out, new CancellationToken());
            stdout.println(MESSAGES.get("out.written", r.file(), r.seconds(), r.engine()));
            return ExitCode.OK;
        }
        return speakAloud(engines, settings, text);
    }

    private int speakAloud(TtsEngines engines, SpeechSettings settings, String text) throws InterruptedException {
        if (!settings.isAutoEngine()) {
            TtsEngine chosen = engines.byId(settings.engine()).orElseThrow(() -> new SightlineException(
                    Problem.BAD_INPUT, MESSAGES.get("engine.unknown", settings.engine(), String.join(", ", engines.ids()))));
            if (!chosen.isAvailable()) {
                throw new SightlineException(Problem.DEVICE_UNAVAILABLE, MESSAGES.get("engine.unavailable",
                        chosen.id(), String.join(", ", engines.fallbackOrder(null, false).stream().map(TtsEngine::id).toList())));
            }
            checkVoice(chosen, settings);
        }
        boolean dispatcher = engines.byId("speech-dispatcher").filter(TtsEngine::isAvailable).isPresent()
                && (settings.isAutoEngine() || settings.engine().equals("speech-dispatcher"));
        if (!dispatcher && !AudioDevices.hasOutput()) {
            throw new SightlineException(Problem.DEVICE_UNAVAILABLE, MESSAGES.get("audio.none"));
        }
        try (SpeechQueue queue = SpeechOutputs.create(settings)) {
            Thread onCtrlC = new Thread(queue::stop, "sightline-speak-stop");
            Runtime.getRuntime().addShutdownHook(onCtrlC);
            queue.speak(text, Priority.NORMAL);
            // Generous: a tenth of a second per character at the slowest rate, and never less than a minute.
            queue.awaitIdle(Duration.ofSeconds(60 + text.length() / 4));
            Runtime.getRuntime().removeShutdownHook(onCtrlC);
        }
        return ExitCode.OK;
    }

    private SpeechSettings settings() {
        if (!(rate >= SpeechSettings.MIN_RATE && rate <= SpeechSettings.MAX_RATE)) {
            throw new SightlineException(Problem.BAD_INPUT,
                    MESSAGES.get("rate.range", SpeechSettings.MIN_RATE, SpeechSettings.MAX_RATE));
        }
        if (!(pitch >= SpeechSettings.MIN_PITCH && pitch <= SpeechSettings.MAX_PITCH)) {
            throw new SightlineException(Problem.BAD_INPUT,
                    MESSAGES.get("pitch.range", SpeechSettings.MIN_PITCH, SpeechSettings.MAX_PITCH));
        }
        if (!(volume >= 0 && volume <= 1)) {
            throw new SightlineException(Problem.BAD_INPUT, MESSAGES.get("volume.range"));
        }
        return new SpeechSettings(engine, voice, rate, pitch, volume, language);
    }

    /** A voice the engine does not list is refused up front, with a pointer to --list. */
    private static void checkVoice(TtsEngine engine, SpeechSettings settings) {
        if (settings.voice() == null) {
            return;
        }
        List<Voice> voices = engine.voices();
        String base = settings.voice().split("\\+")[0]; // espeak-ng variants: en+f3
        if (!voices.isEmpty() && voices.stream().noneMatch(v -> v.name().equalsIgnoreCase(base))) {
            throw new SightlineException(Problem.BAD_INPUT, MESSAGES.get("voice.unknown", engine.id(), settings.voice()));
        }
    }

    private String text() throws IOException {
        if (words.size() == 1 && words.get(0).equals("-")) {
            return new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
        }
        return String.join(" ", words);
    }
}
