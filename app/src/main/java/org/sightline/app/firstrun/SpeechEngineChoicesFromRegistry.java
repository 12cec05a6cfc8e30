package org.sightline.app.firstrun;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.sightline.app.voice.LoggingSpeechOutput;
import org.sightline.error.Problem;
import org.sightline.error.SightlineException;
import org.sightline.speech.Priority;
import org.sightline.speech.SpeechOutput;
import org.sightline.speech.SpeechQueue;
import org.sightline.speech.engine.TtsEngine;
import org.sightline.speech.engine.TtsEngines;

/**
 * The setup's voice list backed by the speech engines found on the classpath and the app's running speech
 * queue. A preview switches the queue to the engine for the sample without saving anything; choosing also
 * saves the engine in the settings. Whoever opens the setup puts the saved engine back when it ends, so a
 * voice only heard is not kept.
 */
public final class SpeechEngineChoicesFromRegistry implements SpeechEngineChoices {

    /** Says nothing; offering it would let the setup choose silence as "the best voice". */
    private static final String SILENT = "silent";

    private final TtsEngines registry;
    private final SpeechOutput speech;
    private final Supplier<String> savedEngine;
    private final Consumer<String> saveEngine;

    /**
     * @param registry    the engines to list (their availability is asked here, not of the queue)
     * @param speech      the app's speech output: a {@link SpeechQueue}, perhaps behind the logging wrapper
     * @param savedEngine the engine in the settings, empty for "the best available"
     * @param saveEngine  writes a chosen engine into the settings
     */
    public SpeechEngineChoicesFromRegistry(TtsEngines registry, SpeechOutput speech, Supplier<String> savedEngine,
                                           Consumer<String> saveEngine) {
        this.registry = Objects.requireNonNull(registry);
        this.speech = Objects.requireNonNull(speech);
        this.savedEngine = Objects.requireNonNull(savedEngine);
        this.saveEngine = Objects.requireNonNull(saveEngine);
    }

    /**
     * The voices that can speak here first, best first, then those that could after an install. Engines of
     * another operating system are left out: nothing the user does here can make them speak.
     */
    @Override
    public List<Option> engines() {
        List<Option> available = new ArrayList<>();
        List<Option> missing = new ArrayList<>();
        for (TtsEngine engine : registry.all()) {
            if (engine.id().equals(SILENT)) {
                continue;
            }
            if (engine.isAvailable()) {
                available.add(new Option(engine.id(), displayName(engine.id()), null));
            } else if (!forAnotherSystem(engine.id())) {
                missing.add(new Option(engine.id(), displayName(engine.id()), unavailableReason(engine.id())));
            }
        }
        available.addAll(missing);
        return available;
    }

    private static boolean forAnotherSystem(String id) {
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        return switch (id) {
            case "say" -> !os.contains("mac");
            case "sapi" -> !os.contains("win");
            default -> false;
        };
    }

    @Override
    public void preview(String id, String sample) {
        TtsEngine engine = registry.byId(id).orElseThrow(() -> unavailable(id));
        if (!engine.isAvailable()) {
            throw unavailable(id);
        }
        useEngine(id);
        speech.speak(sample, Priority.NOW);
    }

    @Override
    public void choose(String id) {
        useEngine(id);
        saveEngine.accept(id);
    }

    @Override
    public String currentId() {
        String saved = savedEngine.get();
        if (saved == null || saved.isBlank()) {
            return null;
        }
        // A saved engine that cannot speak here is not "the one speaking now": the queue fell back from it.
        return registry.byId(saved).filter(TtsEngine::isAvailable).map(TtsEngine::id).orElse(null);
    }

    /** Points the queue at {@code id} from its next sentence on; outputs without a queue (tests) ignore it. */
    private void useEngine(String id) {
        LoggingSpeechOutput.queueOf(speech).ifPresent(queue -> queue.setSettings(queue.settings().withEngine(id)));
    }

    private SightlineException unavailable(String id) {
        return new SightlineException(Problem.DEVICE_UNAVAILABLE, unavailableReason(id));
    }

    /** The engine's name as people know it; an engine added later without a translation shows its id. */
    static String displayName(String id) {
        String name = FirstRunViewModel.MESSAGES.get("engine.name." + id);
        return name.equals("engine.name." + id) ? id : name;
    }

    /** What to do to get this engine, in a sentence. */
    static String unavailableReason(String id) {
        String reason = FirstRunViewModel.MESSAGES.get("engine.missing." + id);
        return reason.equals("engine.missing." + id) ? FirstRunViewModel.MESSAGES.get("engine.missing", id) : reason;
    }
}
