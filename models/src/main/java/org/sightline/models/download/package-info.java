/**
 * Verified, resumable downloads over java.net.http: into a partial file beside the cache, hashed while
 * streaming, resumed with HTTP Range after an interruption, retried with backoff, never started when offline.
 */
package org.sightline.models.download;
