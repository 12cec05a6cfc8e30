package org.sightline.speech;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.sightline.error.Problem;
import org.sightline.error.SightlineException;
import org.sightline.i18n.Messages;
import org.sightline.speech.audio.PcmRecorder;
import org.sightline.speech.engine.EngineFailure;
import org.sightline.speech.engine.TtsEngine;
import org.sightline.speech.engine.TtsEngines;
import org.sightline.task.CancellationToken;

/**
 * Renders text to a WAV file with one engine, sentence by sentence, for the {@code speak --out} command and
 * for checking what an engine produces. Every failure is a {@link SightlineException} with a clear message.
 */
public final class SpeechRenderer {

    private static final Messages MESSAGES = new Messages("org.sightline.speech.messages");

    /** What was written. */
    public record Rendered(Path file, String engine, double seconds) {
    }

    private final TtsEngines engines;

    public SpeechRenderer(TtsEngines engines) {
        this.engines = engines;
    }

    /** The engine that would render with these settings: the chosen one, else the best available renderer. */
    public TtsEngine engineFor(SpeechSettings settings) {
        if (!settings.isAutoEngine()) {
            TtsEngine chosen = engines.byId(settings.engine()).orElseThrow(() -> new SightlineException(
                    Problem.BAD_INPUT, MESSAGES.get("engine.unknown", settings.engine(), String.join(", ", engines.ids()))));
            if (!chosen.isAvailable()) {
                throw new SightlineException(Problem.DEVICE_UNAVAILABLE,
                        MESSAGES.get("engine.unavailable", chosen.id(), availableIds(false)));
            }
            if (!chosen.rendersAudio()) {
                throw new SightlineException(Problem.BAD_INPUT,
                        MESSAGES.get("engine.cannotRender", chosen.id(), availableIds(true)));
            }
            return chosen;
        }
        List<TtsEngine> renderers = engines.fallbackOrder(null, true);
        if (renderers.isEmpty()) {
            throw new SightlineException(Problem.DEVICE_UNAVAILABLE,
                    MESSAGES.get("engine.unavailable", "", availableIds(false)));
        }
        return renderers.get(0);
    }

    /** Speaks {@code text} into {@code out} as 16-bit PCM WAV. */
    public Rendered render(String text, SpeechSettings settings, Path out, CancellationToken cancel) {
        List<String> sentences = text == null ? List.of() : SentenceSplitter.split(text);
        if (sentences.isEmpty()) {
            throw new SightlineException(Problem.BAD_INPUT, MESSAGES.get("text.empty"));
        }
        Path parent = out.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent) || Files.isDirectory(out)) {
            throw new SightlineException(Problem.BAD_INPUT, MESSAGES.get("out.unwritable", out,
                    Files.isDirectory(out) ? "it is a folder" : "its folder does not exist"));
        }
        TtsEngine engine = engineFor(settings);
        PcmRecorder recorder = new PcmRecorder();
        try {
            for (String sentence : sentences) {
                cancel.throwIfCancelled();
                engine.speak(sentence, settings, recorder, cancel);
            }
        } catch (EngineFailure e) {
            throw new SightlineException(Problem.INTERNAL, MESSAGES.get("render.failed", engine.id(), e.getMessage()), e);
        } finally {
            engine.close();
        }
        if (recorder.format() == null) {
            throw new SightlineException(Problem.BAD_INPUT, MESSAGES.get("render.nothing", engine.id()));
        }
        try {
            recorder.writeWav(out);
        } catch (IOException e) {
            throw new SightlineException(Problem.BAD_INPUT, MESSAGES.get("out.unwritable", out, e.getMessage()), e);
        }
        return new Rendered(out, engine.id(), recorder.seconds());
    }

    private String availableIds(boolean renderersOnly) {
        return String.join(", ", engines.fallbackOrder(null, renderersOnly).stream().map(TtsEngine::id).toList());
    }
}
