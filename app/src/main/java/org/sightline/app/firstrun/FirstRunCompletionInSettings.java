package org.sightline.app.firstrun;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.sightline.app.settings.Settings;

/**
 * Keeps the setup's "done" mark in the settings file. Leaving the setup early counts as done too: it must
 * not come back at every start for someone who chose to skip it; Shift+F1 replays it.
 */
public final class FirstRunCompletionInSettings implements FirstRunCompletion {

    private final Supplier<Settings> current;
    private final Consumer<Settings> save;

    /**
     * @param current the settings in use now
     * @param save    saves changed settings and puts them in use
     */
    public FirstRunCompletionInSettings(Supplier<Settings> current, Consumer<Settings> save) {
        this.current = Objects.requireNonNull(current);
        this.save = Objects.requireNonNull(save);
    }

    @Override
    public boolean isCompleted() {
        return current.get().firstRunDone();
    }

    @Override
    public void record(Outcome outcome) {
        Settings now = current.get();
        if (!now.firstRunDone()) {
            save.accept(now.withFirstRunDone(true));
        }
    }
}
