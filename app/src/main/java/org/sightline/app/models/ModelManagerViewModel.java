package org.sightline.app.models;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;
import org.sightline.app.AppText;
import org.sightline.app.voice.ProgressAnnouncer;
import org.sightline.error.SightlineException;
import org.sightline.i18n.Messages;
import org.sightline.models.CatalogModelStore;
import org.sightline.models.ModelEntry;
import org.sightline.models.ModelMessages;
import org.sightline.models.ModelStatus;
import org.sightline.models.VerifyReport;
import org.sightline.speech.Earcon;
import org.sightline.speech.Priority;
import org.sightline.speech.SpeechOutput;
import org.sightline.task.Progress;
import org.sightline.task.TaskExecutor;
import org.sightline.task.TaskHandle;
import org.sightline.task.TaskListener;

/**
 * The state and actions of the model manager, free of any toolkit: the list of models with their sizes and states,
 * the selection, one download at a time with its progress, and verify and remove. Progress is also spoken by
 * Sightline's one progress rule ({@link ProgressAnnouncer}), so that a blind user knows a long download is moving
 * without watching a bar, and hears it the same way as in first-run setup.
 *
 * <p>Work runs on the given {@link TaskExecutor}; its callbacks (the JavaFX thread in the app) change the state and
 * then tell the listeners. Reads are safe from any thread.
 */
public final class ModelManagerViewModel {

    static final Messages TEXT = new Messages("org.sightline.app.models.messages");

    private final CatalogModelStore store;
    private final TaskExecutor executor;
    private final SpeechOutput speech;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    private volatile List<ModelRow> rows = List.of();
    private volatile String selectedId;
    private volatile String busyId;
    private volatile double progress = -1;
    private volatile String progressText = "";
    private volatile String status;
    private volatile String diskUse = "";
    private volatile TaskHandle<?> running;
    private volatile String pendingRemoval;
    private volatile boolean downloading;
    private volatile boolean windowClosed;
    private final ModelInstaller installer;
    private final ProgressAnnouncer announcer;

    public ModelManagerViewModel(CatalogModelStore store, TaskExecutor executor, SpeechOutput speech) {
        this(store, executor, speech, System::nanoTime);
    }

    /** @param nanoClock the clock that paces spoken progress ({@link ProgressAnnouncer}) */
    public ModelManagerViewModel(CatalogModelStore store, TaskExecutor executor, SpeechOutput speech,
                                 LongSupplier nanoClock) {
        this.store = Objects.requireNonNull(store);
        this.installer = new ModelInstaller(store);
        this.announcer = new ProgressAnnouncer(speech, nanoClock, percent -> TEXT.get("view.percent", percent));
        this.executor = Objects.requireNonNull(executor);
        this.speech = Objects.requireNonNull(speech);
        this.status = TEXT.get("view.idle");
        refresh();
        unpackBundled();
    }

    /** Models shipped inside the app (PP-OCR) need no download: unpack them in the background and show them. */
    private void unpackBundled() {
        boolean any = store.catalog().entries().stream().anyMatch(e -> e.bundled() && !store.isInstalled(e.id()));
        if (!any) {
            return;
        }
        executor.submit(context -> {
            for (ModelEntry e : store.catalog().entries()) {
                if (e.bundled() && !store.isInstalled(e.id())) {
                    store.require(e.id(), context);
                }
            }
            return null;
        }, new TaskListener<Object>() {
            @Override
            public void succeeded(Object ignored) {
                if (!busy()) {
                    refresh();
                }
            }
        });
    }

    /** Called after every change of state, on the thread that made it. */
    public void addListener(Runnable onChange) {
        listeners.add(onChange);
    }

    private void changed() {
        listeners.forEach(Runnable::run);
    }

    // ------------------------------------------------------------------ state

    public List<ModelRow> rows() {
        return rows;
    }

    public String selectedId() {
        return selectedId;
    }

    public ModelRow selected() {
        String id = selectedId;
        return rows.stream().filter(r -> r.id().equals(id)).findFirst().orElse(null);
    }

    /** The id of the model being downloaded, or null. */
    public String busyId() {
        return busyId;
    }

    public boolean busy() {
        return busyId != null;
    }

