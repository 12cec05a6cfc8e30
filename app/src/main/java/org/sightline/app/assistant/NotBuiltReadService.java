package org.sightline.app.assistant;

import java.util.function.Consumer;
import org.sightline.task.TaskContext;
import org.sightline.vision.capture.Capture;

/** Stands in until text recognition is wired in: says so plainly. */
public final class NotBuiltReadService implements ReadService {
    @Override
    public String read(Capture capture, TaskContext context, Consumer<String> line) {
        throw NotBuiltCaptureService.notBuilt("notBuilt.read");
    }
}
