package org.sightline.app.assistant;

import java.util.function.Consumer;
import org.sightline.task.TaskContext;
import org.sightline.vision.capture.Capture;

/** Reads all the text of a capture in reading order. */
public interface ReadService {

    /**
     * Returns the whole text, one line per line read. Each line is also handed to {@code line} as soon as it is
     * recognised (on the worker thread), so the first line can be spoken before the last one is read.
     */
    String read(Capture capture, TaskContext context, Consumer<String> line);
}
