package org.sightline.models;

import org.sightline.task.TaskContext;

/**
 * Every model Sightline runs comes through the store. Features ask for a model by catalog id and get its
 * verified files; they never know where the cache is or how the files arrived.
 */
public interface ModelStore {

    /** Whether every file of {@code id} is in the cache and verified. */
    boolean isInstalled(String id);

    /**
     * The installed model, installing it first when that needs no network (files bundled on the
     * classpath). A model that would need a download is not fetched here.
     *
     * @throws org.sightline.error.SightlineException of kind MODEL_MISSING, whose message says how to
     *     install it, or BAD_INPUT for an unknown id (the message lists the valid ones)
     */
    InstalledModel require(String id, TaskContext context);
}
