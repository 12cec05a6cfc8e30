package org.sightline.spi;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.function.ToIntFunction;

/**
 * Finds the implementations of a capability and orders them best first. Each registry (speech's {@code TtsEngines},
 * vision's {@code OcrProviders} and {@code VisionLanguageProviders}) keeps only what its family adds: what
 * "available" means and how a choice picks one.
 */
public final class RankedServices {

    private RankedServices() {
    }

    /** Every implementation of {@code type} listed in {@code META-INF/services}, in classpath order. */
    public static <T> List<T> load(Class<T> type) {
        List<T> found = new ArrayList<>();
        for (T service : ServiceLoader.load(type, type.getClassLoader())) {
            found.add(service);
        }
        return found;
    }

    /** {@code services} ordered by {@code rank}, highest first; equal ranks keep their order. Unmodifiable. */
    public static <T> List<T> bestFirst(Collection<? extends T> services, ToIntFunction<? super T> rank) {
        List<T> sorted = new ArrayList<>(services);
        sorted.sort(Comparator.comparingInt(rank).reversed());
        return List.copyOf(sorted);
    }
}
