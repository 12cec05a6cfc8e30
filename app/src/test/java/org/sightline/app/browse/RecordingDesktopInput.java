package org.sightline.app.browse;

import java.util.ArrayList;
import java.util.List;

/** A desktop that records what it was asked to do, for the confirmation and safety rules. */
public final class RecordingDesktopInput implements DesktopInput {

    private final List<String> events = new ArrayList<>();

    @Override
    public synchronized void moveTo(int x, int y) {
        events.add("move " + x + "," + y);
    }

    @Override
    public synchronized void click() {
        events.add("click");
    }

    @Override
    public synchronized void type(String text) {
        events.add("type " + text);
    }

    public synchronized List<String> events() {
        return List.copyOf(events);
    }
}
