package org.sightline.speech.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sightline.spi.RankedServices;

/** The engines found on the classpath, best first, and the fallback order for a chosen one. */
public final class TtsEngines {

    private final List<TtsEngine> all;

    public TtsEngines(List<TtsEngine> engines) {
        this.all = RankedServices.bestFirst(engines, TtsEngine::rank);
    }

    /** Every engine registered through ServiceLoader, available or not. */
    public static TtsEngines discover() {
        return new TtsEngines(RankedServices.load(TtsEngine.class));
    }

    /** All engines, best first. */
    public List<TtsEngine> all() {
        return all;
    }

    public List<String> ids() {
        return all.stream().map(TtsEngine::id).toList();
    }

    public Optional<TtsEngine> byId(String id) {
        return all.stream().filter(e -> e.id().equalsIgnoreCase(id)).findFirst();
    }

    /**
     * The order to try engines in: the preferred one first if it is available, then every other available
     * engine best first. With {@code renderersOnly}, engines that cannot write audio are left out.
     */
    public List<TtsEngine> fallbackOrder(String preferredId, boolean renderersOnly) {
        List<TtsEngine> order = new ArrayList<>();
        if (preferredId != null) {
            byId(preferredId).filter(TtsEngine::isAvailable)
                    .filter(e -> !renderersOnly || e.rendersAudio())
                    .ifPresent(order::add);
        }
        for (TtsEngine e : all) {
            if (!order.contains(e) && (!renderersOnly || e.rendersAudio()) && e.isAvailable()) {
                order.add(e);
            }
        }
        return order;
    }
}
