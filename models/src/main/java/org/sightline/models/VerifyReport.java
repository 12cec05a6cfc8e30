package org.sightline.models;

import java.util.List;

/** The result of hashing every file of one model against the catalog or the hash trusted on first use. */
public record VerifyReport(String id, List<FileCheck> files) {

    /** The state of one file after verifying. */
    public enum State {
        /** Present and its hash matches. */
        OK,
        /** Not in the cache. */
        MISSING,
        /** Present but its hash or size does not match; it was removed so that it is never loaded. */
        CORRUPT,
        /** Present and hashed, but the catalog has no hash and none was recorded before; recorded now. */
        RECORDED
    }

    /** One file's check. */
    public record FileCheck(String role, String name, State state, String expectedSha256, String actualSha256) {
    }

    public VerifyReport {
        files = List.copyOf(files);
    }

    /** Whether every file is present and matches. */
    public boolean ok() {
        return files.stream().allMatch(f -> f.state() == State.OK || f.state() == State.RECORDED);
    }

    public boolean anyCorrupt() {
        return files.stream().anyMatch(f -> f.state() == State.CORRUPT);
    }
}
