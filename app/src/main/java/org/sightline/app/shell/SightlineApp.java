package org.sightline.app.shell;

import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Application;
import javafx.stage.Stage;

/**
 * The JavaFX application. JavaFX creates it by reflection, so its services are handed over through
 * {@link #launch(AppServices)} before the toolkit starts.
 */
public final class SightlineApp extends Application {

    private static final AtomicReference<AppServices> SERVICES = new AtomicReference<>();

    private DesktopShell shell;

    /** Starts the toolkit and blocks until the last window closes. */
    public static void launch(AppServices services) {
        SERVICES.set(services);
        Application.launch(SightlineApp.class);
    }

    @Override
    public void start(Stage stage) {
        shell = DesktopShell.open(stage, SERVICES.get());
    }

    @Override
    public void stop() {
        if (shell != null) {
            shell.close();
        }
    }
}
