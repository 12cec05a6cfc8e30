package org.sightline.app.firstrun;

import java.nio.file.Path;
import java.util.List;
import org.sightline.task.TaskContext;

/**
 * The models the user may get during setup. The app backs this with the model catalog and store; setup
 * shows what each is for and how big it is, then downloads the chosen ones or imports them from a folder
 * (for computers with no connection).
 */
public interface ModelChoices {

    /** One model of the catalog. {@code purpose} is an already translated phrase ("reads text"). */
    record Option(String id, String displayName, String purpose, long sizeBytes, boolean installed,
                  boolean recommended) {
    }

    /** The catalog as it stands now (call again after a download or an import). */
    List<Option> models();

    /**
     * Downloads and installs the models {@code ids}, reporting progress and checking cancellation.
     *
     * @throws org.sightline.error.SightlineException with a message for the user (no connection, disk full)
     */
    void download(List<String> ids, TaskContext context) throws Exception;

    /**
     * Installs every model found in {@code folder} (copied there from another computer), verifying each.
     *
     * @return the ids installed, empty when the folder holds no Sightline model
     * @throws org.sightline.error.SightlineException of kind BAD_INPUT for a missing or unreadable folder
     */
    List<String> importFrom(Path folder, TaskContext context) throws Exception;
}
