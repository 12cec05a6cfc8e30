package org.sightline.task;

/**
 * How far a task is. {@code total} is negative when unknown. {@code message} is a short, already
 * translated phrase the app may show and speak ("Recognising line 3 of 20").
 */
public record Progress(long done, long total, String message) {

    public static Progress indeterminate(String message) {
        return new Progress(0, -1, message);
    }

    public boolean isDeterminate() {
        return total > 0;
    }

    /** Whole percent 0-100, or -1 when the total is unknown. */
    public int percent() {
        if (!isDeterminate()) {
            return -1;
        }
        return (int) Math.max(0, Math.min(100, done * 100 / total));
    }
}