    /** Download progress 0..1, or -1 when nothing is downloading or the size is unknown. */
    public double progress() {
        return progress;
    }

    /** The progress in words, with rate and time left: for the bar's accessible text. */
    public String progressText() {
        return progressText;
    }

    /** The last thing that happened, in one sentence. */
    public String status() {
        return status;
    }

    /** How much disk the models take and where. */
    public String diskUse() {
        return diskUse;
    }

    public boolean canDownload() {
        ModelRow r = selected();
        return r != null && !r.installed() && !busy();
    }

    public boolean canRemove() {
        ModelRow r = selected();
        return r != null && (r.installed() || r.partial()) && !r.builtIn() && !busy();
    }

    /** The id of the model whose removal waits for the user's yes, or null. */
    public String pendingRemoval() {
        return pendingRemoval;
    }

    public boolean canVerify() {
        ModelRow r = selected();
        return r != null && (r.installed() || r.partial()) && !busy();
    }

    public boolean canCancel() {
        return busy();
    }

    // ------------------------------------------------------------------ actions

    /** Reads the cache again (sizes, states, disk use). */
    public void refresh() {
        reload();
        changed();
    }

    private void reload() {
        List<ModelRow> list = new ArrayList<>();
        for (ModelStatus s : store.statuses()) {
            list.add(ModelRow.of(s));
        }
        rows = List.copyOf(list);
        if (selectedId == null && !list.isEmpty()) {
            selectedId = list.get(0).id();
        }
        diskUse = TEXT.get("view.diskUse", ModelMessages.size(store.bytesOnDisk()), store.cacheDirectory());
    }

    /** Selects {@code id}; moving away from a model whose removal was asked about keeps it. */
    public void select(String id) {
        if (id != null && rows.stream().anyMatch(r -> r.id().equals(id))) {
            if (pendingRemoval != null && !pendingRemoval.equals(id)) {
                pendingRemoval = null;
                status = TEXT.get("view.idle");
            }
            selectedId = id;
            changed();
        }
    }

    /** Downloads the selected model in the background. */
    public void download() {
        ModelRow r = selected();
        if (r == null) {
            say(TEXT.get("view.noSelection"), false);
            return;
        }
        download(r.id());
    }

    /** Downloads {@code id} in the background, speaking its progress by the one progress rule. */
    public void download(String id) {
        if (busy()) {
            say(TEXT.get("view.busy"), false);
            return;
        }
        ModelEntry entry = store.catalog().get(id);
        busyId = id;
        downloading = true;
        progress = 0;
        progressText = "";
        announcer.reset();
        status = TEXT.get("view.downloading", entry.name());
        speech.play(Earcon.WORKING);
        speech.speak(status, Priority.NOW);
        changed();
        running = executor.submit(context -> {
            installer.download(List.of(id), context);
            return null;
        }, new TaskListener<Object>() {
            @Override
            public void progressed(Progress p) {
                onProgress(p);
            }

            @Override
            public void succeeded(Object ignored) {
                finish(TEXT.get("view.downloaded", entry.name()), Earcon.DONE);
            }

            @Override
            public void failed(Throwable error) {
                finish(TEXT.get("view.failed", AppText.userMessage(error)), Earcon.ERROR);
            }

            @Override
            public void cancelled() {
                finish(TEXT.get("view.cancelled", entry.name()), Earcon.DONE);
            }
        });
    }

    private void onProgress(Progress p) {
        if (!busy()) {
            return;
        }
        progress = p.isDeterminate() ? Math.min(1.0, (double) p.done() / p.total()) : -1;
        progressText = p.message();
        announcer.report(p);
        changed();
    }

    private void finish(String message, Earcon earcon) {
        // Read the cache first, so that whoever sees "not busy" also sees the new states.
        reload();
        running = null;
        progress = -1;
        progressText = "";
        status = message;
        busyId = null;
        downloading = false;
        if (!windowClosed) {
            // After the window closed, its closing already said what stopped.
            speech.play(earcon);
            speech.speak(message, Priority.NOW);
        }
        changed();
    }

    /** Stops the running download; its partial file is kept for a later resume. */
    public void cancel() {
        TaskHandle<?> h = running;
        if (h != null) {
            h.cancel();
        }
    }

