package org.sightline.models.download;

import java.time.Duration;

/**
 * How far a model download is, summed over its files.
 *
 * @param id the model id
 * @param file the file being transferred now
 * @param loaded bytes in the cache so far, including resumed ones; never decreases during one pull
 * @param total bytes of the whole model, or -1 when unknown
 * @param bytesPerSecond the recent transfer rate, 0 until known
 * @param remaining the estimated time left, or {@code null} when it cannot be estimated
 */
public record DownloadProgress(String id, String file, long loaded, long total, double bytesPerSecond,
                               Duration remaining) {

    /** Whole percent 0-100, or -1 when the total is unknown. */
    public int percent() {
        if (total <= 0) {
            return -1;
        }
        return (int) Math.max(0, Math.min(100, loaded * 100 / total));
    }
}
