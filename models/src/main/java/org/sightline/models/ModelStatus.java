package org.sightline.models;

/**
 * Where one catalog model stands in the cache, for lists and the model manager.
 *
 * @param entry the catalog entry
 * @param installed whether every file is present and verified
 * @param bytesOnDisk what the model's directory takes now, including unfinished downloads
 * @param partial whether the model is not installed but some of it is on disk: an interrupted download or
 *     files that a pull will complete
 */
public record ModelStatus(ModelEntry entry, boolean installed, long bytesOnDisk, boolean partial) {
}
