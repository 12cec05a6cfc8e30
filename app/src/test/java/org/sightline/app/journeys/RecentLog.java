package org.sightline.app.journeys;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** The last debug records of one logger tree, kept in memory so that a failed journey step can show them. */
final class RecentLog extends Handler {

    private static final int KEPT = 40;

    private final Deque<String> lines = new ArrayDeque<>();
    /** Held so that the configured level is not lost with a logger that nothing else references. */
    private final Logger logger;

    private RecentLog(Logger logger) {
        this.logger = logger;
    }

    static RecentLog of(String name) {
        RecentLog log = new RecentLog(Logger.getLogger(name));
        log.setLevel(Level.ALL);
        log.logger.setLevel(Level.FINE);
        log.logger.addHandler(log);
        return log;
    }

    @Override
    public synchronized void publish(LogRecord record) {
        if (lines.size() == KEPT) {
            lines.removeFirst();
        }
        lines.addLast(String.format("%tT.%<tL %s", record.getMillis(), record.getMessage()));
    }

    synchronized List<String> recent() {
        return List.copyOf(lines);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
