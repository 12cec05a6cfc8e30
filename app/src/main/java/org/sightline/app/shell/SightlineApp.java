package org.sightline.app.shell;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Application;
import javafx.stage.Stage;
import org.sightline.app.AppText;
import org.sightline.app.settings.Settings;

/**
 * The JavaFX application. JavaFX creates it by reflection, so its services are handed over through
 * {@link #launch(AppServices)} before the toolkit starts.
 */
public final class SightlineApp extends Application {

    private static final AtomicReference<AppServices> SERVICES = new AtomicReference<>();
    private static final AtomicReference<Path> IMAGE = new AtomicReference<>();

    private DesktopShell shell;

    /** Starts the toolkit and blocks until the last window closes. */
    public static void launch(AppServices services) {
        launch(services, null);
    }

    /** As {@link #launch(AppServices)}, opening {@code image} (when not null) as soon as the window shows. */
    public static void launch(AppServices services, Path image) {
        SERVICES.set(services);
        IMAGE.set(image);
        Application.launch(SightlineApp.class);
    }

    @Override
    public void start(Stage stage) {
        Optional<DisplayLossNotice> displayLoss =
                DisplayLossNotice.watch(System.getenv("DISPLAY"), AppText.get("launch.displayLost"));
        shell = DesktopShell.open(stage, SERVICES.get(), IMAGE.get());
        Settings settings = shell.settings();
        displayLoss.ifPresent(notice -> notice.spoken(
                !Boolean.FALSE.equals(settings.selfVoicing()) && !"silent".equals(settings.speechEngine())));
    }

    @Override
    public void stop() {
        if (shell != null) {
            shell.close();
        }
    }
}
