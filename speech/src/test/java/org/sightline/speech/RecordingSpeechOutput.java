package org.sightline.speech;

import java.util.ArrayList;
import java.util.List;

/**
 * A real output that records what would have been said instead of making sound: used by tests that assert
 * on speech, and by the command line's --silent runs. Thread-safe.
 */
public final class RecordingSpeechOutput implements SpeechOutput {

    /** One recorded event: spoken text with its priority, a stop, or an earcon. */
    public record Event(String kind, String text, Priority priority) {
        @Override
        public String toString() {
            return kind + (text == null ? "" : ":" + text);
        }
    }

    private final List<Event> events = new ArrayList<>();

    @Override
    public synchronized void speak(String text, Priority priority) {
        events.add(new Event("speak", text, priority));
    }

    @Override
    public synchronized void stop() {
        events.add(new Event("stop", null, null));
    }

    @Override
    public synchronized void play(Earcon earcon) {
        events.add(new Event("earcon", earcon.name(), null));
    }

    public synchronized List<Event> events() {
        return List.copyOf(events);
    }

    /** Only the spoken texts, in order. */
    public synchronized List<String> spoken() {
        List<String> out = new ArrayList<>();
        for (Event e : events) {
            if (e.kind().equals("speak")) {
                out.add(e.text());
            }
        }
        return out;
    }

    public synchronized String lastSpoken() {
        List<String> s = spoken();
        return s.isEmpty() ? null : s.get(s.size() - 1);
    }

    public synchronized void clear() {
        events.clear();
    }
}