    /**
     * Asks before removing the selected model ("Remove Demo VLM, 2 MB? ..."); called again while the question is
     * open, removes it. A model built into Sightline is never removed: that is said instead.
     */
    public void remove() {
        ModelRow r = selected();
        if (r == null || busy()) {
            say(TEXT.get(r == null ? "view.noSelection" : "view.busy"), false);
            return;
        }
        if (r.builtIn()) {
            say(TEXT.get("view.builtIn", r.name()), true);
            return;
        }
        if (!r.installed() && !r.partial()) {
            say(TEXT.get("view.notInstalled", r.name()), false);
            return;
        }
        if (r.id().equals(pendingRemoval)) {
            confirmRemove();
            return;
        }
        pendingRemoval = r.id();
        say(TEXT.get("view.confirmRemove", r.name(), r.size()), false);
    }

    /** Removes the model the user was asked about; nothing when no question is open. */
    public void confirmRemove() {
        String id = pendingRemoval;
        ModelRow r = rows.stream().filter(row -> row.id().equals(id)).findFirst().orElse(null);
        pendingRemoval = null;
        if (r == null || busy()) {
            return;
        }
        try {
            long freed = store.bytesOnDisk();
            store.remove(r.id());
            freed -= store.bytesOnDisk();
            reload();
            // Look again: say it is gone only when the cache no longer holds it.
            if (store.isInstalled(r.id()) || rows.stream().anyMatch(row -> row.id().equals(id) && row.partial())) {
                say(TEXT.get("view.removeFailed", r.name()), true);
            } else {
                say(TEXT.get("view.removed", r.name(), ModelMessages.size(Math.max(0, freed))), false);
            }
        } catch (SightlineException e) {
            reload();
            say(e.getMessage(), true);
        }
    }

    /** Answers no to the open removal question: the model stays. */
    public void keep() {
        ModelRow r = selected();
        if (pendingRemoval == null || r == null) {
            return;
        }
        pendingRemoval = null;
        say(TEXT.get("view.kept", r.name()), false);
    }

    /**
     * The window closes: a running download or check stops (a download's partial file is kept, so it resumes
     * later), and an open removal question is answered no. A stopped download is said.
     */
    public void close() {
        pendingRemoval = null;
        windowClosed = true;
        if (busy()) {
            String name = store.catalog().get(busyId).name();
            boolean wasDownload = downloading;
            cancel();
            if (wasDownload) {
                speech.speak(TEXT.get("view.closedWhileBusy", name), Priority.NOW);
            }
        }
    }

    /** Checks every file of the selected model against its hash; damaged files are removed. */
    public void verify() {
        ModelRow r = selected();
        if (r == null || busy()) {
            say(TEXT.get(r == null ? "view.noSelection" : "view.busy"), false);
            return;
        }
        String id = r.id();
        busyId = id;
        status = TEXT.get("verify.progress", r.name());
        speech.play(Earcon.WORKING);
        changed();
        running = executor.submit(context -> store.verify(id, context), new TaskListener<VerifyReport>() {
            @Override
            public void succeeded(VerifyReport report) {
                if (report.ok()) {
                    finish(TEXT.get("view.verified", r.name()), Earcon.DONE);
                } else if (report.anyCorrupt()) {
                    finish(TEXT.get("view.verifyFailed", r.name()), Earcon.ERROR);
                } else {
                    finish(TEXT.get("view.notInstalled", r.name()), Earcon.ERROR);
                }
            }

            @Override
            public void failed(Throwable error) {
                finish(AppText.userMessage(error), Earcon.ERROR);
            }

            @Override
            public void cancelled() {
                finish(TEXT.get("view.idle"), Earcon.DONE);
            }
        });
    }

    /**
     * The one spoken prompt for a feature that needs a missing model: its name and download size, asking whether
     * to download. The caller shows a Yes/No choice and calls {@link #download(String)} on yes.
     */
    public String offerDownload(String id) {
        ModelEntry e = store.catalog().get(id);
        String text = TEXT.get("view.offerDownload", e.name(), ModelMessages.size(e.size()));
        speech.speak(text, Priority.NOW);
        return text;
    }

    private void say(String text, boolean error) {
        status = text;
        if (error) {
            speech.play(Earcon.ERROR);
        }
        speech.speak(text, Priority.NOW);
        changed();
    }

}
