package org.sightline.vision.live;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Records what a watch tells, with the moment each line arrived, as a speech output would hear it. */
public final class RecordingListener implements WatchListener {

    /** A line and {@link System#nanoTime()} when it reached the listener. */
    public record Heard(LiveLine line, long nanos) {
    }

    private final List<Heard> lines = new ArrayList<>();
    private final List<String> notices = new ArrayList<>();
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile StopReason reason;

    @Override
    public synchronized void onLine(LiveLine line) {
        lines.add(new Heard(line, System.nanoTime()));
        notifyAll();
    }

    @Override
    public synchronized void onNotice(String sentence) {
        notices.add(sentence);
    }

    @Override
    public void onStopped(StopReason why) {
        reason = why;
        done.countDown();
    }

    public synchronized List<Heard> heard() {
        return List.copyOf(lines);
    }

    public synchronized List<String> texts() {
        return lines.stream().map(h -> h.line().text()).toList();
    }

    public synchronized List<String> notices() {
        return List.copyOf(notices);
    }

    /** Waits until a line with {@code text} arrives (true) or {@code millis} pass (false). */
    public synchronized boolean awaitLine(String text, long millis) throws InterruptedException {
        long end = System.currentTimeMillis() + millis;
        while (lines.stream().noneMatch(h -> h.line().text().equals(text))) {
            long left = end - System.currentTimeMillis();
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return true;
    }

    /** The reason the watch ended, waiting at most {@code millis} for it; null if it did not end. */
    public StopReason awaitStop(long millis) throws InterruptedException {
        done.await(millis, TimeUnit.MILLISECONDS);
        return reason;
    }
}
