package org.sightline.app.shell;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.sightline.app.assistant.Assistant;
import org.sightline.app.assistant.OcrReadService;
import org.sightline.app.assistant.VisionDescribeService;
import org.sightline.app.service.ServiceAddress;
import org.sightline.app.service.ServiceWork;
import org.sightline.app.service.SightlineService;
import org.sightline.app.settings.Settings;
import org.sightline.error.SightlineException;
import org.sightline.i18n.Messages;

/**
 * The desktop app answering the service protocol itself, so that screen-reader add-ons, scripts and
 * {@code sightline} commands are served by the models the window has already loaded, in one process, instead of
 * by a second process loading them again (docs/decisions/0023-app-serves.md). Requests run on the service's own
 * worker thread, never on the JavaFX thread. When another service already answers at the same place, the user
 * hears so once and nothing else listens; closing stops serving and removes the socket or connection file.
 */
public final class AppServing implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(AppServing.class.getName());
    private static final Messages MESSAGES = new Messages("org.sightline.app.service.service");

    /**
     * Whether the app serves, and where.
     *
     * @param always  serve whatever the settings say ({@code sightline --serve})
     * @param address where to listen, as {@code sightline serve} would
     */
    public record Choice(boolean always, ServiceAddress address) {

        public Choice {
            Objects.requireNonNull(address, "address");
        }

        /** Serve at the usual place when the user's settings ask for it; what {@code ./sightline} does. */
        public static Choice asSettingsSay() {
            return new Choice(false, ServiceAddress.standard());
        }

        /** Serve at {@code address} whatever the settings say. */
        public static Choice always(ServiceAddress address) {
            return new Choice(true, address);
        }

        /** Whether the app serves with {@code settings}. */
        public boolean wanted(Settings settings) {
            return always || settings.serveRequests();
        }
    }

    private final Choice choice;
    private final Thread stopAtExit = new Thread(this::close, "sightline-app-service-stop");
    private SightlineService service;
    private boolean closed;

    private AppServing(Choice choice) {
        this.choice = choice;
    }

    /**
     * Starts serving with the app's own reader and describer when {@code choice} wants it with {@code settings},
     * on a thread of its own (asking whether another service answers can take a moment). {@code say} hears, once
     * and from that thread, a sentence when the app does not serve after all: another service already answers,
     * or the place cannot be listened on.
     */
    static AppServing start(Choice choice, Settings settings, Assistant assistant, Consumer<String> say) {
        AppServing serving = new AppServing(choice);
        if (!choice.wanted(settings)) {
            return serving;
        }
        Optional<ServiceWork> work = sharedWork(assistant);
        if (work.isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "The app has no models of its own to serve requests with");
            return serving;
        }
        Thread starting = new Thread(() -> serving.listen(work.get(), say), "sightline-app-service-start");
        starting.setDaemon(true);
        starting.start();
        return serving;
    }

    /** The service's work over the app's own recogniser and describer, when the app has real ones. */
    private static Optional<ServiceWork> sharedWork(Assistant assistant) {
        if (assistant.reader() instanceof OcrReadService reader
                && assistant.describer() instanceof VisionDescribeService describer) {
            return Optional.of(ServiceWork.sharing(reader.reader(), describer.describer()));
        }
        return Optional.empty();
    }

    private void listen(ServiceWork work, Consumer<String> say) {
        if (choice.address().answering()) {
            say.accept(MESSAGES.get("app.serviceRunning", choice.address().path()));
            return;
        }
        SightlineService started;
        try {
            started = SightlineService.start(choice.address(), work);
        } catch (SightlineException e) {
            say.accept(MESSAGES.get("app.cannotServe", e.getMessage()));
            return;
        }
        synchronized (this) {
            if (closed) {
                started.close();
                return;
            }
            service = started;
            Runtime.getRuntime().addShutdownHook(stopAtExit);
        }
        LOG.log(System.Logger.Level.INFO, "Sightline answers add-ons and scripts at " + started.path());
    }

    /** Where the app serves now; empty while it does not (not wanted, still starting, or refused). */
    public synchronized Optional<java.nio.file.Path> servingAt() {
        return Optional.ofNullable(service).map(SightlineService::path);
    }

    /** Stops serving: the requests under way are cancelled and the socket or connection file is removed. */
    @Override
    public void close() {
        SightlineService stopping;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            stopping = service;
            service = null;
        }
        if (stopping == null) {
            return;
        }
        if (Thread.currentThread() != stopAtExit) {
            try {
                Runtime.getRuntime().removeShutdownHook(stopAtExit);
            } catch (IllegalStateException exiting) {
                // The hook is running or about to: it finds the service already stopped.
            }
        }
        stopping.close();
    }
}
